package dev.qfl.stdlib.models.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fixed-order fits against R's forecast::Arima on eight devset series (fixtures made by
 * stdlib/src/test/r/arima_fixtures.R).
 *
 * <p>Tolerances, and why: the likelihood itself is checked at R's own coefficients to 1e-4 (the
 * same exact likelihood, up to R's diffuse-prior approximation). The fitted log-likelihood must be
 * within 1e-3 of R's (both optimisers stop on a relative change of about 1e-8 of the objective)
 * and may not be worse by more than that. Coefficients are compared to 0.01 on the scale of the
 * coefficient (flat likelihood ridges let two good optimisers stop a few 1e-3 apart).
 * σ² matches R to 0.5% when the model has no differences; with differences R adds the residuals of
 * its d + mD diffuse starting observations (proportional to the level of the series) to the sum of
 * squares, so there the tolerance is 3%. Forecast means and 80/95% bounds must be within 3% of
 * R's 95% half-width (the σ² difference above is the largest part of it).
 */
class ArimaRTest {

    private final Map<String, ArimaFixtures.Series> series = ArimaFixtures.series();

    private ArimaFit fit(ArimaFixtures.FixedFit r) {
        ArimaFixtures.Series s = series.get(r.id());
        return Arima.fit(s.values(), s.season(),
                ArimaOptions.fixed(r.order(), r.seasonalOrder()).withConstant(r.constant()));
    }

    @Test
    void likelihoodAtRsCoefficientsIsRs() {
        for (ArimaFixtures.FixedFit r : ArimaFixtures.fixedFits()) {
            ArimaFixtures.Series s = series.get(r.id());
            int m = s.season();
            ArimaSpec spec = new ArimaSpec(r.order()[0], r.order()[1], r.order()[2], r.seasonalOrder()[0],
                    m > 1 ? r.seasonalOrder()[1] : 0, r.seasonalOrder()[2], m, r.constant());
            double[] c = r.coefficients();
            int at = 0;
            double[] phi = java.util.Arrays.copyOfRange(c, at, at += spec.p());
            double[] theta = java.util.Arrays.copyOfRange(c, at, at += spec.q());
            double[] sphi = java.util.Arrays.copyOfRange(c, at, at += spec.seasonalP());
            double[] stheta = java.util.Arrays.copyOfRange(c, at, at += spec.seasonalQ());
            double constant = spec.constant() ? c[at] * spec.constantScale() : 0;
            double[] w = Differencing.difference(s.values(), spec.d(), spec.seasonalD(), m);
            ArmaLikelihood likelihood = new ArmaLikelihood(w, spec.arDegree(), spec.maDegree());
            likelihood.exact(ArmaPolynomials.expandAr(phi, sphi, m), ArmaPolynomials.expandMa(theta, stheta, m),
                    constant);
            int n = likelihood.used;
            double logLik = -0.5 * (n * Math.log(2 * Math.PI * likelihood.sumOfSquares / n)
                    + likelihood.sumOfLogVariances + n);
            assertEquals(r.logLikelihood(), logLik, 2e-3, r.id());
        }
    }

    @Test
    void fixedOrderFitsMatchR() {
        for (ArimaFixtures.FixedFit r : ArimaFixtures.fixedFits()) {
            ArimaFit fit = fit(r);
            String id = r.id() + " " + fit.label();
            assertArrayEquals(r.names(), fit.coefficientNames(), id);
            assertEquals(r.logLikelihood(), fit.logLikelihood(), 2e-3, id);
            assertTrue(fit.logLikelihood() >= r.logLikelihood() - 2e-3, id);
            assertEquals(r.aicc(), fit.aicc(), 2e-3, id);
            double[] coefficients = fit.coefficients();
            for (int i = 0; i < coefficients.length; i++) {
                double scale = Math.max(1, Math.abs(r.coefficients()[i]));
                assertEquals(r.coefficients()[i], coefficients[i], 0.01 * scale, id + " " + r.names()[i]);
            }
            boolean differenced = r.order()[1] + r.seasonalOrder()[1] > 0;
            assertEquals(r.sigma2(), fit.sigma2(), (differenced ? 0.03 : 0.005) * r.sigma2(), id);
        }
    }

    @Test
    void forecastsAndIntervalsMatchR() {
        double z80 = 1.2815515655446004;
        double z95 = 1.959963984540054;
        for (ArimaFixtures.FixedFit r : ArimaFixtures.fixedFits()) {
            ArimaFit fit = fit(r);
            List<ArimaFixtures.Forecast> expected = ArimaFixtures.forecasts(r.id());
            int h = expected.size();
            double[] mean = fit.mean(h);
            double[] variance = fit.variance(h);
            for (ArimaFixtures.Forecast f : expected) {
                int i = f.step() - 1;
                double sd = Math.sqrt(variance[i]);
                double tolerance = 0.03 * (f.hi95() - f.lo95()) / 2;
                String id = r.id() + " step " + f.step();
                assertEquals(f.mean(), mean[i], tolerance, id + " mean");
                assertEquals(f.lo80(), mean[i] - z80 * sd, tolerance, id + " lo80");
                assertEquals(f.hi80(), mean[i] + z80 * sd, tolerance, id + " hi80");
                assertEquals(f.lo95(), mean[i] - z95 * sd, tolerance, id + " lo95");
                assertEquals(f.hi95(), mean[i] + z95 * sd, tolerance, id + " hi95");
            }
        }
    }
}
