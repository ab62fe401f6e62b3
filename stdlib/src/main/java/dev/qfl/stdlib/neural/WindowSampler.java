package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.diag.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cuts a panel into windows of {@code context} past and {@code horizon} future steps for a global
 * model, each normalised by its own location and spread.
 *
 * <p><b>Normalisation.</b> A window's location is the last observed value of its context (or, with
 * {@code centre: mean}, its mean: better for independent draws, worse on the real panels) and its
 * spread the mean absolute difference between consecutive observed context values (floored at a
 * tenth of the series' own, so a flat stretch or a run of zeros cannot blow values up). Inputs and
 * targets are (y − location) / spread; forecasts are mapped back. Dividing by the mean absolute
 * value alone, as before, left a smooth series at a high level (about 400, moving by 1–3) at
 * 1 ± 0.005, which the network cannot resolve; centred on the last value and divided by the typical
 * step it moves by ±1. No raw scale enters the network: where zero lies, in normalised units
 * (squashed by asinh), tells it about a series' level and its floor.
 *
 * <p><b>Smoothing states</b> ({@code centre: smoothing}, iqf's default). Each series gets its
 * {@link SmoothingStates} once; a window is centred on the level at its origin, each step's
 * target loses the states' trend and season for that step (kept in {@link Batch#shift()} and put
 * back by {@link Batch#stepLocation}), and the scale is the states' mean absolute one-step error
 * over the context, so the network learns what the classic misses in units of its errors. Context
 * values are still divided by the typical step (past the level they can be many errors away on a
 * trending series), with the states' error as a third input per step. Series with at least
 * {@value #INTERMITTENT_ZEROS} zeros, and every series of a panel with covariates, keep the
 * last-value centring (see the field comments).
 *
 * <p><b>Outliers.</b> One rule, applied only where it fires: when the context's last step jumps by
 * more than {@value #OUTLIER_STEPS} times both the context's and the series' typical step, the last
 * value is an outlier: the window is centred on the value before it, scaled without that step,
 * and sees the outlier as a missing observation. Centred on a spike (one day of 1e6 after 59 days
 * of 0), every quantile of the next days used to sit near the spike; even as one clipped input, a
 * context the network never saw in training moved the whole function (to about 23,000). Targets
 * and earlier context values are never left out: spikes still shape the upper tail. Normalised inputs are clipped at ±{@value #INPUT_BOUND} and targets at
 * ±{@value #TARGET_BOUND}, so no single value can saturate the network or make the loss overflow.
 *
 * <p><b>Magnitudes.</b> Locations and scales are doubles, so data at 1e300 or 1e-300 trains like
 * data at 1; values beyond ±{@value #MAX_MAGNITUDE} are refused before anything runs (QF4105), as
 * mapping forecasts back (location + scale · value) could overflow a double.
 *
 * <p><b>Lags.</b> Each forecast step also sees the latest value one season (and, for daily and
 * hourly data, one year or week) back that lies before the origin, even when it lies before the
 * context, so a seasonal pattern never has to be read off the context alone.
 *
 * <p><b>Windows.</b> Training origins start where the context is full, or for series too short for
 * that at half their length, so windows are mostly data, not padding. Steps before a series' start
 * are zeros and masked; filled (unobserved) points never count in the loss. With {@code holdOut},
 * the last {@code horizon} steps of every series long enough for it are the validation slice and
 * training windows end before them; without, every observation trains.
 *
 * <p><b>How errors grow.</b> Each forecast step k also gets the log of how far off forecasts k
 * steps ahead were over the context, in units of the window's scale: the states' k-step errors
 * (from the level k steps earlier and its departure from there), or without states the naive
 * |y(t) − y(t − k)|. The scale is the one-step error, so step 1 reads about 0; a random walk's
 * errors grow like √k, a smooth series whose trend drifts (a fertility rate) much faster. The
 * network could not read that growth off the one-step errors of a short context: on the
 * development set, 7 of the 12 yearly fertility series got 80% intervals that held at most one of
 * their six holdout values.
 *
 * <p><b>Covariates.</b> Each forecast step also sees the dynamic covariates of its time and the
 * number of public holidays in it; each window the last value and the context mean of every past
 * covariate and a one-hot code of every static attribute ({@link CovariateSchema}). Covariates are
 * normalised per series by the mean and spread of their own history, so a price of 2 and one of
 * 2,000 both move by about ±1; holiday counts are taken as they are. Forecasting needs the
 * dynamic covariates of every step of the horizon (QF3160 otherwise).
 */
final class WindowSampler {
    /** Normalised inputs are clipped here: one outlier must not saturate the first layer. */
    static final float INPUT_BOUND = 50f;
    /** Normalised targets are clipped here, so an extreme value cannot make the loss overflow a float. */
    static final float TARGET_BOUND = 10_000f;
    /** A last step larger than this many typical steps (of the context and of the series) is an outlier. */
    static final double OUTLIER_STEPS = 10;
    /**
     * A series with at least this share of zeros is centred on its last value even when windows
     * are centred on smoothing states: an intermittent item's level is its mean demand, which no
     * single period has, and the learned mass at zero came out 0.08 too small (the slow-mover test).
     */
    static final double INTERMITTENT_ZEROS = 0.3;
    /** Bound of {@link #errorGrowth}: e⁵ ≈ 150 times the scale either way is far beyond any real series. */
    static final double GROWTH_BOUND = 5;
    /** Largest magnitude of a value the neural models accept. */
    static final double MAX_MAGNITUDE = 1e300;
    /** Code of a value beyond {@link #MAX_MAGNITUDE}. */
    static final DiagnosticCode TOO_LARGE = DiagnosticCode.TOO_LARGE_FOR_NEURAL;

    private final WindowLayout layout;
    private final int context;
    private final int horizon;
    private final int calendar;
    private final int[] lags;
    private final List<TimeSeries> series;
    private final boolean floored;
    private final double[] spreadFloor;
    /** Per series, a tenth of its states' mean absolute one-step error (with states only). */
    private final double[] errorFloor;
    /** Per series, its typical step (mean absolute difference) over the part that trains. */
    private final double[] seriesStep;
    /**
     * Per series, its exponential smoothing states when windows are centred on them (null for the
     * others, and the whole array null when no window is).
     */
    private final SmoothingStates[] states;
    private final int[] firstOrigin;
    private final long[] cumulative;   // cumulative count of training windows per series
    private final List<Integer> validationSeries = new ArrayList<>();
    private final boolean counts;
    /** Per series, the calendar features of steps 0 .. length + horizon − 1, computed once (offset by context). */
    private final float[][] calendarOf;
    /** The covariates' inputs of every series. */
    private final CovariateFeatures covariates;

    WindowSampler(Panel panel, WindowLayout layout, boolean holdOut) {
        this(panel, layout, holdOut, false, null);
    }

    /**
     * @param counts train as counts ({@link NeuralOptions#countsIn}): each target spread uniformly
     *               over [y − ½, y + ½] and floored at −½, so the CRPS is not flat between whole
     *               numbers and the function's value at k + ½ is P(y ≤ k) at its optimum; answers
     *               are then read as whole numbers
     * @param shared the panel's states for this {@code holdOut}, shared with other samplers of the
     *               same fit or forecast ({@link PanelStates}), or null to compute them here
     */
    WindowSampler(Panel panel, WindowLayout layout, boolean holdOut, boolean counts, PanelStates shared) {
        this.counts = counts;
        this.layout = layout;
        this.context = layout.context();
        this.horizon = layout.horizon();
        this.calendar = layout.calendar();
        this.lags = layout.lags();
        this.series = panel.series();
        this.floored = panel.support() == Support.NONNEGATIVE;
        int n = series.size();
        this.spreadFloor = new double[n];
        this.errorFloor = new double[n];
        this.seriesStep = new double[n];
        this.firstOrigin = new int[n];
        this.cumulative = new long[n];
        this.calendarOf = new float[n][];
        PanelStates panelStates = shared != null ? shared : PanelStates.of(panel, layout, holdOut);
        this.states = panelStates.present() ? new SmoothingStates[n] : null;
        this.covariates = new CovariateFeatures(layout, series);
        long total = 0;
        for (int s = 0; s < n; s++) {
            TimeSeries ts = series.get(s);
            requireRepresentable(panel, ts);
            int length = ts.length();
            int trainEnd = trainEnd(ts, horizon, holdOut);
            if (trainEnd < length) {
                validationSeries.add(s);
            }
            seriesStep[s] = seriesSpread(ts, trainEnd);
            spreadFloor[s] = 0.1 * seriesStep[s];
            if (states != null && panelStates.of(s) != null) {
                states[s] = panelStates.of(s);
                double spread = states[s].errorSpread(0, trainEnd);
                errorFloor[s] = spread > 0 ? 0.1 * spread : spreadFloor[s];
            }
            calendarOf[s] = calendarFeatures(ts);
            int last = trainEnd - horizon;   // the last origin whose targets are all inside the training part
            firstOrigin[s] = Math.max(1, Math.min(context, last / 2));
            total += Math.max(0, last - firstOrigin[s] + 1);
            cumulative[s] = total;
        }
    }

    WindowLayout layout() {
        return layout;
    }

    /** Refuses values a forecast could not map back without overflowing (see the class comment). */
    private static void requireRepresentable(Panel panel, TimeSeries ts) {
        for (int i = 0; i < ts.length(); i++) {
            if (ts.isObserved(i) && !(Math.abs(ts.value(i)) <= MAX_MAGNITUDE)) {
                throw new QflException(TOO_LARGE, "series " + ts.id() + " of " + panel.name() + " has the value "
                        + ts.value(i) + " at " + ts.timeAt(i) + ", beyond the ±1e300 neural models can forecast",
                        null, "rescale the data (divide it by a power of ten), or use a local model such as "
                        + "seasonal_naive", null);
            }
        }
    }

    /**
     * Where a series' training part ends: before its last horizon with {@code holdOut} when it is
     * long enough to keep a training window (2 · horizon + 1 steps), else at its end.
     */
    static int trainEnd(TimeSeries ts, int horizon, boolean holdOut) {
        int length = ts.length();
        return holdOut && length >= 2 * horizon + 1 ? length - horizon : length;
    }

    /** The series' typical step (mean absolute difference), else its mean absolute value, else 1. */
    static double seriesSpread(TimeSeries ts, int end) {
        double diff = meanAbsDifference(ts, 0, end);
        if (diff > 0) {
            return diff;
        }
        double mean = 0;   // a running mean: a sum of values near 1e300 would overflow
        int count = 0;
        for (int i = 0; i < end; i++) {
            if (ts.isObserved(i)) {
                count++;
                mean += (Math.abs(ts.value(i)) - mean) / count;
            }
        }
        return count > 0 && mean > 0 ? mean : 1;
    }

    /** The mean absolute difference of consecutive observations in [from, to), as a running mean (no overflow). */
    private static double meanAbsDifference(TimeSeries ts, int from, int to) {
        double mean = 0;
        int count = 0;
        int previous = -1;
        for (int i = Math.max(0, from); i < to; i++) {
            if (ts.isObserved(i)) {
                if (previous >= 0) {
                    count++;
                    mean += (Math.abs(ts.value(i) - ts.value(previous)) - mean) / count;
                }
                previous = i;
            }
        }
        return mean;
    }

    /** Calendar features of every step a window of this series can touch (times are computed once). */
    private float[] calendarFeatures(TimeSeries ts) {
        int steps = context + ts.length() + horizon;
        float[] out = new float[steps * calendar];
        if (calendar > 0) {
            for (int i = 0; i < steps; i++) {
                CalendarFeatures.write(layout.frequency(), ts.timeAt(i - context), out, i * calendar);
            }
        }
        return out;
    }

    int extraFeatures() {
        return layout.extraFeatures();
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
            b.add(s, firstOrigin[s] + (int) (pick - before), true);
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
            covariates.requireFuture(series.get(s));
            b.add(s, series.get(s).length(), false);
        }
        return b.build();
    }

    /** The mean of the context's observed values (0 when it has none). */
    private double mean(TimeSeries ts, int origin) {
        double sum = 0;
        int n = 0;
        for (int t = Math.max(0, origin - context); t < Math.min(origin, ts.length()); t++) {
            if (ts.isObserved(t)) {
                sum += ts.value(t);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** The index of the last observation before {@code end} inside the context, or −1. */
    private int lastObserved(TimeSeries ts, int origin, int end) {
        for (int t = Math.min(end, ts.length()) - 1; t >= Math.max(0, origin - context); t--) {
            if (ts.isObserved(t)) {
                return t;
            }
        }
        return -1;
    }

    /**
     * Where the context's last step is an outlier, the index of the observation before it (the
     * window is centred there and scaled without the jump); otherwise −1. The step must exceed
     * {@link #OUTLIER_STEPS} times both the typical step of the rest of the context and the
     * series' own, so a calm stretch followed by an ordinary move is not an outlier.
     */
    int beforeOutlier(int s, TimeSeries ts, int origin) {
        int last = lastObserved(ts, origin, origin);
        int before = last < 0 ? -1 : lastObserved(ts, origin, last);
        if (before < 0) {
            return -1;
        }
        double jump = Math.abs(ts.value(last) - ts.value(before));
        double typical = Math.max(meanAbsDifference(ts, origin - context, last), seriesStep[s]);
        return jump > OUTLIER_STEPS * typical ? before : -1;
    }

    /**
     * Where a window is centred and how it is scaled.
     *
     * @param location   subtracted from every value and target
     * @param scale      what targets are divided by
     * @param valueScale what context values are divided by (the scale, except with states: the
     *                   context's typical step, since values past the level can be many one-step
     *                   errors away on a trending series)
     * @param centre     the step the location belongs to (−1: none observed)
     * @param outlier    a last value the window leaves out, or −1 (see the class comment)
     */
    private record Centring(double location, double scale, double valueScale, int centre, int outlier) {
    }

    private Centring centring(int s, TimeSeries ts, int origin) {
        if (layout.centre() == WindowCentre.MEAN) {
            double sc = positive(Math.max(meanAbsDifference(ts, origin - context, origin), spreadFloor[s]));
            return new Centring(mean(ts, origin), sc, sc, -1, -1);
        }
        int before = beforeOutlier(s, ts, origin);
        int outlier = before >= 0 ? lastObserved(ts, origin, origin) : -1;
        int centre = before >= 0 ? before : lastObserved(ts, origin, origin);
        double step = positive(Math.max(meanAbsDifference(ts, origin - context, centre + 1), spreadFloor[s]));
        if (states == null || states[s] == null) {
            return new Centring(centre < 0 ? 0 : ts.value(centre), step, step, centre, outlier);
        }
        // the classic's own one-step errors measure what is left to learn
        double errors = states[s].errorSpread(origin - context, centre + 1);
        double sc = positive(Math.max(errors > 0 ? errors : step, errorFloor[s]));
        return new Centring(centre < 0 ? 0 : states[s].levelAfter(centre), sc, step, centre, outlier);
    }

    private static double positive(double scale) {
        return scale > 0 ? scale : 1;
    }

    /** The share of a series' observed values in [0, end) that are exactly zero. */
    static double zeroShare(TimeSeries ts, int end) {
        int seen = 0;
        int zeros = 0;
        for (int t = 0; t < end; t++) {
            if (ts.isObserved(t)) {
                seen++;
                zeros += ts.value(t) == 0 ? 1 : 0;
            }
        }
        return seen == 0 ? 1 : (double) zeros / seen;
    }

    /**
     * Where in [−½, ½) a count target of series s, origin, step h is spread to. A hash of the three
     * (SplitMix64's finaliser), not a draw: the same window gets the same target every epoch and in
     * every member, so validation losses compare and a fixed seed repeats.
     */
    static double spreadOver(int s, int origin, int h) {
        long z = (s * 0x9E3779B97F4A7C15L) ^ (origin * 0xC2B2AE3D27D4EB4FL) ^ (h * 0x165667B19E3779F9L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53 - 0.5;
    }

    /** The share of zeros among the last {@code count} observed values of a series (0 when none is observed). */
    static double recentZeroShare(TimeSeries ts, int count) {
        int seen = 0;
        int zeros = 0;
        for (int t = ts.length() - 1; t >= 0 && seen < count; t--) {
            if (ts.isObserved(t)) {
                seen++;
                zeros += ts.value(t) == 0 ? 1 : 0;
            }
        }
        return seen == 0 ? 0 : (double) zeros / seen;
    }

    /**
     * The naive forecast's k-step errors |y(t) − y(t − k)| at the observed steps t in [from, to),
     * k = 1 .. sums.length, for windows without states (their scale is the typical one-step move).
     */
    private static void addNaiveAheadErrors(TimeSeries ts, int from, int to, double[] sums, int[] counts) {
        for (int t = Math.max(0, from); t < Math.min(to, ts.length()); t++) {
            if (!ts.isObserved(t)) {
                continue;
            }
            for (int k = 1; k <= sums.length && t - k >= 0; k++) {
                if (ts.isObserved(t - k)) {
                    sums[k - 1] += Math.abs(ts.value(t) - ts.value(t - k));
                    counts[k - 1]++;
                }
            }
        }
    }

    /**
     * The input that tells a forecast step how far off forecasts that far ahead have been: the log
     * of their mean absolute error in units of the window's scale, within ±{@value #GROWTH_BOUND}
     * (0, as for one step ahead, when the context has no such error).
     */
    static float errorGrowth(double sum, int count, double scale) {
        if (count == 0) {
            return 0f;
        }
        double growth = Math.log(Math.max(sum / count / scale, Math.exp(-GROWTH_BOUND)));
        return (float) Math.min(GROWTH_BOUND, growth);
    }

    private static float bounded(double v) {
        return (float) Math.max(-INPUT_BOUND, Math.min(INPUT_BOUND, v));
    }

    /** Fills the arrays of one batch window by window. */
    private final class Builder {
        private final int size;
        private final float[] ctx;
        private final float[] extras;
        private final float[] target;
        private final float[] mask;
        private final double[] location;
        private final double[] scale;
        private final float[] floor;
        private final float[] shift;
        private int next;

        Builder(int size) {
            this.size = size;
            ctx = new float[size * context * WindowLayout.CONTEXT_FEATURES];
            extras = new float[size * extraFeatures()];
            target = new float[size * horizon];
            mask = new float[size * horizon];
            location = new double[size];
            scale = new double[size];
            shift = states != null ? new float[size * horizon] : null;
            floor = !floored ? null : new float[shift != null ? size * horizon : size];
        }

        void add(int s, int origin, boolean withTarget) {
            TimeSeries ts = series.get(s);
            int w = next++;
            Centring c = centring(s, ts, origin);
            double loc = c.location();
            double sc = c.scale();
            location[w] = loc;
            scale[w] = sc;
            if (shift != null) {
                for (int h = 0; h < horizon; h++) {
                    double ahead = c.centre() < 0 || states[s] == null ? 0
                            : states[s].departure(c.centre(), origin + h) / sc;
                    shift[w * horizon + h] = (float) Math.max(-TARGET_BOUND, Math.min(TARGET_BOUND, ahead));
                }
            }
            if (floor != null) {
                int perWindow = floor.length / size;   // one floor, or one per step when targets lose a trend
                for (int h = 0; h < perWindow; h++) {
                    double zero = counts ? -0.5 : 0;   // counts spread over [y − ½, y + ½]: zero's share reaches −½
                    floor[w * perWindow + h] = (float) ((zero - loc) / sc) - (shift == null ? 0 : shift[w * horizon + h]);
                }
            }
            int seen = 0;
            int zeros = 0;
            for (int i = 0; i < context; i++) {
                int t = origin - context + i;
                int at = (w * context + i) * WindowLayout.CONTEXT_FEATURES;
                if (t >= 0 && t != c.outlier() && ts.isObserved(t)) {
                    ctx[at] = bounded((ts.value(t) - loc - season(s, c.centre(), t)) / c.valueScale());
                    ctx[at + 1] = 1f;
                    ctx[at + 2] = bounded(error(s, t) / sc);
                    seen++;
                    zeros += ts.value(t) == 0 ? 1 : 0;
                }
            }
            int e = w * extraFeatures();
            int per = layout.stepFeatures();
            double[] aheadSums = new double[horizon];
            int[] aheadCounts = new int[horizon];
            int aheadEnd = c.centre() < 0 ? origin : c.centre() + 1;   // an outlier's step is left out
            if (states != null && states[s] != null) {
                states[s].addAheadErrors(ts, origin - context, aheadEnd, 1, aheadSums, aheadCounts);
            } else {
                addNaiveAheadErrors(ts, origin - context, aheadEnd, aheadSums, aheadCounts);
            }
            for (int h = 0; h < horizon; h++) {
                int at = e + h * per;
                System.arraycopy(calendarOf[s], (origin + h + context) * calendar, extras, at, calendar);
                covariates.writeStep(s, origin + h, extras, at + calendar + 2 * lags.length);
                for (int l = 0; l < lags.length; l++) {
                    int back = lags[l] * (h / lags[l] + 1);   // the latest same-phase step before the origin
                    int t = origin + h - back;
                    if (t >= 0 && t < ts.length() && ts.isObserved(t)) {
                        // with states, what the classic missed a season ago; else the value itself
                        extras[at + calendar + 2 * l] = bounded(states != null && states[s] != null ? error(s, t) / sc
                                : (ts.value(t) - loc) / sc);
                        extras[at + calendar + 2 * l + 1] = 1f;
                    }
                }
                extras[at + per - 1] = errorGrowth(aheadSums[h], aheadCounts[h], sc);
                if (withTarget && origin + h < ts.length() && ts.isObserved(origin + h)) {
                    double trend = shift == null ? 0 : shift[w * horizon + h];
                    double spread = counts ? spreadOver(s, origin, h) : 0;
                    target[w * horizon + h] = (float) Math.max(-TARGET_BOUND, Math.min(TARGET_BOUND,
                            (ts.value(origin + h) + spread - loc) / sc - trend));
                    mask[w * horizon + h] = 1f;
                }
            }
            int tail = e + horizon * per;
            extras[tail] = (float) (Math.log1p(origin) / 10);
            extras[tail + 1] = (float) (asinh(-loc / sc) / 4);
            extras[tail + 2] = seen == 0 ? 0f : (float) zeros / seen;
            if (states != null && states[s] != null) {
                SmoothingStates.Form form = states[s].form();
                extras[tail + 3] = (float) form.alpha();
                extras[tail + 4] = form.trended() ? 1f : 0f;
                extras[tail + 5] = form.seasonal() ? 1f : 0f;
            }
            covariates.writeWindow(s, origin, extras, tail + WindowLayout.WINDOW_FEATURES);
        }

        /** The classic's one-step error at step {@code t} (0 without states, or where it has none). */
        private double error(int s, int t) {
            double e = states == null || states[s] == null ? Double.NaN : states[s].error(t);
            return Double.isNaN(e) ? 0 : e;
        }

        /** The seasonal index taken out of step {@code t} of series {@code s} (0 unless windows are centred on states). */
        private double season(int s, int centre, int t) {
            return states == null || states[s] == null || centre < 0 ? 0 : states[s].season(centre, t);
        }

        Batch build() {
            return new Batch(size, ctx, extras, target, mask, location, scale, floor, shift);
        }
    }

    private static double asinh(double x) {
        return Math.signum(x) * Math.log(Math.abs(x) + Math.sqrt(x * x + 1));
    }
}
