package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.TimeSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cuts a panel into windows of {@code context} past and {@code horizon} future steps for a global
 * model. Each window is scaled by the mean absolute value of its observed context, floored at a
 * tenth of the series' own level so a run of zeros (an intermittent item) cannot blow the scaled
 * values up. Steps before a series' start are padded with zeros and masked, so short and new
 * series still train and forecast; filled (unobserved) points never count in the loss.
 *
 * <p>The last {@code horizon} steps of every series long enough for it are held out as the
 * validation slice; training windows end before them.
 */
final class WindowSampler {
    private final Frequency frequency;
    private final int context;
    private final int horizon;
    private final int calendar;
    private final List<TimeSeries> series;
    private final double[] level;
    private final int[] trainEnd;      // exclusive end of the part training targets may use
    private final long[] cumulative;   // cumulative count of training windows per series
    private final List<Integer> validationSeries = new ArrayList<>();
    /** Per series, the calendar features of steps 0 .. length + horizon − 1, computed once (offset by context). */
    private final float[][] calendarOf;

    WindowSampler(Panel panel, int context, int horizon) {
        this.frequency = panel.frequency();
        this.context = context;
        this.horizon = horizon;
        this.calendar = CalendarFeatures.count(frequency);
        this.series = panel.series();
        this.level = new double[series.size()];
        this.trainEnd = new int[series.size()];
        this.cumulative = new long[series.size()];
        this.calendarOf = new float[series.size()][];
        long total = 0;
        for (int s = 0; s < series.size(); s++) {
            TimeSeries ts = series.get(s);
            int length = ts.length();
            boolean validates = length >= 2 * horizon + 1;
            trainEnd[s] = validates ? length - horizon : length;
            if (validates) {
                validationSeries.add(s);
            }
            level[s] = meanAbs(ts, 0, trainEnd[s]);
            calendarOf[s] = calendarFeatures(ts);
            total += Math.max(0, trainEnd[s] - horizon);
            cumulative[s] = total;
        }
    }

    /** Calendar features of every step a window of this series can touch (times are computed once). */
    private float[] calendarFeatures(TimeSeries ts) {
        int steps = context + ts.length() + horizon;
        float[] out = new float[steps * calendar];
        if (calendar > 0) {
            for (int i = 0; i < steps; i++) {
                CalendarFeatures.write(frequency, ts.timeAt(i - context), out, i * calendar);
            }
        }
        return out;
    }

    int extraFeatures() {
        return extraFeatures(frequency, horizon);
    }

    /**
     * Per context step: the scaled value and its observed flag. The context's calendar is not
     * repeated per step: it follows from the forecast steps' calendar (same offsets every time),
     * which the extras carry, and leaving it out keeps the encoder's input small.
     */
    static final int CONTEXT_FEATURES = 2;

    /** Calendar features of every forecast step, log scale, series age. */
    static int extraFeatures(Frequency f, int horizon) {
        return horizon * CalendarFeatures.count(f) + 2;
    }

    /** Number of distinct training windows; 0 means nothing to learn from. */
    long trainingWindows() {
        return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
    }

    boolean hasValidation() {
        return !validationSeries.isEmpty();
    }

    /** Training windows drawn uniformly over every (series, origin) pair. */
    Batch sample(SplittableRandom random, int size) {
        Builder b = new Builder(size);
        long total = trainingWindows();
        for (int i = 0; i < size; i++) {
            long pick = random.nextLong(total);
            int s = firstAbove(pick);
            long before = s == 0 ? 0 : cumulative[s - 1];
            int origin = 1 + (int) (pick - before);   // first target index, at least one point of context
            b.add(s, origin, true);
        }
        return b.build();
    }

    /** The first series whose cumulative window count exceeds {@code pick} (binary search; counts never fall). */
    private int firstAbove(long pick) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] <= pick) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** One window per series that has a validation slice: its last {@code horizon} steps. */
    Batch validation() {
        Builder b = new Builder(validationSeries.size());
        for (int s : validationSeries) {
            b.add(s, series.get(s).length() - horizon, true);
        }
        return b.build();
    }

    /** Windows whose context ends at each series' last observation: the forecast inputs. */
    Batch inference() {
        Builder b = new Builder(series.size());
        for (int s = 0; s < series.size(); s++) {
            b.add(s, series.get(s).length(), false);
        }
        return b.build();
    }

    private static double meanAbs(TimeSeries ts, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = Math.max(0, from); i < to; i++) {
            if (ts.isObserved(i)) {
                sum += Math.abs(ts.value(i));
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Fills the arrays of one batch window by window. */
    private final class Builder {
        private final int size;
        private final float[] ctx;
        private final float[] extras;
        private final float[] target;
        private final float[] mask;
        private final float[] scale;
        private int next;

        Builder(int size) {
            this.size = size;
            ctx = new float[size * context * CONTEXT_FEATURES];
            extras = new float[size * extraFeatures()];
            target = new float[size * horizon];
            mask = new float[size * horizon];
            scale = new float[size];
        }

        void add(int s, int origin, boolean withTarget) {
            TimeSeries ts = series.get(s);
            int w = next++;
            double sc = Math.max(meanAbs(ts, origin - context, origin), 0.1 * level[s]);
            if (sc <= 0) {
                sc = 1;   // an all-zero history: any positive scale works, keep values as they are
            }
            scale[w] = (float) sc;
            int f = CONTEXT_FEATURES;
            for (int i = 0; i < context; i++) {
                int t = origin - context + i;
                int at = (w * context + i) * f;
                if (t >= 0 && ts.isObserved(t)) {
                    ctx[at] = (float) (ts.value(t) / sc - 1);
                    ctx[at + 1] = 1f;
                }
            }
            int e = w * extraFeatures();
            for (int h = 0; h < horizon; h++) {
                System.arraycopy(calendarOf[s], (origin + h + context) * calendar, extras, e + h * calendar,
                        calendar);
                if (withTarget && origin + h < ts.length() && ts.isObserved(origin + h)) {
                    target[w * horizon + h] = (float) (ts.value(origin + h) / sc);
                    mask[w * horizon + h] = 1f;
                }
            }
            extras[e + horizon * calendar] = (float) Math.log(sc);
            extras[e + horizon * calendar + 1] = (float) (Math.log1p(origin) / 10);
        }

        Batch build() {
            return new Batch(size, ctx, extras, target, mask, scale);
        }
    }
}
