package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.data.TimeSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A series' exponential smoothing states after each step: level, damped trend and additive
 * season (Holt–Winters with a damped trend), trend and season kept only where they improve the
 * forecasts over the horizon. Windows centred on them have the level taken out of every value, the season taken
 * out of every value and target, and the trend's extrapolation taken out of every target, so the
 * network learns what the classic misses and the spread around it. A global network trained on a
 * panel that mixes noise, trends and seasons extrapolates each series' own slope and season
 * poorly: on the development set's quarterly series it lost to the seasonal naive on strongly
 * seasonal ones.
 *
 * <p>Recursions (additive errors, season m): forecast ŷ = ℓ + φb + s; error e = y − ŷ;
 * ℓ ← ℓ + φb + αe; b ← φb + βe; s ← s + γe (the season of the step's phase). A missing step
 * advances the state without an error. Parameters and parts come from a coarse grid (the error
 * is flat near its minimum, and inference computes the states of every series), and the form
 * chosen is the one whose forecasts 1 to horizon steps ahead were best over the training part:
 * the mean over k of the mean absolute k-step error, every form scored on the same steps (from
 * the third season, or the third step without a season). The states serve forecasts up to the
 * horizon, and the form that fits one step ahead best (Akaike's criterion, before) is not always
 * the one that forecasts the horizon best: on the development set's holdout the network did 4–5%
 * better with states chosen this way, with two seeds (docs/models/iqf.md). No parameter count
 * enters: a spurious trend or season costs its forecasts several steps ahead.
 */
final class SmoothingStates {
    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0};
    /** β as a share of α (β ≤ α keeps the recursion stable). */
    private static final double[] BETA_SHARES = {0.05, 0.2};
    private static final double[] DAMPINGS = {0.9, 0.98};
    /** γ as a share of 1 − α (γ ≤ 1 − α keeps the recursion stable). */
    private static final double[] GAMMA_SHARES = {0.1, 0.4};

    /** A form's parameters: β = 0 means no trend, a season of 1 none. */
    record Form(double alpha, double beta, double phi, double gamma, int season) {
        boolean trended() {
            return beta > 0;
        }

        boolean seasonal() {
            return season > 1;
        }
    }

    private final Form form;
    private final double[] level;
    private final double[] trend;
    /** The seasonal index updated at each step (the index of that step's phase after it). */
    private final double[] seasonal;
    /** The first step whose states hold a season (two seasons in); before it, no season. */
    private final int seasonFrom;
    /** The one-step error at each step (NaN where there is none: missing, or before the states start). */
    private final double[] error;

    private SmoothingStates(Form form, double[] level, double[] trend, double[] seasonal, int seasonFrom,
                            double[] error) {
        this.error = error;
        this.form = form;
        this.level = level;
        this.trend = trend;
        this.seasonal = seasonal;
        this.seasonFrom = seasonFrom;
    }

    /**
     * Chooses the form on steps [0, trainEnd) by its forecasts 1 to {@code horizon} steps ahead
     * and runs it over the whole series.
     *
     * @param season  the seasonal period (1: none)
     * @param step    the series' typical step, the unit errors are measured in (sums of values near
     *                1e300 would overflow)
     * @param horizon the steps ahead the states' forecasts serve
     */
    static SmoothingStates of(TimeSeries ts, int trainEnd, int season, double step, int horizon) {
        int end = Math.min(trainEnd, ts.length());
        boolean seasonalAllowed = season > 1 && observedIn(ts, 0, end) >= 3 * season;
        int scoreFrom = seasonalAllowed ? 2 * season : 2;
        SmoothingStates best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        double[] sums = new double[Math.max(1, horizon)];
        int[] counts = new int[sums.length];
        for (Form f : candidates(seasonalAllowed ? season : 1)) {
            SmoothingStates states = withForm(ts, f);
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
            states.addAheadErrors(ts, scoreFrom, end, step, sums, counts);
            double score = 0;
            int scored = 0;
            for (int k = 0; k < sums.length; k++) {
                if (counts[k] > 0) {
                    score += sums[k] / counts[k];
                    scored++;
                }
            }
            score = scored == 0 ? Double.POSITIVE_INFINITY : score / scored;
            if (best == null || score < bestScore) {
                bestScore = score;
                best = states;
            }
        }
        return best;
    }

    /** The grid: every level weight, with and without a damped trend, without and (for m > 1) with a season. */
    private static List<Form> candidates(int m) {
        List<Form> forms = new ArrayList<>();
        for (int seasonal = 0; seasonal <= (m > 1 ? 1 : 0); seasonal++) {
            int period = seasonal == 1 ? m : 1;
            for (double a : ALPHAS) {
                for (double g : period == 1 ? new double[] {0} : GAMMA_SHARES) {
                    double gamma = g * (1 - a);
                    forms.add(new Form(a, 0, 1, gamma, period));
                    for (double share : BETA_SHARES) {
                        for (double p : DAMPINGS) {
                            forms.add(new Form(a, a * share, p, gamma, period));
                        }
                    }
                }
            }
        }
        return forms;
    }

    /** The states of a given form over the whole series. */
    static SmoothingStates withForm(TimeSeries ts, Form form) {
        int n = Math.max(1, ts.length());
        double[][] states = {new double[n], new double[n], new double[n], new double[n]};
        Arrays.fill(states[3], Double.NaN);
        run(ts, ts.length(), form, states);
        return new SmoothingStates(form, states[0], states[1], states[2], form.seasonal() ? 2 * form.season() : n,
                states[3]);
    }

    Form form() {
        return form;
    }

    /** The one-step error at step {@code t}: what the states forecast for it missed by (NaN where none). */
    double error(int t) {
        return t < 0 || t >= error.length ? Double.NaN : error[t];
    }

    /** The mean absolute one-step error over steps [from, to) (0 when none has one). */
    double errorSpread(int from, int to) {
        double mean = 0;
        int n = 0;
        for (int t = Math.max(0, from); t < Math.min(to, error.length); t++) {
            if (!Double.isNaN(error[t])) {
                n++;
                mean += (Math.abs(error[t]) - mean) / n;
            }
        }
        return mean;
    }

    /** The level after step {@code t} (the last observed value before the states start). */
    double levelAfter(int t) {
        return t < 0 ? Double.NaN : level[Math.min(t, level.length - 1)];
    }

    /**
     * The forecast's departure from the level at step {@code target}, as known after step
     * {@code t}: the damped trend's extrapolation plus the season of the target's phase.
     */
    double departure(int t, int target) {
        if (t < 0) {
            return 0;
        }
        int at = Math.min(t, level.length - 1);
        double sum = 0;
        if (form.trended()) {
            double power = 1;
            for (int k = 0; k < target - t; k++) {
                power *= form.phi();
                sum += power;
            }
            sum *= trend[at];
        }
        return sum + season(t, target);
    }

    /**
     * Adds the states' absolute k-step-ahead errors at the observed steps t in [from, to), for
     * k = 1 .. sums.length, in units of {@code unit}: |y(t) − (level after t − k + departure from
     * there to t)| / unit goes into sums[k − 1] and counts[k − 1]. One pass per origin t − k builds the damped trend's sum step
     * by step, so a window costs (context + horizon) · horizon operations.
     */
    void addAheadErrors(TimeSeries ts, int from, int to, double unit, double[] sums, int[] counts) {
        int horizon = sums.length;
        int end = Math.min(to, ts.length());
        for (int u = Math.max(0, from - horizon); u < end - 1; u++) {
            double l = levelAfter(u);
            if (Double.isNaN(l)) {
                continue;
            }
            double b = form.trended() ? trend[Math.min(u, trend.length - 1)] : 0;
            double damped = 0;
            double power = 1;
            for (int k = 1; k <= horizon && u + k < end; k++) {
                power *= form.phi();
                damped += power;
                int t = u + k;
                if (t >= from && ts.isObserved(t)) {
                    sums[k - 1] += Math.abs(ts.value(t) - l - damped * b - season(u, t)) / unit;
                    counts[k - 1]++;
                }
            }
        }
    }

    /** The seasonal index of step {@code target}'s phase as known after step {@code t} (0 without a season). */
    double season(int t, int target) {
        if (!form.seasonal() || t < seasonFrom - 1) {
            return 0;
        }
        int m = form.season();
        int visit = Math.min(t, seasonal.length - 1);
        visit -= Math.floorMod(visit - target, m);   // the phase's latest update at or before t
        return visit < 0 ? 0 : seasonal[visit];
    }

    /**
     * Runs a form over [0, end): level, trend, the updated seasonal index and the one-step error
     * after every step, into {@code states}.
     */
    private static void run(TimeSeries ts, int end, Form f, double[][] states) {
        int m = f.season();
        int start = f.seasonal() ? 2 * m : 0;   // a season starts from two full cycles
        double l = Double.NaN;
        double b = 0;
        double[] s = new double[m];
        double last = Double.NaN;
        int seen = 0;
        for (int t = 0; t < end; t++) {
            boolean observed = ts.isObserved(t);
            double y = observed ? ts.value(t) : Double.NaN;
            if (t < start) {
                last = observed ? y : last;
                boolean ready = t == start - 1;
                if (ready) {
                    l = initialSeason(ts, m, f.trended(), s);
                    b = f.trended() ? initialTrend(ts, m) : 0;
                    if (Double.isNaN(l)) {
                        l = last;
                        b = 0;
                    }
                }
                // before the season starts a window is centred on the last value, as without one
                states[0][t] = ready ? l : last;
                states[1][t] = ready ? b : 0;
                if (ready) {
                    System.arraycopy(s, 0, states[2], m, m);   // the indices as the second cycle ends
                }
                continue;
            }
            if (observed) {
                if (Double.isNaN(l)) {
                    l = y;
                } else if (!f.seasonal() && seen == 1) {
                    // the second observation starts the trend, or moves the level
                    if (f.trended()) {
                        b = y - l;
                        l = y;
                    } else {
                        l += f.alpha() * (y - l);
                    }
                } else {
                    int phase = t % m;
                    double forecast = l + f.phi() * b + s[phase];
                    double e = y - forecast;
                    states[3][t] = e;
                    l = l + f.phi() * b + f.alpha() * e;
                    b = f.phi() * b + f.beta() * e;
                    s[phase] += f.gamma() * e;
                }
                seen++;
            } else if (!Double.isNaN(l)) {
                l += f.phi() * b;
                b *= f.phi();
            }
            states[0][t] = l;
            states[1][t] = b;
            states[2][t] = s[t % m];
        }
    }

    /**
     * Initial seasonal indices from the first two cycles (each step's departure from its cycle's
     * mean, averaged over the two and centred on zero) into {@code s}; returns the level at the
     * end of the second cycle (its mean, moved half a cycle on by the trend when there is one),
     * or NaN when a cycle has no observation.
     */
    private static double initialSeason(TimeSeries ts, int m, boolean trended, double[] s) {
        double first = meanOf(ts, 0, m);
        double second = meanOf(ts, m, 2 * m);
        if (Double.isNaN(first) || Double.isNaN(second)) {
            Arrays.fill(s, 0);
            return Double.NaN;
        }
        double total = 0;
        for (int k = 0; k < m; k++) {
            double sum = 0;
            int n = 0;
            if (ts.isObserved(k)) {
                sum += ts.value(k) - first;
                n++;
            }
            if (ts.isObserved(m + k)) {
                sum += ts.value(m + k) - second;
                n++;
            }
            s[k] = n == 0 ? 0 : sum / n;
            total += s[k];
        }
        for (int k = 0; k < m; k++) {
            s[k] -= total / m;
        }
        double slope = trended ? (second - first) / m : 0;
        return second + slope * (m - 1) / 2.0;
    }

    private static double initialTrend(TimeSeries ts, int m) {
        return (meanOf(ts, m, 2 * m) - meanOf(ts, 0, m)) / m;
    }

    private static double meanOf(TimeSeries ts, int from, int to) {
        double mean = 0;
        int n = 0;
        for (int t = from; t < Math.min(to, ts.length()); t++) {
            if (ts.isObserved(t)) {
                n++;
                mean += (ts.value(t) - mean) / n;
            }
        }
        return n == 0 ? Double.NaN : mean;
    }

    private static int observedIn(TimeSeries ts, int from, int to) {
        int n = 0;
        for (int t = from; t < to; t++) {
            n += ts.isObserved(t) ? 1 : 0;
        }
        return n;
    }
}
