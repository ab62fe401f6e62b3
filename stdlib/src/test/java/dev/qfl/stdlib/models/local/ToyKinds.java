package dev.qfl.stdlib.models.local;

import dev.qfl.stdlib.model.ModelSpec;
import java.util.List;
import java.util.random.RandomGenerator;

/** Two tiny local kinds with known forecasts, for testing the local and combining machinery. */
public final class ToyKinds {
    private ToyKinds() {
    }

    /** A local kind with no options of its own whose fits are given by a function. */
    private abstract static class Toy extends LocalKind {
        private final String name;
        private final SeriesFitter fitter;

        Toy(String name, SeriesFitter fitter) {
            super(List.of());
            this.name = name;
            this.fitter = fitter;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String summary() {
            return "a toy for tests";
        }

        @Override
        public int minimumLength(ModelSpec spec) {
            return 3;
        }

        @Override
        protected SeriesFitter fitter() {
            return fitter;
        }
    }

    /** A random walk: step h is the last value with variance h·σ², σ² from the differences. */
    public static final class Walk extends Toy {
        public Walk() {
            super("walk", (values, season, spec) -> {
                double s2 = 0;
                for (int t = 1; t < values.length; t++) {
                    s2 += (values[t] - values[t - 1]) * (values[t] - values[t - 1]);
                }
                return new Gaussian("walk", values[values.length - 1], s2 / (values.length - 1), true);
            });
        }
    }

    /** An i.i.d. level: every step is the series' mean with its variance. */
    public static final class Level extends Toy {
        public Level() {
            super("level", (values, season, spec) -> {
                double m = 0;
                for (double v : values) {
                    m += v;
                }
                m /= values.length;
                double s2 = 0;
                for (double v : values) {
                    s2 += (v - m) * (v - m);
                }
                return new Gaussian("level", m, s2 / (values.length - 1), false);
            });
        }
    }

    /** Normal steps around a constant; a walk's variance grows with the step. */
    record Gaussian(String label, double level, double variance, boolean walk) implements SeriesFit {
        @Override
        public double[] mean(int horizon) {
            double[] out = new double[horizon];
            java.util.Arrays.fill(out, level);
            return out;
        }

        @Override
        public double[] variance(int horizon) {
            double[] out = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                out[h] = walk ? (h + 1) * variance : variance;
            }
            return out;
        }

        @Override
        public double[][] paths(int horizon, int count, RandomGenerator random) {
            double[][] out = new double[count][horizon];
            double sd = Math.sqrt(variance);
            for (int i = 0; i < count; i++) {
                double x = level;
                for (int h = 0; h < horizon; h++) {
                    x = walk ? x + sd * random.nextGaussian() : level + sd * random.nextGaussian();
                    out[i][h] = x;
                }
            }
            return out;
        }
    }
}
