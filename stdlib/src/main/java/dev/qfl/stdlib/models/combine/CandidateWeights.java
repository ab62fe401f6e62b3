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
 * Per series, the weight of each candidate: equal weights on the {@code top} candidates that rank
 * best, zero elsewhere. A candidate's rank on a series blends that series' own validation score
 * with how the candidate did across the whole panel:
 *
 * <pre>  r(s, c) = log(score(s, c) / best score on s)          how far c is behind on series s
 *   R(c)    = mean over the panel's series of r(s, c)       how far c is behind on a typical series
 *   rank by (1 − pooling)·r(s, c) + pooling·R(c)</pre>
 *
 * Two validation windows are a small sample for one series, and picking its single best candidate
 * chases noise (on the development set it is worse than always taking ARIMA); the panel's series
 * together say which candidate is reliably good, and a series still departs from that when its own
 * evidence is strong. Series that no validation window reached weigh every candidate equally.
 *
 * @param candidates candidate names, in order
 * @param weights    per series id, one weight per candidate, summing to 1
 * @param fallback   the weights of a series without scores
 */
record CandidateWeights(List<String> candidates, Map<String, double[]> weights, double[] fallback) {

    static CandidateWeights choose(Panel panel, CandidateScores scores, List<String> candidates, int top, double pooling) {
        int n = candidates.size();
        double[] equal = new double[n];
        Arrays.fill(equal, 1.0 / n);
        Map<String, double[]> behind = new HashMap<>();
        double[] panelSum = new double[n];
        int[] panelCount = new int[n];
        for (TimeSeries s : panel.series()) {
            double[] score = scores.scores(s.id());
            if (score == null) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            for (double v : score) {
                if (!Double.isNaN(v)) {
                    best = Math.min(best, v);
                }
            }
            double[] r = new double[n];
            for (int c = 0; c < n; c++) {
                r[c] = Double.isNaN(score[c]) ? Double.NaN : relative(score[c], best);
                if (!Double.isNaN(r[c])) {
                    panelSum[c] += r[c];
                    panelCount[c]++;
                }
            }
            behind.put(s.id(), r);
        }
        Map<String, double[]> out = new HashMap<>();
        for (Map.Entry<String, double[]> e : behind.entrySet()) {
            double[] r = e.getValue();
            double[] rank = new double[n];
            int usable = 0;
            for (int c = 0; c < n; c++) {
                rank[c] = Double.isNaN(r[c]) || panelCount[c] == 0 ? Double.POSITIVE_INFINITY
                        : (1 - pooling) * r[c] + pooling * panelSum[c] / panelCount[c];
                usable += Double.isFinite(rank[c]) ? 1 : 0;
            }
            Integer[] order = new Integer[n];
            for (int c = 0; c < n; c++) {
                order[c] = c;
            }
            Arrays.sort(order, Comparator.comparingDouble(c -> rank[c]));
            int k = Math.min(top, usable);
            double[] w = k == 0 ? equal.clone() : new double[n];
            for (int i = 0; i < k; i++) {
                w[order[i]] = 1.0 / k;
            }
            out.put(e.getKey(), w);
        }
        return new CandidateWeights(List.copyOf(candidates), Map.copyOf(out), equal);
    }

    /** log(score / best), with perfect (zero) scores handled: equal to the best is 0, else far behind. */
    private static double relative(double score, double best) {
        if (score == best) {
            return 0;
        }
        if (!(best > 0) || Double.isInfinite(score)) {
            return Math.log(1e6);
        }
        return Math.log(score / best);
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
