package dev.qfl.stdlib.dist;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.analysis.integration.UnivariateIntegrator;

/**
 * Reference CRPS for tests: ∫₀¹ 2·ρ_α(y − q(α)) dα integrated by Commons Math's adaptive
 * Gauss–Legendre rule, with nothing taken from the closed form under test. The level axis is cut
 * at every plotting position and at the crossing level so each part is smooth, and the tails are
 * integrated in s = −log(α/p₀) (resp. −log((1−α)/(1−p_{n−1}))) where the integrand decays like e^{−s}.
 */
final class PinballIntegral {
    private static final double TAIL_END = 60; // e^{-60}: the rest of the tail is far below tolerance

    private PinballIntegral() {
    }

    static double crps(EmpiricalQuantileFunction q, double y) {
        UnivariateFunction loss = level -> {
            double u = y - q.quantile(level);
            return 2 * u * (u < 0 ? level - 1 : level);
        };
        int n = q.size();
        double first = q.position(0);
        double last = q.position(n - 1);
        double crossing = q.cdf(y); // only decides where to cut the axis
        List<Double> cuts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cuts.add(q.position(i));
        }
        if (crossing > first && crossing < last) {
            cuts.add(crossing);
        }
        cuts.sort(Double::compare);
        double total = 0;
        for (int i = 0; i + 1 < cuts.size(); i++) {
            total += integrate(loss, cuts.get(i), cuts.get(i + 1));
        }
        UnivariateFunction left = s -> {
            double level = first * Math.exp(-s);
            return loss.value(level) * level;
        };
        total += integrateTail(left, crossing < first ? -Math.log(crossing / first) : Double.NaN);
        double tailMass = 1 - last;
        UnivariateFunction right = s -> {
            double t = tailMass * Math.exp(-s);
            // beyond 1 − 1e-16 the level rounds to 1; the loss there weighs less than t·|log t|
            return loss.value(Math.min(1 - t, Math.nextDown(1.0))) * t;
        };
        total += integrateTail(right, crossing > last ? -Math.log((1 - crossing) / tailMass) : Double.NaN);
        return total;
    }

    private static double integrateTail(UnivariateFunction f, double cut) {
        if (Double.isFinite(cut) && cut > 0 && cut < TAIL_END) {
            return integrate(f, 0, cut) + integrate(f, cut, TAIL_END);
        }
        return integrate(f, 0, TAIL_END);
    }

    private static double integrate(UnivariateFunction f, double lo, double hi) {
        if (hi <= lo) {
            return 0;
        }
        UnivariateIntegrator integrator = new IterativeLegendreGaussIntegrator(8, 1e-13, 1e-15);
        return integrator.integrate(10_000_000, f, lo, hi);
    }
}
