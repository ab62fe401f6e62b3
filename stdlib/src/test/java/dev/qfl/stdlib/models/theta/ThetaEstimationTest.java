package dev.qfl.stdlib.models.theta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.junit.jupiter.api.Test;

/** The estimates minimise the models' own squared errors, computed independently. */
class ThetaEstimationTest {

    private static final String[] SERIES = {"sm_nile", "sm_fertility_jpn", "pm_austres", "pm_ausbeer"};
    private static final ThetaOptions UNADJUSTED = ThetaOptions.defaults().withDecomposition("none");

    private static ThetaFit fit(double[] y, ThetaVariant variant) {
        return Theta.fit(y, 1, UNADJUSTED.withVariant(variant.name()));
    }

    private static double referenceSse(double[] y, ThetaVariant variant, double l0, double alpha, double theta) {
        return ThetaReference.sse(y, variant.dynamic(), l0, alpha, theta);
    }

    @Test
    void reportedMseIsTheModelsOwnErrorAtTheEstimates() {
        for (String id : SERIES) {
            double[] y = ThetaFixtures.series(id);
            for (ThetaVariant variant : ThetaVariant.values()) {
                ThetaFit fit = fit(y, variant);
                double reference = referenceSse(y, variant, fit.initialLevel(), fit.alpha(), fit.theta()) / (y.length - 3);
                assertEquals(reference, fit.mse(), 1e-9 * reference, id + " " + variant);
            }
        }
    }

    @Test
    void estimatesAreALocalMinimumWithinTheBounds() {
        for (String id : SERIES) {
            double[] y = ThetaFixtures.series(id);
            double scale = Math.abs(y[0]) + 1;
            for (ThetaVariant variant : ThetaVariant.values()) {
                ThetaFit fit = fit(y, variant);
                double l0 = fit.initialLevel();
                double alpha = fit.alpha();
                double theta = fit.theta();
                double best = referenceSse(y, variant, l0, alpha, theta);
                double floor = best * (1 - 1e-9);
                for (double step : new double[] {-1, 1}) {
                    assertTrue(referenceSse(y, variant, l0 + step * 1e-3 * scale, alpha, theta) >= floor, id + " " + variant + " l0");
                    double movedAlpha = Math.min(0.99, Math.max(0.1, alpha + step * 1e-4));
                    assertTrue(referenceSse(y, variant, l0, movedAlpha, theta) >= floor, id + " " + variant + " alpha");
                    if (variant.estimatesTheta()) {
                        double movedTheta = Math.max(1, theta + step * 1e-3);
                        assertTrue(referenceSse(y, variant, l0, alpha, movedTheta) >= floor, id + " " + variant + " theta");
                    }
                }
            }
        }
    }

    @Test
    void exactSearchIsNoWorseThanNelderMeadFromStatsforecastsStart() {
        // statsforecast starts Nelder-Mead at l0 = y1/2, alpha = 0.5, theta = 2; bounds as a penalty
        for (String id : SERIES) {
            double[] y = ThetaFixtures.series(id);
            for (ThetaVariant variant : new ThetaVariant[] {ThetaVariant.OTM, ThetaVariant.DOTM}) {
                ObjectiveFunction objective = new ObjectiveFunction(p -> {
                    if (p[1] < 0.1 || p[1] > 0.99 || p[2] < 1) {
                        return Double.MAX_VALUE;
                    }
                    return referenceSse(y, variant, p[0], p[1], p[2]);
                });
                SimplexOptimizer optimizer = new SimplexOptimizer(1e-12, 1e-12);
                PointValuePair nm = optimizer.optimize(new MaxEval(20000), objective, GoalType.MINIMIZE,
                        new InitialGuess(new double[] {y[0] / 2, 0.5, 2}),
                        new NelderMeadSimplex(new double[] {Math.abs(y[0]) * 0.1 + 1e-3, 0.1, 0.5}));
                ThetaFit fit = fit(y, variant);
                double ours = fit.mse() * (y.length - 3);
                assertTrue(ours <= nm.getValue() * (1 + 1e-7), id + " " + variant + ": ours " + ours + ", Nelder-Mead " + nm.getValue());
            }
        }
    }

    @Test
    void optimisedThetaNeverFitsWorseThanStandardAndAutoKeepsTheBest() {
        for (String id : SERIES) {
            double[] y = ThetaFixtures.series(id);
            double stm = fit(y, ThetaVariant.STM).mse();
            double otm = fit(y, ThetaVariant.OTM).mse();
            double dstm = fit(y, ThetaVariant.DSTM).mse();
            double dotm = fit(y, ThetaVariant.DOTM).mse();
            assertTrue(otm <= stm * (1 + 1e-12), id + " OTM vs STM");
            assertTrue(dotm <= dstm * (1 + 1e-12), id + " DOTM vs DSTM");
            ThetaFit auto = Theta.fit(y, 1, UNADJUSTED);
            double best = Math.min(Math.min(stm, otm), Math.min(dstm, dotm));
            assertEquals(best, auto.mse(), 0, id);
            assertEquals(best, fit(y, auto.variant()).mse(), 0, id);
        }
    }

    @Test
    void dynamicTrendLineEndsOnTheWholeSampleLine() {
        // the static models use the least-squares line of the whole sample from the start; the dynamic
        // ones refit it as points arrive, so after the last point both hold the same line
        for (String id : SERIES) {
            double[] y = ThetaFixtures.series(id);
            double[] line = ThetaReference.line(y);
            for (ThetaVariant variant : ThetaVariant.values()) {
                ThetaModel.State state = fit(y, variant).model().state();
                assertEquals(line[0], state.a(), 1e-9 * (Math.abs(line[0]) + 1), id + " " + variant + " intercept");
                assertEquals(line[1], state.b(), 1e-9 * (Math.abs(line[1]) + 1), id + " " + variant + " slope");
            }
        }
    }

    @Test
    void dynamicOptimisedWithThetaTwoAndStaticLineIsTheStandardModel() {
        // the reference evaluator shares one code path for all four models; at the STM estimates,
        // switching off the dynamic line and fixing theta = 2 gives back STM's own error
        double[] y = ThetaFixtures.series("sm_nile");
        ThetaFit stm = fit(y, ThetaVariant.STM);
        double viaDotmPath = ThetaReference.sse(y, false, stm.initialLevel(), stm.alpha(), 2.0) / (y.length - 3);
        assertEquals(stm.mse(), viaDotmPath, 1e-9 * viaDotmPath);
        assertEquals(2.0, stm.theta(), 0);
        assertEquals(2.0, fit(y, ThetaVariant.DSTM).theta(), 0);
    }
}
