package dev.qfl.stdlib.models.ets;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.StatUtils;

/**
 * Exponential smoothing in innovations state-space form (ETS; Hyndman, Koehler, Ord &amp; Snyder 2008), fitted
 * by maximum likelihood the way R's {@code forecast::ets} does it.
 *
 * <ul>
 *   <li>Family: error A/M, trend N/A/Ad, season N/A/M. Multiplicative error or season only when every value
 *       is positive; additive error with multiplicative season is excluded (unstable), as in R. No
 *       multiplicative trend.</li>
 *   <li>Seasonality only when {@code 1 < season <= 24} and the series has at least two full seasons; otherwise
 *       a searched season becomes N and a requested A/M season is an error.</li>
 *   <li>Estimation: R's initial-state heuristic, then Nelder–Mead on the smoothing parameters and initial
 *       states together within R's "both" bounds; the search keeps the lowest AICc. A model with at least
 *       n - 1 parameters is skipped.</li>
 *   <li>Very short series (n &lt;= 6 for a search, or at most 4 more points than a named model's parameters):
 *       a search falls back, as R does, to simple exponential smoothing or Holt's linear trend with the first
 *       values as initial states and smoothing parameters minimising the squared errors (whichever has the
 *       smaller error variance); a named model is an error.</li>
 *   <li>Constant series with a searched model: ETS(A,N,N) with alpha = 0.99999 and the value as level, as R does.
 *       Every fit's innovation variance is floored at a tiny positive value (1e-16 relative, or
 *       (1e-8 x mean |y|)^2 absolute), so a perfect fit still gives finite, positive forecast variances.</li>
 * </ul>
 */
public final class Ets {

    private static final int MAX_SEASON = 24;

    private Ets() {
    }

