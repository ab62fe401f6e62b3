package dev.qfl.stdlib.models.arima;

import java.util.Arrays;

/**
 * How {@link Arima#fit} chooses and estimates a seasonal ARIMA(p,d,q)(P,D,Q)[m] model.
 *
 * <p>With both orders {@code null} (the default) the orders are chosen automatically as R's
 * {@code forecast::auto.arima} does: D from a seasonal-strength test, d from repeated KPSS tests
 * (5%), then a stepwise search on AICc within the maximum orders below. With both orders given the
 * model is estimated as given (exact Gaussian likelihood, CSS starting values). A given {@code order}
 * with a {@code null} seasonal order means no seasonal part, (0,0,0). A given seasonal order with a
 * {@code null} order fixes (P,D,Q) and searches p, d and q only.
 *
 * @param order         {p, d, q}, or {@code null} to choose automatically
 * @param seasonalOrder {P, D, Q}, or {@code null} to choose automatically (ignored when the season is 1)
 * @param constant      {@code null}: as auto.arima (a mean when d + D = 0, a drift when d + D = 1, chosen by
 *                      AICc in the search, included for a given order); {@code true}/{@code false} forces it
 *                      (never possible when d + D >= 2)
 * @param maxP          largest non-seasonal AR order searched (default 5)
 * @param maxQ          largest non-seasonal MA order searched (default 5)
 * @param maxSeasonalP  largest seasonal AR order searched (default 2)
 * @param maxSeasonalQ  largest seasonal MA order searched (default 2)
 * @param maxOrder      largest p + q + P + Q the stepwise search moves to (default {@link Integer#MAX_VALUE}:
 *                      no limit, as auto.arima, whose max.order = 5 bounds only its exhaustive search; with a limit
 *                      of 5 the choices agreed with auto.arima's on 36 of 47 fixture series instead of 42)
 * @param maxD          largest number of first differences (default 2)
 * @param maxSeasonalD  largest number of seasonal differences (default 1)
 * @param approximation {@code null}: approximate the likelihood by conditional sums of squares during the
 *                      search when the series has more than 150 points or the season is longer than 12 (as
 *                      auto.arima), then refit the winner by exact likelihood; {@code true}/{@code false} forces it
 */
public record ArimaOptions(int[] order, int[] seasonalOrder, Boolean constant, int maxP, int maxQ,
                           int maxSeasonalP, int maxSeasonalQ, int maxOrder, int maxD, int maxSeasonalD,
                           Boolean approximation) {

    public ArimaOptions {
        order = checkedOrder(order, "order");
        seasonalOrder = checkedOrder(seasonalOrder, "seasonal order");
        if (maxP < 0 || maxQ < 0 || maxSeasonalP < 0 || maxSeasonalQ < 0 || maxOrder < 0 || maxD < 0
                || maxSeasonalD < 0) {
            throw new IllegalArgumentException("arima's maximum orders must not be negative");
        }
    }

    /** Automatic orders with auto.arima's defaults. */
    public static ArimaOptions defaults() {
        return new ArimaOptions(null, null, null, 5, 5, 2, 2, Integer.MAX_VALUE, 2, 1, null);
    }

    /** Fixed orders {p,d,q} and {P,D,Q}, everything else default. */
    public static ArimaOptions fixed(int[] order, int[] seasonalOrder) {
        return new ArimaOptions(order, seasonalOrder == null ? new int[3] : seasonalOrder, null, 5, 5, 2, 2,
                Integer.MAX_VALUE, 2, 1, null);
    }

    /** A copy with the constant (mean or drift) forced on or off, or left to the default rule ({@code null}). */
    public ArimaOptions withConstant(Boolean value) {
        return new ArimaOptions(order, seasonalOrder, value, maxP, maxQ, maxSeasonalP, maxSeasonalQ, maxOrder, maxD,
                maxSeasonalD, approximation);
    }

    @Override
    public int[] order() {
        return order == null ? null : order.clone();
    }

    @Override
    public int[] seasonalOrder() {
        return seasonalOrder == null ? null : seasonalOrder.clone();
    }

    private static int[] checkedOrder(int[] value, String what) {
        if (value == null) {
            return null;
        }
        if (value.length != 3 || value[0] < 0 || value[1] < 0 || value[2] < 0) {
            throw new IllegalArgumentException("arima's " + what + " must be three non-negative integers, got "
                    + Arrays.toString(value));
        }
        return value.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArimaOptions o && Arrays.equals(order, o.order)
                && Arrays.equals(seasonalOrder, o.seasonalOrder) && java.util.Objects.equals(constant, o.constant)
                && maxP == o.maxP && maxQ == o.maxQ && maxSeasonalP == o.maxSeasonalP && maxSeasonalQ == o.maxSeasonalQ
                && maxOrder == o.maxOrder && maxD == o.maxD && maxSeasonalD == o.maxSeasonalD
                && java.util.Objects.equals(approximation, o.approximation);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(Arrays.hashCode(order), Arrays.hashCode(seasonalOrder), constant, maxP, maxQ,
                maxSeasonalP, maxSeasonalQ, maxOrder, maxD, maxSeasonalD, approximation);
    }

    @Override
    public String toString() {
        return "ArimaOptions[order=" + Arrays.toString(order) + ", seasonalOrder=" + Arrays.toString(seasonalOrder)
                + ", constant=" + constant + ", max p,q,P,Q,order=" + maxP + "," + maxQ + "," + maxSeasonalP + ","
                + maxSeasonalQ + "," + maxOrder + ", maxD=" + maxD + ", maxSeasonalD=" + maxSeasonalD
                + ", approximation=" + approximation + "]";
    }
}
