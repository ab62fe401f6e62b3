package dev.qfl.stdlib.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.PromotionPanels;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What covariates are worth to iqf on a panel with a known promotion effect (×1.5 in promotion
 * weeks, known in the future) and holidays (×0.3): the same small model, trained the same way,
 * with the promotion flag and the US calendar and without them. Printed figures are in
 * docs/models/covariates.md.
 */
class CovariateAccuracyTest {
    private static final int HORIZON = 14;

    static ModelSpec spec() {
        Map<String, Object> given = new HashMap<>(Map.of("horizon", HORIZON, "epochs", 6, "batch", 32, "hidden", 32,
                "knots", 9, "ensemble", 1, "refit", false, "seed", 7));
        return new IqfKind().resolve(given, dev.qfl.stdlib.data.Frequency.DAY);
    }

    private static double wql(PromotionPanels.Split split) {
        try (NeuralModel model = (NeuralModel) new IqfKind().fit(split.train(), spec(), FitContext.silent("iq"))) {
            return PromotionPanels.wql(split.full(), HORIZON, quantiles(model.forecast("iq", split.train(),
                    FitContext.silent("iq"))));
        }
    }

    static double[][][] quantiles(ForecastSet f) {
        double[][][] q = new double[f.series().size()][HORIZON][9];
        for (int s = 0; s < q.length; s++) {
            for (int h = 0; h < HORIZON; h++) {
                for (int l = 0; l < 9; l++) {
                    q[s][h][l] = f.series().get(s).step(h + 1).quantile((l + 1) / 10.0);
                }
            }
        }
        return q;
    }

    @Test
    void promotionsAndHolidaysCutTheLossByAtLeastAFifth() {
        double with = wql(PromotionPanels.daily(12, 400, HORIZON, 3, true));
        double without = wql(PromotionPanels.daily(12, 400, HORIZON, 3, false));
        System.out.printf("iqf wQL with covariates %.4f, without %.4f, ratio %.3f%n", with, without, with / without);
        assertTrue(with <= 0.8 * without, "with " + with + ", without " + without);
    }

    @Test
    void aForecastNeedsTheCovariatesOfEveryStepAndOfTheTrainingPanel() throws Exception {
        PromotionPanels.Split split = PromotionPanels.daily(3, 120, HORIZON, 5, true);
        ModelSpec small = new IqfKind().resolve(Map.of("horizon", HORIZON, "epochs", 1, "batch", 8, "hidden", 8,
                "knots", 5, "ensemble", 1, "refit", false), dev.qfl.stdlib.data.Frequency.DAY);
        try (NeuralModel model = (NeuralModel) new IqfKind().fit(split.train(), small, FitContext.silent("iq"))) {
            // the full panel's series have no known future: its covariates end with the values
            QflException missing = assertThrows(QflException.class,
                    () -> model.forecast("iq", split.full(), FitContext.silent("iq")));
            assertEquals("QF3160", missing.code());
            assertTrue(missing.getMessage().contains("known 0 steps"), missing.getMessage());
            Panel bare = PromotionPanels.daily(3, 120, HORIZON, 5, false).train();
            QflException other = assertThrows(QflException.class, () -> model.forecast("iq", bare, FitContext.silent("iq")));
            assertEquals("QF3162", other.code());
            assertTrue(other.getMessage().contains("covariates [promo], holidays \"US\""), other.getMessage());
            // saved and read back, the model still knows what it was trained with
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.writeParameters(bytes);
            try (NeuralModel loaded = (NeuralModel) new IqfKind().readParameters(small, model.summary(),
                    new ByteArrayInputStream(bytes.toByteArray()))) {
                ForecastSet again = loaded.forecast("iq", split.train(), FitContext.silent("iq"));
                ForecastSet first = model.forecast("iq", split.train(), FitContext.silent("iq"));
                TimeSeries s = split.train().series().get(0);
                assertEquals(first.series().get(0).step(3).quantile(0.5), again.series().get(0).step(3).quantile(0.5),
                        1e-9, s.id());
                assertEquals("QF3162", assertThrows(QflException.class,
                        () -> loaded.forecast("iq", bare, FitContext.silent("iq"))).code());
            }
        }
    }
}
