package dev.qfl.stdlib.models.arima;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Automatic order selection against R's auto.arima (forecast 8.20) on the training part of 47
 * devset series (all but the long monthly ones; fixtures from stdlib/src/test/r/arima_fixtures.R).
 */
class ArimaAutoTest {

    private final Map<String, ArimaFixtures.Series> series = ArimaFixtures.series();
    private final List<ArimaFixtures.AutoChoice> choices = ArimaFixtures.autoChoices();

    /** The KPSS statistic is urca's ur.kpss(type = "mu", lag = trunc(3 √n / 13)) of the (seasonally differenced) series. */
    @Test
    void kpssStatisticMatchesUrca() {
        for (ArimaFixtures.AutoChoice r : choices) {
            ArimaFixtures.Series s = series.get(r.id());
            double[] dx = Differencing.difference(s.values(), 0, r.seasonalDiffs(), s.season());
            assertEquals(r.kpss(), DifferencingTests.kpss(dx), 1e-9 * Math.max(1, r.kpss()), r.id());
        }
    }

    /** d from repeated KPSS tests and D from the seasonal-strength heuristic: the same as ndiffs/nsdiffs on all 47. */
    @Test
    void differencingOrdersMatchR() {
        for (ArimaFixtures.AutoChoice r : choices) {
            ArimaFixtures.Series s = series.get(r.id());
            int m = s.season();
            int seasonalD = m > 1 && s.values().length > 2 * m ? DifferencingTests.nsdiffs(s.values(), m, 1) : 0;
            assertEquals(r.seasonalDiffs(), seasonalD, r.id() + " D");
            double[] dx = Differencing.difference(s.values(), 0, seasonalD, m);
            assertEquals(r.diffs(), DifferencingTests.ndiffs(dx, 2), r.id() + " d");
        }
    }

    /**
     * The chosen orders agree with auto.arima's on 42 of the 47 series (measured; the five others
     * are long series searched with the CSS approximation, where small differences between the two
     * CSS optimisers change the stepwise path). When the choice differs, ours is not much worse by
     * R's own criterion: measured exact AICc minus R's choice's: arch_wti_w +1.5, sm_macro_infl -0.9,
     * sm_macro_pop +4.1, sm_macro_realdpi -53.5, sm_macro_unemp +5.4; the bound is 6. All 47 are
     * checked, the two 1,030-point weekly series included (under a second each since the
     * Chandrasekhar filter; they used to be left out for taking seconds).
     */
    @Test
    void chosenOrdersAgreeWithAutoArimaOnMostSeries() {
        List<String> mismatches = new ArrayList<>();
        for (ArimaFixtures.AutoChoice r : choices) {
            ArimaFixtures.Series s = series.get(r.id());
            ArimaFit fit = Arima.fit(s.values(), s.season(), ArimaOptions.defaults());
            int[] o = fit.orders();
            String ours = java.util.Arrays.toString(new int[]{o[0], o[1], o[2], o[3], o[4], o[5]})
                    + (fit.hasConstant() ? " constant" : "");
            if (!ours.equals(r.key())) {
                mismatches.add(r.id() + ": R " + r.key() + " ours " + ours);
                assertTrue(fit.aicc() <= r.aicc() + 6, r.id() + " aicc " + fit.aicc() + " vs R " + r.aicc());
            } else {
                // the same model: the same AICc up to where the two optimisers stop (largest gap
                // measured: sm_fertility_bra's ARIMA(2,2,2), 0.18, a second local optimum on 46 points)
                assertEquals(r.aicc(), fit.aicc(), 0.25, r.id() + " aicc");
            }
        }
        assertEquals(47, choices.size());
        assertTrue(mismatches.size() <= 5, "mismatches: " + mismatches);
    }
}
