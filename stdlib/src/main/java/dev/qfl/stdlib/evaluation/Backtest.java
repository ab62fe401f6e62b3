package dev.qfl.stdlib.evaluation;

import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.TimeSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling-origin backtest windows. Window k of W cuts every series so that its last
 * {@code horizon + (W − 1 − k)·step} points are hidden; the model sees only what comes before the
 * cut (the window's origin) and is scored on the next {@code horizon} points. The last window ends
 * at the series' last observation.
 */
public final class Backtest {
    private Backtest() {
    }

    /**
     * One backtest window.
     *
     * @param index   0-based window number, oldest first
     * @param train   the panel cut at the window's origin
     * @param actuals per series id, the {@code horizon} outcomes after the origin (NaN where unobserved)
     * @param scales  per series id, the seasonal-naive error of its training part (MASE/MSIS scale)
     */
    public record Window(int index, Panel train, Map<String, double[]> actuals, Map<String, Double> scales) {
    }

    public static List<Window> windows(Panel panel, int horizon, int windows, int step, int season) {
        List<Window> out = new ArrayList<>();
        for (int k = 0; k < windows; k++) {
            int hidden = horizon + (windows - 1 - k) * step;
            List<TimeSeries> train = new ArrayList<>();
            Map<String, double[]> actuals = new LinkedHashMap<>();
            Map<String, Double> scales = new LinkedHashMap<>();
            for (TimeSeries s : panel.series()) {
                int cut = s.length() - hidden;
                if (cut < 2) {
                    continue;
                }
                TimeSeries head = s.head(cut);
                train.add(head);
                double[] future = new double[horizon];
                for (int h = 0; h < horizon; h++) {
                    future[h] = s.isObserved(cut + h) ? s.value(cut + h) : Double.NaN;
                }
                actuals.put(s.id(), future);
                scales.put(s.id(), seasonalError(head, season));
            }
            out.add(new Window(k, panel.withSeries(train, "#bt" + k + "/" + windows + "/" + step), actuals, scales));
        }
        return out;
    }

    /** Mean |y_t − y_{t−m}| over observed pairs; m falls back to 1 when the history is shorter than m. */
    static double seasonalError(TimeSeries s, int season) {
        int m = s.length() > season ? season : 1;
        double sum = 0;
        int n = 0;
        for (int t = m; t < s.length(); t++) {
            if (s.isObserved(t) && s.isObserved(t - m)) {
                sum += Math.abs(s.value(t) - s.value(t - m));
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
