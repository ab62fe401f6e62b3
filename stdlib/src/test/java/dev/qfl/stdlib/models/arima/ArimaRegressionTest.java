package dev.qfl.stdlib.models.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.PromotionPanels;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.models.local.LocalModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** arima with covariates and holidays as regressors (regression with ARIMA errors, in two steps). */
class ArimaRegressionTest {
    private static final int HORIZON = 14;

    private static double wql(PromotionPanels.Split split) {
        // fixed orders keep the test fast (the stepwise search on daily data takes seconds per series)
        ModelSpec spec = new ArimaKind().resolve(Map.of("horizon", HORIZON, "order", java.util.List.of(1, 0, 1),
                "seasonal_order", java.util.List.of(0, 1, 1)), Frequency.DAY);
        TrainedModel model = new ArimaKind().fit(split.train(), spec, FitContext.silent("ar"));
        ForecastSet f = model.forecast("ar", split.train(), FitContext.silent("ar"));
        double[][][] q = new double[f.series().size()][HORIZON][9];
        for (int s = 0; s < q.length; s++) {
            for (int h = 0; h < HORIZON; h++) {
                for (int l = 0; l < 9; l++) {
                    q[s][h][l] = f.series().get(s).step(h + 1).quantile((l + 1) / 10.0);
                }
            }
        }
        return PromotionPanels.wql(split.full(), HORIZON, q);
    }

    @Test
    void promotionsAndHolidaysAsRegressorsCutTheLossByAtLeastAFifth() {
        double with = wql(PromotionPanels.daily(6, 250, HORIZON, 3, true));
        double without = wql(PromotionPanels.daily(6, 250, HORIZON, 3, false));
        System.out.printf("arima wQL with covariates %.4f, without %.4f, ratio %.3f%n", with, without, with / without);
        assertTrue(with <= 0.8 * without, "with " + with + ", without " + without);
    }

    @Test
    void eachSeriesIsARegressionWithArimaErrorsThatFindsTheEffects() {
        var split = PromotionPanels.daily(2, 300, HORIZON, 11, true);
        LocalModel model = (LocalModel) new ArimaKind().fit(split.train(),
                new ArimaKind().resolve(Map.of("horizon", HORIZON, "order", java.util.List.of(1, 0, 0)), Frequency.DAY),
                FitContext.silent("ar"));
        assertEquals(2, model.labels().size());
        model.labels().values().forEach(l -> assertTrue(l.startsWith("Regression on promo, holidays with ARIMA("), l));
    }

    @Test
    void leastSquaresRecoversKnownCoefficientsAndIgnoresAConstantRegressor() {
        double[] a = {0, 1, 0, 1, 1, 0, 0, 1};
        double[] zero = new double[8];
        double[] y = new double[8];
        for (int t = 0; t < 8; t++) {
            y[t] = 3 + 2 * a[t];
        }
        double[] c = ArimaRegression.leastSquares(new double[][] {a, zero}, new boolean[] {true, false}, y);
        assertArrayEquals(new double[] {2, 0, 3}, c, 1e-6);
    }

    @Test
    void aHorizonBeyondTheKnownCovariatesIsRefused() {
        var split = PromotionPanels.daily(1, 120, HORIZON, 5, true);
        ModelSpec spec = new ArimaKind().resolve(Map.of("horizon", HORIZON), Frequency.DAY);
        QflException e = assertThrows(QflException.class,
                () -> new ArimaKind().fit(split.full(), spec, FitContext.silent("ar")));
        assertEquals("QF3160", e.code());
    }
}
