package dev.qfl.stdlib.models.combine;

import dev.qfl.stdlib.dist.QuantileAverage;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.JointDistribution;
import dev.qfl.stdlib.forecast.SeriesForecast;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Combines the forecasts of several models of one series into one: every step's quantile function
 * is the weighted level-by-level average of the members' ({@link QuantileAverage}), and the joint
 * paths are averaged the same way ({@link AveragedJoint}) when every member has them.
 */
public final class Combination {
    private Combination() {
    }

    /**
     * The combined forecast of series {@code id}, from the members that forecast it (the weights of
     * the others are dropped and the rest renormalised); empty when none does.
     *
     * @param members each member's forecasts by series id, in member order
     * @param weights one weight per member
     */
    static Optional<SeriesForecast> of(String id, List<Map<String, SeriesForecast>> members, double[] weights) {
        List<SeriesForecast> found = new ArrayList<>();
        List<Double> kept = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            SeriesForecast f = members.get(i).get(id);
            if (f != null && weights[i] > 0) {
                found.add(f);
                kept.add(weights[i]);
            }
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        double[] w = kept.stream().mapToDouble(Double::doubleValue).toArray();
        double total = 0;
        for (double v : w) {
            total += v;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= total;
        }
        SeriesForecast first = found.get(0);
        List<QuantileFunction> steps = new ArrayList<>();
        for (int h = 1; h <= first.horizon(); h++) {
            List<QuantileFunction> at = new ArrayList<>();
            for (SeriesForecast f : found) {
                at.add(f.step(h));
            }
            steps.add(QuantileAverage.of(at, w));
        }
        JointDistribution joint = null;
        if (found.stream().allMatch(f -> f.joint() != null)) {
            joint = found.size() == 1 ? first.joint()
                    : new AveragedJoint(found.stream().map(SeriesForecast::joint).toList(), w);
        }
        return Optional.of(new SeriesForecast(id, first.frequency(), first.origin(), steps, joint));
    }

    /**
     * The series {@code ids}, in that order, each combined with its own weights (or
     * {@code fallback} when it has none).
     */
    public static ForecastSet all(String name, int horizon, List<String> ids, List<ForecastSet> members,
                                  Map<String, double[]> weights, double[] fallback) {
        List<Map<String, SeriesForecast>> byId = new ArrayList<>();
        for (ForecastSet set : members) {
            Map<String, SeriesForecast> map = new HashMap<>();
            set.series().forEach(s -> map.put(s.id(), s));
            byId.add(map);
        }
        List<SeriesForecast> out = new ArrayList<>();
        List<ForecastSet.Skipped> skipped = new ArrayList<>();
        for (String id : ids) {
            Optional<SeriesForecast> f = of(id, byId, weights.getOrDefault(id, fallback));
            if (f.isPresent()) {
                out.add(f.get());
            } else {
                skipped.add(new ForecastSet.Skipped(id, "none of the combined models could forecast it"));
            }
        }
        return new ForecastSet(name, horizon, out, skipped);
    }
}
