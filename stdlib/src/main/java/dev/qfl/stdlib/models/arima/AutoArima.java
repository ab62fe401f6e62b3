package dev.qfl.stdlib.models.arima;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Hyndman–Khandakar stepwise order search of R's {@code forecast::auto.arima} (version 8.x):
 * start from (2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0) and (0,d,1)(0,D,1) (plus the model without
 * constant), then repeatedly try the neighbours of the best model in auto.arima's order (seasonal
 * orders ±1, singly and together; non-seasonal orders ±1, singly and together; the constant
 * toggled), moving to the first one with a lower AICc, until no neighbour improves or 94 models
 * have been fitted. Models with a root inside 1.01 of the unit circle are rejected.
 *
 * <p>With the approximation on, the search ranks conditional-sum-of-squares fits and the best
 * ranked models are then refitted by exact likelihood, in rank order, until one is admissible.
 * Like auto.arima's stepwise search, p + q + P + Q is not limited by default ({@code maxOrder}).
 * Also as auto.arima: when the initial model without constant wins, the search goes on with the
 * constant, and the constant is only dropped by the final toggle move.
 */
final class AutoArima {

    private static final int MAX_MODELS = 94;

    private final double[] y;
    private final int season;
    private final int d;
    private final int seasonalD;
    private final int maxP;
    private final int maxQ;
    private final int maxSeasonalP;
    private final int maxSeasonalQ;
    private final int maxOrder;
    private final boolean seasonalFixed;
    private final boolean approximate;
    private final boolean constantFree;
    private final List<ArimaEstimate> tried = new ArrayList<>();
    /** The model the search stands on: its orders are where the neighbour moves start from. */
    private ArimaEstimate best;

    private AutoArima(double[] y, int season, int d, int seasonalD, int maxP, int maxQ, int maxSeasonalP,
                      int maxSeasonalQ, int maxOrder, boolean seasonalFixed, boolean approximate,
                      boolean constantFree) {
        this.y = y;
        this.season = season;
        this.d = d;
        this.seasonalD = seasonalD;
        this.maxP = maxP;
        this.maxQ = maxQ;
        this.maxSeasonalP = maxSeasonalP;
        this.maxSeasonalQ = maxSeasonalQ;
        this.maxOrder = maxOrder;
        this.seasonalFixed = seasonalFixed;
        this.approximate = approximate;
        this.constantFree = constantFree;
    }

    /**
     * Chooses and fits the model. {@code seasonal} is null to search P and Q, or {P, D, Q} to fix them;
     * the differencing orders have been chosen by the caller.
     */
    static ArimaFit search(double[] y, int season, int d, int seasonalD, int[] seasonal, ArimaOptions options) {
        int n = y.length;
        int m = season;
        int maxP = Math.min(options.maxP(), n / 3);
        int maxQ = Math.min(options.maxQ(), n / 3);
        int maxSP = m > 1 ? Math.min(options.maxSeasonalP(), n / 3 / m) : 0;
        int maxSQ = m > 1 ? Math.min(options.maxSeasonalQ(), n / 3 / m) : 0;
        boolean seasonalFixed = seasonal != null;
        if (seasonalFixed) {
            maxSP = m > 1 ? seasonal[0] : 0;
            maxSQ = m > 1 ? seasonal[2] : 0;
        }
        if (m > 1) {
            if (maxSP > 0) {
                maxP = Math.min(maxP, m - 1);
            }
            if (maxSQ > 0) {
                maxQ = Math.min(maxQ, m - 1);
            }
        }
        boolean approximate = options.approximation() != null ? options.approximation() : n > 150 || m > 12;
        boolean constantAllowed = d + seasonalD <= 1;
        Boolean forced = options.constant();
        boolean constant = forced != null ? forced && constantAllowed : constantAllowed;
        AutoArima search = new AutoArima(y, m, d, seasonalD, maxP, maxQ, maxSP, maxSQ, options.maxOrder(),
                seasonalFixed, approximate, forced == null && constantAllowed);
        return search.run(constant, n < 10);
    }

