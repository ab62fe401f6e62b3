package dev.qfl.stdlib.forecast;

import java.util.random.RandomGenerator;

/**
 * A joint distribution over the horizon known through stored sample paths (as a sampling model
 * such as mqf2 produces them). Asking for as many paths as are stored returns them all; other
 * counts are drawn from them with replacement.
 */
public final class SampledJoint implements JointDistribution {
    private final double[][] paths;

    public SampledJoint(double[][] paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("no paths");
        }
        this.paths = new double[paths.length][];
        for (int i = 0; i < paths.length; i++) {
            this.paths[i] = paths[i].clone();
        }
    }

    @Override
    public int dimension() {
        return paths[0].length;
    }

    public int size() {
        return paths.length;
    }

    /**
     * How many paths to draw from {@code joint}: all of a sampling model's stored paths (drawing
     * them with replacement would only repeat draws), or {@code fresh} new draws otherwise.
     */
    public static int pathsToDraw(JointDistribution joint, int fresh) {
        return joint instanceof SampledJoint stored ? stored.size() : fresh;
    }

    @Override
    public double[][] sample(int count, RandomGenerator random) {
        double[][] out = new double[count][];
        for (int i = 0; i < count; i++) {
            out[i] = (count == paths.length ? paths[i] : paths[random.nextInt(paths.length)]).clone();
        }
        return out;
    }

    /** The same paths with every value at least {@code floor} (demand is never negative). */
    public SampledJoint floored(double floor) {
        double[][] copy = new double[paths.length][];
        for (int i = 0; i < paths.length; i++) {
            copy[i] = paths[i].clone();
            for (int h = 0; h < copy[i].length; h++) {
                copy[i][h] = Math.max(floor, copy[i][h]);
            }
        }
        return new SampledJoint(copy);
    }
}
