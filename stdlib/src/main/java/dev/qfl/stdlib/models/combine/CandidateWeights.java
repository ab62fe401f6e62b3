package dev.qfl.stdlib.models.combine;

import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.TimeSeries;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per series, the weight of each candidate: equal weights on the {@code top} candidates with the
 * lowest validation wQL, zero elsewhere. Series that no validation window reached (too short)
 * weigh every candidate equally.
 *
 * @param candidates candidate names, in order
 * @param weights    per series id, one weight per candidate, summing to 1
 * @param fallback   the weights of a series without scores
 */
record CandidateWeights(List<String> candidates, Map<String, double[]> weights, double[] fallback) {

    static CandidateWeights choose(Panel panel, CandidateScores scores, List<String> candidates, int top) {
        int n = candidates.size();
        double[] equal = new double[n];
        Arrays.fill(equal, 1.0 / n);
        Map<String, double[]> out = new HashMap<>();
        for (TimeSeries s : panel.series()) {
            double[] score = scores.scores(s.id());
            if (score == null) {
                continue;
            }
            Integer[] order = new Integer[n];
            for (int c = 0; c < n; c++) {
                order[c] = c;
            }
            Arrays.sort(order, Comparator.comparingDouble(c -> Double.isNaN(score[c]) ? Double.POSITIVE_INFINITY : score[c]));
            int usable = 0;
            for (double v : score) {
                usable += Double.isNaN(v) ? 0 : 1;
            }
            int k = Math.min(top, usable);
            double[] w = new double[n];
            if (k == 0) {
                w = equal.clone();
            } else {
                for (int i = 0; i < k; i++) {
                    w[order[i]] = 1.0 / k;
                }
            }
            out.put(s.id(), w);
        }
        return new CandidateWeights(List.copyOf(candidates), Map.copyOf(out), equal);
    }

    /** Per candidate, how many series weigh it most (ties go to the better-scored, listed first). */
    Map<String, Integer> leaders() {
        Map<String, Integer> counts = new TreeMap<>();
        for (double[] w : weights.values()) {
            int best = 0;
            for (int c = 1; c < w.length; c++) {
                if (w[c] > w[best]) {
                    best = c;
                }
            }
            counts.merge(candidates.get(best), 1, Integer::sum);
        }
        return counts;
    }

    /** One line for progress and {@code :describe}, e.g. "chose by backtest for 56 series; led by arima 20, ets 15". */
    String describe() {
        StringBuilder sb = new StringBuilder("chose by backtest for ").append(weights.size()).append(" series");
        Map<String, Integer> leaders = leaders();
        if (!leaders.isEmpty()) {
            sb.append("; best candidate: ");
            String sep = "";
            for (Map.Entry<String, Integer> e : leaders.entrySet()) {
                sb.append(sep).append(e.getKey()).append(' ').append(e.getValue());
                sep = ", ";
            }
        }
        return sb.toString();
    }
}