    /**
     * Fits an ETS model to {@code y} (oldest first, finite values).
     *
     * @param season the season length m (1 for none)
     * @throws IllegalArgumentException when the named model cannot be fitted to this series, the code is
     *                                  unknown, or the input is empty or not finite
     */
    public static EtsFit fit(double[] y, int season, EtsOptions options) {
        if (y == null || y.length == 0) {
            throw new IllegalArgumentException("ets needs at least one observation");
        }
        if (season < 1) {
            throw new IllegalArgumentException("ets season length must be at least 1; got " + season);
        }
        for (double value : y) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("ets needs finite values; the series contains " + value);
            }
        }
        final EtsModelCode code = EtsModelCode.parse(options.model());
        final double[] data = y.clone();
        final double floor = varianceFloor(data);
        if (code.searches() && isConstant(data)) {
            return EtsSmallSample.constant(data).withVarianceAtLeast(floor);
        }
        final List<EtsSpec> candidates = candidates(code, data, season, options);
        final int m = candidates.get(0).seasonal() ? season : 1;
        final int tooShort = parameterCountForShortCheck(code, m) + 4;
        if (data.length <= tooShort) {
            if (!code.searches()) {
                throw new IllegalArgumentException("ets form " + code.text() + " needs more than "
                        + tooShort + " observations; the series has " + data.length);
            }
            return withFloor(EtsSmallSample.fit(data), data);
        }
        EtsFit best = null;
        for (EtsSpec spec : candidates) {
            final EtsFit fit = EtsEstimator.fit(data, season, spec, options.maxEvaluations());
            if (fit != null && !Double.isNaN(fit.aicc()) && (best == null || fit.aicc() < best.aicc())) {
                best = fit;
            }
        }
        if (best == null) {
            if (!code.searches()) {
                throw new IllegalArgumentException("ets form " + code.text()
                        + " could not be fitted: it has too many parameters for " + data.length
                        + " observations or no admissible start");
            }
            return withFloor(EtsSmallSample.fit(data), data);
        }
        return withFloor(best, data);
    }

    private static EtsFit withFloor(EtsFit fit, double[] y) {
        return fit.withVarianceAtLeast(fit.spec().multiplicativeError() ? 1e-16 : varianceFloor(y));
    }

    private static double varianceFloor(double[] y) {
        double sum = 0.0;
        for (double value : y) {
            sum += Math.abs(value);
        }
        final double scale = Math.max(sum / y.length, 1e-8);
        return 1e-16 * scale * scale;
    }

    private static boolean isConstant(double[] y) {
        for (double value : y) {
            if (value != y[0]) {
                return false;
            }
        }
        return true;
    }

    /** R counts level and alpha, two more for a trend, m for a season and one for a requested damping. */
    private static int parameterCountForShortCheck(EtsModelCode code, int m) {
        int count = 2;
        if (code.trend() == 'A') {
            count += 2;
        }
        if ((code.season() == 'A' || code.season() == 'M') && m > 1) {
            count += m;
        }
        if (code.damped()) {
            count += 1;
        }
        return count;
    }

    /** The models to try, in R's order; throws when a fixed component cannot be used on this series. */
    static List<EtsSpec> candidates(EtsModelCode code, double[] y, int season, EtsOptions options) {
        final boolean positive = StatUtils.min(y) > 0;
        final String name = "ets form " + code.text();
        char seasonLetter = code.season();
        if (seasonLetter == 'A' || seasonLetter == 'M') {
            if (season == 1) {
                throw new IllegalArgumentException(name + " has a seasonal component but the season length is 1");
            }
            if (season > MAX_SEASON) {
                throw new IllegalArgumentException(name + " cannot be seasonal with season length " + season
                        + " (at most " + MAX_SEASON + ")");
            }
            if (y.length < 2 * season) {
                throw new IllegalArgumentException("ets needs at least 2 seasons of data (" + 2 * season
                        + " points) for season " + season + "; the series has " + y.length);
            }
        } else if (seasonLetter == 'Z' && (season == 1 || season > MAX_SEASON || y.length < 2 * season)) {
            seasonLetter = 'N';
        }
        if (code.error() == 'A' && seasonLetter == 'M') {
            throw new IllegalArgumentException(name + " is not allowed: additive error with multiplicative season "
                    + "is unstable");
        }
        if (!positive && (code.error() == 'M' || seasonLetter == 'M')) {
            throw new IllegalArgumentException(name + " is multiplicative and needs positive data; the series has "
                    + "values <= 0");
        }
        final boolean multiplicativeAllowed = positive && options.allowMultiplicative();
        final char[] errors = code.error() == 'Z' ? (multiplicativeAllowed ? new char[] {'A', 'M'} : new char[] {'A'})
                : new char[] {code.error()};
        final char[] trends = code.trend() == 'Z' ? new char[] {'N', 'A'} : new char[] {code.trend()};
        final char[] seasons = seasonLetter == 'Z'
                ? (multiplicativeAllowed ? new char[] {'N', 'A', 'M'} : new char[] {'N', 'A'})
                : new char[] {seasonLetter};
        final boolean[] dampings = code.trend() == 'Z'
                ? (options.damped() ? new boolean[] {true, false} : new boolean[] {false})
                : new boolean[] {code.damped()};
        final List<EtsSpec> specs = new ArrayList<>();
        for (char error : errors) {
            for (char trend : trends) {
                for (char seasonType : seasons) {
                    for (boolean damped : dampings) {
                        if ((trend == 'N' && damped) || (error == 'A' && seasonType == 'M')) {
                            continue;
                        }
                        specs.add(new EtsSpec(error == 'M', trend == 'A', damped, seasonOf(seasonType)));
                    }
                }
            }
        }
        return specs;
    }

    private static EtsSpec.Season seasonOf(char letter) {
        return switch (letter) {
            case 'A' -> EtsSpec.Season.ADDITIVE;
            case 'M' -> EtsSpec.Season.MULTIPLICATIVE;
            default -> EtsSpec.Season.NONE;
        };
    }
}
