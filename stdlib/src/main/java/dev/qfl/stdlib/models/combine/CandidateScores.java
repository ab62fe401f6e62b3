package dev.qfl.stdlib.models.combine;

import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.evaluation.Backtest;
import dev.qfl.stdlib.evaluation.Scorecard;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;
import java.util.HashMap;
import java.util.Map;

/**
 * Each candidate's weighted quantile loss on each series over the validation windows cut from the
 * training data: Σ 2·ρ_τ(y − q_τ) over τ = 0.1..0.9, steps and windows, divided by 9·Σ|y|, the
 * same wQL the accuracy benchmark reports, so a candidate is chosen by the score it is judged on.
 */
final class CandidateScores {
    private static final double[] LEVELS = Scorecard.wqlLevels();

    private final int candidates;
    /** Per series id: per candidate, {loss, 9·Σ|y|, windows scored}. */
    private final Map<String, double[][]> sums = new HashMap<>();

    CandidateScores(int candidates) {
        this.candidates = candidates;
    }

    void add(int candidate, ForecastSet forecasts, Backtest.Window window, Support support) {
        for (SeriesForecast s : forecasts.series()) {
            double[] actual = window.actuals().get(s.id());
            if (actual == null) {
                continue;
            }
            double[] sum = sums.computeIfAbsent(s.id(), k -> new double[candidates][3])[candidate];
            sum[2]++;
            for (int h = 1; h <= Math.min(s.horizon(), actual.length); h++) {
                double y = actual[h - 1];
                if (Double.isNaN(y)) {
                    continue;
                }
                for (double tau : LEVELS) {
                    double q = s.step(h).quantile(tau);
                    if (support == Support.NONNEGATIVE) {
                        q = Math.max(0, q);
                    }
                    sum[0] += Scorecard.pinball2(y, q, tau);
                }
                sum[1] += LEVELS.length * Math.abs(y);
            }
        }
    }

    /**
     * The candidates' scores on series {@code id}, or null when no candidate was scored on it. A
     * candidate that missed a window the others were scored on gets NaN: its score would not be
     * comparable.
     */
    double[] scores(String id) {
        double[][] sum = sums.get(id);
        if (sum == null) {
            return null;
        }
        double windows = 0;
        for (double[] c : sum) {
            windows = Math.max(windows, c[2]);
        }
        double[] out = new double[candidates];
        for (int c = 0; c < candidates; c++) {
            if (sum[c][2] < windows) {
                out[c] = Double.NaN;
            } else {
                out[c] = sum[c][1] > 0 ? sum[c][0] / sum[c][1] : sum[c][0] > 0 ? Double.POSITIVE_INFINITY : 0;
            }
        }
        return out;
    }
}