    private ArimaFit run(boolean startConstant, boolean shortSeries) {
        int startSP = seasonalFixed ? maxSeasonalP : 0;
        int startSQ = seasonalFixed ? maxSeasonalQ : 0;
        boolean constant = startConstant;
        int p = Math.min(shortSeries ? 1 : 2, maxP);
        int q = Math.min(shortSeries ? 1 : 2, maxQ);
        int sp = seasonalFixed ? maxSeasonalP : Math.min(shortSeries ? 0 : 1, maxSeasonalP);
        int sq = seasonalFixed ? maxSeasonalQ : Math.min(shortSeries ? 0 : 1, maxSeasonalQ);

        best = fit(p, q, sp, sq, constant);
        tryModel(0, 0, startSP, startSQ, constant);
        if (maxP > 0 || (!seasonalFixed && maxSeasonalP > 0)) {
            int csp = seasonalFixed ? maxSeasonalP : (season > 1 && maxSeasonalP > 0 ? 1 : 0);
            tryModel(maxP > 0 ? 1 : 0, 0, csp, startSQ, constant);
        }
        if (maxQ > 0 || (!seasonalFixed && maxSeasonalQ > 0)) {
            int csq = seasonalFixed ? maxSeasonalQ : (season > 1 && maxSeasonalQ > 0 ? 1 : 0);
            tryModel(0, maxQ > 0 ? 1 : 0, startSP, csq, constant);
        }
        if (constant && constantFree) {
            // If this wins, auto.arima keeps searching with the constant (its `constant` flag is not
            // flipped until the toggle move); kept so the same models are visited.
            tryModel(0, 0, startSP, startSQ, false);
        }
        // Neighbour moves in auto.arima's order: {dp, dq, dP, dQ}.
        int[][] moves = {
                {0, 0, -1, 0}, {0, 0, 0, -1}, {0, 0, 1, 0}, {0, 0, 0, 1},
                {0, 0, -1, -1}, {0, 0, -1, 1}, {0, 0, 1, -1}, {0, 0, 1, 1},
                {-1, 0, 0, 0}, {0, -1, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0},
                {-1, -1, 0, 0}, {-1, 1, 0, 0}, {1, -1, 0, 0}, {1, 1, 0, 0}};
        boolean improved = true;
        while (improved && tried.size() < MAX_MODELS) {
            improved = false;
            for (int[] move : moves) {
                ArimaSpec at = best.spec();
                int np = at.p() + move[0];
                int nq = at.q() + move[1];
                int nsp = at.seasonalP() + move[2];
                int nsq = at.seasonalQ() + move[3];
                if (!allowed(np, nq, nsp, nsq) || seen(np, nq, nsp, nsq, constant)) {
                    continue;
                }
                if (tried.size() >= MAX_MODELS) {
                    break;
                }
                if (tryModel(np, nq, nsp, nsq, constant)) {
                    improved = true;
                    break;
                }
            }
            ArimaSpec at = best.spec();
            if (!improved && constantFree && tried.size() < MAX_MODELS
                    && !seen(at.p(), at.q(), at.seasonalP(), at.seasonalQ(), !constant)
                    && tryModel(at.p(), at.q(), at.seasonalP(), at.seasonalQ(), !constant)) {
                constant = !constant;
                improved = true;
            }
        }
        return finish();
    }

    /** Fits the model and makes it the current best when its AICc is lower; true when it was. */
    private boolean tryModel(int p, int q, int sp, int sq, boolean constant) {
        ArimaEstimate candidate = fit(p, q, sp, sq, constant);
        if (candidate.criterion() < best.criterion()) {
            best = candidate;
            return true;
        }
        return false;
    }

    /** The exact refit of the best-ranked admissible model, or a parameter-free fallback. */
    private ArimaFit finish() {
        List<ArimaEstimate> ranked = new ArrayList<>(tried);
        ranked.sort(Comparator.comparingDouble(ArimaEstimate::criterion));
        for (ArimaEstimate estimate : ranked) {
            if (!Double.isFinite(estimate.criterion())) {
                break;
            }
            ArimaEstimate exact = approximate ? ArimaEstimator.refine(y, estimate) : estimate;
            if (Double.isFinite(exact.criterion())) {
                return new ArimaFit(exact, y);
            }
        }
        // Nothing admissible (auto.arima stops with "No suitable ARIMA model found"): the pure
        // differencing model, which has no ARMA parameters that could fail.
        return Arima.differencingOnly(y, season, d, seasonalD);
    }

    private boolean allowed(int p, int q, int sp, int sq) {
        if (p < 0 || q < 0 || sp < 0 || sq < 0 || p > maxP || q > maxQ || sp > maxSeasonalP || sq > maxSeasonalQ) {
            return false;
        }
        if (seasonalFixed && (sp != maxSeasonalP || sq != maxSeasonalQ)) {
            return false;
        }
        return p + q + sp + sq <= maxOrder;
    }

    private boolean seen(int p, int q, int sp, int sq, boolean constant) {
        for (ArimaEstimate e : tried) {
            ArimaSpec s = e.spec();
            if (s.p() == p && s.q() == q && s.seasonalP() == sp && s.seasonalQ() == sq && s.constant() == constant) {
                return true;
            }
        }
        return false;
    }

    private ArimaEstimate fit(int p, int q, int sp, int sq, boolean constant) {
        ArimaSpec spec = new ArimaSpec(p, d, q, sp, seasonalD, sq, season, constant);
        ArimaEstimate estimate = ArimaEstimator.estimate(y, spec, !approximate);
        tried.add(estimate);
        return estimate;
    }
}
