package dev.qfl.stdlib.models.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Holidays;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.PromotionPanels;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What-if forecasts of arima with regressors: the fitted model forecasts a panel whose planned
 * promotions were replaced, and the answer moves by the effect the data were generated with.
 */
class ArimaWhatIfTest {
    private static final int HORIZON = 14;

    private static final PromotionPanels.Split SPLIT = PromotionPanels.daily(6, 250, HORIZON, 3, true);

    private static TrainedModel fit() {
        // fixed orders keep the test fast, as in ArimaRegressionTest
        ModelSpec spec = new ArimaKind().resolve(Map.of("horizon", HORIZON, "order", List.of(1, 0, 1),
                "seasonal_order", List.of(0, 1, 1)), Frequency.DAY);
        return new ArimaKind().fit(SPLIT.train(), spec, FitContext.silent("ar"));
    }

    private static double median(ForecastSet f, int series, int step) {
        return f.series().get(series).step(step).quantile(0.5);
    }

    /**
     * Tolerance: over every series and forecast day that is not a holiday, the median ratio of the
     * what-if medians (promotion every day / none) lies within ±20% of the true 1.5, i.e. in 1.2 .. 1.8.
     * arima's regression is additive, so the ratio of one day varies with its level; the median
     * ratio is what the multiplicative truth can be compared with.
     */
    @Test
    void promoOneAgainstPromoZeroDiffersByTheTrueEffect() {
        TrainedModel model = fit();
        Panel train = SPLIT.train();
        ForecastSet on = model.forecast("ar", train.withFutureCovariate("promo", x -> 1, "1"), FitContext.silent("ar"));
        ForecastSet off = model.forecast("ar", train.withFutureCovariate("promo", x -> 0, "0"), FitContext.silent("ar"));
        Set<java.time.LocalDate> holidays = Holidays.of("US").orElseThrow()
                .between(java.time.LocalDate.of(2024, 12, 1), java.time.LocalDate.of(2025, 1, 2));
        List<Double> ratios = new ArrayList<>();
        for (int s = 0; s < train.series().size(); s++) {
            var series = train.series().get(s);
            for (int h = 1; h <= HORIZON; h++) {
                if (!holidays.contains(series.timeAt(series.length() - 1 + h).toLocalDate())) {
                    ratios.add(median(on, s, h) / median(off, s, h));
                }
            }
        }
        Collections.sort(ratios);
        double medianRatio = ratios.get(ratios.size() / 2);
        System.out.printf("arima what-if: median ratio promo=1 / promo=0 %.3f (true %.1f) over %d series-days%n",
                medianRatio, PromotionPanels.PROMO_EFFECT, ratios.size());
        assertTrue(Math.abs(medianRatio / PromotionPanels.PROMO_EFFECT - 1) <= 0.2, "median ratio " + medianRatio);
    }

    /** Changing the plan to itself changes nothing: the what-if reuses the fits, at the same regressors. */
    @Test
    void anUnchangedPlanForecastsAsThePlainPanel() {
        TrainedModel model = fit();
        Panel train = SPLIT.train();
        ForecastSet plain = model.forecast("ar", train, FitContext.silent("ar"));
        ForecastSet same = model.forecast("ar", train.withFutureCovariate("promo", x -> x, "promo"),
                FitContext.silent("ar"));
        for (int s = 0; s < train.series().size(); s++) {
            for (int h = 1; h <= HORIZON; h++) {
                assertEquals(median(plain, s, h), median(same, s, h), 1e-9);
            }
        }
    }
}
