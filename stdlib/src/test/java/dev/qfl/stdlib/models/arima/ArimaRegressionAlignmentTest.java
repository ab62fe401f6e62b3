package dev.qfl.stdlib.models.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qfl.stdlib.data.CovariateSpec;
import dev.qfl.stdlib.data.Covariates;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * arima's regressors line up with the values fitted when a series starts with unobserved steps
 * (padding before a product's launch): the fit drops those steps, the covariates must too.
 */
class ArimaRegressionAlignmentTest {
    private static final int LEADING_GAP = 17;
    private static final int LENGTH = 140;
    private static final int HORIZON = 7;
    private static final double BASE = 20;
    private static final double PROMO_EFFECT = 10;

    @Test
    void aSeriesWithLeadingMissingStepsGetsTheKnownPromotionEffect() {
        SplittableRandom random = new SplittableRandom(3);
        double[] promo = new double[LENGTH + HORIZON];
        for (int t = 0; t < LENGTH; t++) {
            promo[t] = random.nextDouble() < 0.3 ? 1 : 0;
        }
        for (int t = LENGTH; t < promo.length; t++) {
            promo[t] = 1;   // promoted on every forecast day: the forecast must be base + effect
        }
        double[] values = new double[LENGTH];
        boolean[] observed = new boolean[LENGTH];
        for (int t = LEADING_GAP; t < LENGTH; t++) {
            values[t] = BASE + PROMO_EFFECT * promo[t] + (random.nextDouble() - 0.5) * 0.2;
            observed[t] = true;
        }
        for (int t = 0; t < LEADING_GAP; t++) {
            values[t] = Double.NaN;
        }
        TimeSeries series = new TimeSeries("late-launch", Frequency.DAY, LocalDateTime.of(2024, 1, 1, 0, 0), values,
                observed, new Covariates(new double[][] {promo}, new double[0][], List.of(), HORIZON));
        Panel panel = new Panel("sales", Frequency.DAY, List.of(series), Support.NONNEGATIVE, "late-launch", "generated",
                null, new CovariateSpec(List.of("promo"), List.of(), List.of(), null));
        ModelSpec spec = new ArimaKind().resolve(Map.of("horizon", HORIZON, "order", List.of(0, 0, 0)), Frequency.DAY);
        TrainedModel model = new ArimaKind().fit(panel, spec, FitContext.silent("ar"));
        ForecastSet forecast = model.forecast("ar", panel, FitContext.silent("ar"));
        for (int h = 1; h <= HORIZON; h++) {
            assertEquals(BASE + PROMO_EFFECT, forecast.series().get(0).step(h).quantile(0.5), 0.5, "step " + h);
        }
    }
}
