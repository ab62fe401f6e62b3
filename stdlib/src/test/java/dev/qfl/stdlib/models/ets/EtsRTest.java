package dev.qfl.stdlib.models.ets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agreement with R's forecast::ets (8.20) on ten devset series (monthly m = 12, quarterly m = 4, yearly),
 * 30 fits in all (10 automatic, 20 forced), multiplicative and additive, damped and not.
 */
class EtsRTest {

    private static final double Z80 = 1.2815515655446004;
    private static final double Z95 = 1.959963984540054;
    private static List<EtsFixtures.Series> fixtures;

    @BeforeAll
    static void load() {
        fixtures = EtsFixtures.all();
    }

    /** The recursions and likelihood: at R's own estimates our filter gives R's log-likelihood. */
    @Test
    void likelihoodAtRsEstimatesIsRs() {
        for (EtsFixtures.Series series : fixtures) {
            for (EtsFixtures.RFit r : series.allFits()) {
                final EtsFit atR = EtsFixtures.atRParameters(series, r);
                assertEquals(r.loglik(), atR.logLikelihood(), 1e-6 * Math.abs(r.loglik()),
                        series.id() + " " + r.model());
            }
        }
    }

    /**
     * The forecast formulas: at R's estimates, state and sigma2 our means and 80%/95% bounds are R's, except
     * where R's formulas are off (both checked against simulation in {@link EtsVarianceTest} instead):
     * R's class-3 formula for ETS(M,Ad,M) uses level + slope where the model has level + phi * slope, so
     * that model is left out; and for seasonal models without trend (ANA, MNA) R's class-1 code puts gamma
     * on the second seasonal state, so its c_j carries gamma at j = m - 1 instead of j = m, and its
     * variances from step m - 1 on differ slightly; those steps are left out for those two models.
     */
    @Test
    void forecastsAtRsEstimatesAreRs() {
        int compared = 0;
        for (EtsFixtures.Series series : fixtures) {
            for (EtsFixtures.RFit r : series.allFits()) {
                if (r.model().equals("MAdM")) {
                    continue;
                }
                final EtsFit atR = EtsFixtures.atRParameters(series, r);
                final int h = series.horizon();
                final double[] mean = atR.mean(h);
                final double[] variance = atR.variance(h);
                final boolean shiftedGamma = r.model().equals("ANA") || r.model().equals("MNA");
                for (int j = 0; j < h; j++) {
                    final String where = series.id() + " " + r.model() + " step " + (j + 1);
                    final double scale = r.upper95()[j] - r.mean()[j];
                    final double sd = Math.sqrt(variance[j]);
                    assertEquals(r.mean()[j], mean[j], 1e-6 * scale, where);
                    if (shiftedGamma && j + 1 >= series.season() - 1) {
                        continue;
                    }
                    assertEquals(r.lower80()[j], mean[j] - Z80 * sd, 1e-6 * scale, where);
                    assertEquals(r.upper80()[j], mean[j] + Z80 * sd, 1e-6 * scale, where);
                    assertEquals(r.upper95()[j], mean[j] + Z95 * sd, 1e-6 * scale, where);
                }
                compared++;
            }
        }
        assertEquals(28, compared);
    }

    /**
     * The estimation, with the model forced to R's: both maximise the same likelihood from the same
     * starting values with Nelder–Mead and the same budget (2000 evaluations), but the simplex moves
     * differ in detail (Commons Math's Nelder–Mead is not R's nmmin), and with up to 17 parameters and a
     * flat likelihood the two stop at slightly different points. Observed on the 20 forced fits: within
     * 0.05 of R's in 11; lower than R's by 0.33 (MAdM) and 0.27 (AAdA); higher (a better optimum) in the
     * other 7, by up to 6.2 (AAN on pm_austres). So the test allows at most 0.75 below R and asks that
     * at least half be within 0.05.
     */
    @Test
    void likelihoodWithTheModelForcedIsCloseToRs() {
        final List<String> report = new ArrayList<>();
        int close = 0;
        int total = 0;
        for (EtsFixtures.Series series : fixtures) {
            for (EtsFixtures.RFit r : series.forced()) {
                final EtsFit fit = Ets.fit(series.y(), series.season(), EtsOptions.defaults().withModel(r.model()));
                assertEquals(r.model(), fit.model());
                final double difference = fit.logLikelihood() - r.loglik();
                report.add(series.id() + " " + r.model() + " " + difference);
                assertTrue(difference > -0.75, "log-likelihood below R's by " + (-difference) + ": " + report);
                if (Math.abs(difference) <= 0.05) {
                    close++;
                }
                total++;
            }
        }
        assertTrue(close >= total / 2, "fewer than half of the fits within 0.05 of R's: " + report);
    }

    /**
     * Where the forced fit reaches R's optimum (log-likelihoods within 0.1), the forecasts agree: means
     * within 3% of the 95% half-width, half-widths within 6% (class 2 variances move with the parameters).
     */
    @Test
    void forecastsOfTheSameOptimumAreClose() {
        int compared = 0;
        for (EtsFixtures.Series series : fixtures) {
            for (EtsFixtures.RFit r : series.forced()) {
                final EtsFit fit = Ets.fit(series.y(), series.season(), EtsOptions.defaults().withModel(r.model()));
                if (Math.abs(fit.logLikelihood() - r.loglik()) > 0.1 || r.model().equals("MAdM")) {
                    continue;
                }
                final int h = series.horizon();
                final double[] mean = fit.mean(h);
                final double[] variance = fit.variance(h);
                for (int j = 0; j < h; j++) {
                    final double halfWidth = r.upper95()[j] - r.mean()[j];
                    final String where = series.id() + " " + r.model() + " step " + (j + 1);
                    assertEquals(r.mean()[j], mean[j], 0.03 * halfWidth, where);
                    assertEquals(halfWidth, Z95 * Math.sqrt(variance[j]), 0.06 * halfWidth, where);
                }
                compared++;
            }
        }
        assertTrue(compared >= 12, "only " + compared + " fits reached R's optimum");
    }

    /**
     * The automatic choice: the same model as R on 8 of the 10 series. The two others (arch_ff_rf: ANA for
     * R's ANN; pm_austres: MAA for R's MAdA) are fits where our optimiser found a lower AICc than anything
     * R reached, so on every series our chosen AICc is at most R's (plus a small optimiser margin).
     */
    @Test
    void automaticChoiceMostlyMatchesR() {
        final List<String> mismatches = new ArrayList<>();
        for (EtsFixtures.Series series : fixtures) {
            final EtsFit fit = Ets.fit(series.y(), series.season(), EtsOptions.defaults());
            if (!fit.model().equals(series.auto().model())) {
                mismatches.add(series.id() + ": ours " + fit.model() + " (AICc " + fit.aicc() + "), R "
                        + series.auto().model() + " (AICc " + series.auto().aicc() + ")");
            }
            assertTrue(fit.aicc() <= series.auto().aicc() + 1.0, series.id() + ": AICc " + fit.aicc()
                    + " well above R's " + series.auto().aicc());
        }
        assertTrue(mismatches.size() <= 2, "model choice differs from R on " + mismatches);
    }
}
