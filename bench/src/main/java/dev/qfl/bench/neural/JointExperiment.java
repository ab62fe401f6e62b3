package dev.qfl.bench.neural;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.dist.EmpiricalQuantileFunction;
import dev.qfl.stdlib.evaluation.PathScores;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.IndependentJoint;
import dev.qfl.stdlib.forecast.JointDistribution;
import dev.qfl.stdlib.forecast.PathStatistics;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.neural.IqfKind;
import dev.qfl.stdlib.neural.Mqf2Kind;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * The article's second experiment: series whose steps follow an AR(1) process with correlation ρ,
 * so consecutive days move together. mqf2 learns the joint distribution; iqf learns each day and,
 * for a weekly total, can only be combined under an independence assumption. Compared: the error
 * of the implied correlation matrix over the horizon (Frobenius norm against the true conditional
 * correlations), the energy score and the CRPS of the 7-day total on held-out futures, and the
 * total's 0.95 quantile against its exact value, in standard deviations of the total.
 * {@code qfl bench joint} prints the table.
 */
public final class JointExperiment {
    static final int HORIZON = 7;
    static final double LEVEL = 50;
    static final double SD = 5;
    private static final int PATHS = 2000;

    private JointExperiment() {
    }

    /**
     * One model's scores, averaged over the series: the Frobenius error of the implied correlation
     * matrix, the energy score and lead-time CRPS on the held-out path, |q95 of the total − exact| in
     * standard deviations of the total, and the sd of the model's total over the true one.
     */
    public record Row(double rho, String model, double correlationError, double energy, double crpsLead,
                      double q95ErrorInSd, double spreadRatio) {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<Row> rows = new ArrayList<>();
        for (double rho : new double[] {0.9, 0.5}) {
            rows.addAll(run(rho, epochs, 200, 50));
        }
        print(rows, System.out);
    }

    public static void print(List<Row> rows, PrintStream out) {
        out.println(" rho  model                      correlation_error  energy  crps_lead  q95_error_sd  spread_ratio");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%4.1f  %-26s %17.3f  %6.3f  %9.3f  %12.3f  %12.3f%n", r.rho(),
                    r.model(), r.correlationError(), r.energy(), r.crpsLead(), r.q95ErrorInSd(), r.spreadRatio());
        }
    }

    /**
     * Trains both models on one panel and scores them on the held-out next 7 steps.
     *
     * @param samples mqf2's energy-score samples per set (50 by default; fewer trains faster)
     */
    public static List<Row> run(double rho, int epochs, int series, int samples) {
        int length = 120;
        SplittableRandom r = new SplittableRandom(7);
        List<TimeSeries> train = new ArrayList<>();
        double[][] future = new double[series][HORIZON];
        double[] lastDeviation = new double[series];
        for (int s = 0; s < series; s++) {
            double x = r.nextGaussian();
            double[] v = new double[length];
            for (int t = 0; t < length + HORIZON; t++) {
                if (t > 0) {
                    x = rho * x + Math.sqrt(1 - rho * rho) * r.nextGaussian();
                }
                if (t < length) {
                    v[t] = LEVEL + SD * x;
                } else {
                    future[s][t - length] = LEVEL + SD * x;
                }
                if (t == length - 1) {
                    lastDeviation[s] = x;
                }
            }
            train.add(TimeSeries.of("g" + s, Frequency.DAY, LocalDateTime.of(2024, 1, 1, 0, 0), v));
        }
        Panel panel = new Panel("ar1", Frequency.DAY, train, Support.REAL, "ar1-" + rho, "synthetic");
        Map<String, Object> common = Map.of("horizon", HORIZON, "context", 28, "epochs", epochs, "seed", 3);
        List<Row> rows = new ArrayList<>();
        Map<String, Object> joint = new java.util.HashMap<>(common);
        joint.put("samples", samples);
        rows.add(score(rho, "mqf2", fit(new Mqf2Kind(), panel, joint), panel, future, lastDeviation, false));
        rows.add(score(rho, "iqf assuming independence", fit(new IqfKind(), panel, common), panel, future,
                lastDeviation, true));
        return rows;
    }

    private static ForecastSet fit(ModelKind kind, Panel panel, Map<String, Object> options) {
        return ExperimentFit.run(kind, panel, kind.resolve(options, panel.frequency()), kind.name()).forecast();
    }

    private static Row score(double rho, String name, ForecastSet f, Panel panel, double[][] future,
                             double[] lastDeviation, boolean independent) {
        double[][] trueCorr = conditionalCorrelation(rho);
        double totalSd = SD * Math.sqrt(conditionalTotalVariance(rho));
        double corrError = 0;
        double energy = 0;
        double crpsLead = 0;
        double q95 = 0;
        double spread = 0;
        for (int s = 0; s < f.series().size(); s++) {
            SeriesForecast sf = f.series().get(s);
            JointDistribution joint = independent ? new IndependentJoint(sf.steps()) : sf.jointDistribution().orElseThrow();
            double[][] paths = joint.sample(PATHS, new SplittableRandom(11 + s));
            double[][] corr = PathStatistics.correlations(paths);
            double frob = 0;
            for (int i = 0; i < HORIZON; i++) {
                for (int j = 0; j < HORIZON; j++) {
                    frob += Math.pow(corr[i][j] - trueCorr[i][j], 2);
                }
            }
            corrError += Math.sqrt(frob);
            energy += PathScores.energy(paths, future[s]);
            crpsLead += PathScores.crpsOfTotal(paths, future[s]);
            double[] totals = PathStatistics.totals(paths, 1, HORIZON);
            EmpiricalQuantileFunction total = EmpiricalQuantileFunction.of(totals);
            double exactMean = HORIZON * LEVEL + SD * lastDeviation[s] * geometric(rho);
            double exact95 = new NormalDistribution(exactMean, totalSd).inverseCumulativeProbability(0.95);
            q95 += Math.abs(total.quantile(0.95) - exact95) / totalSd;
            spread += new StandardDeviation().evaluate(totals) / totalSd;
        }
        int n = f.series().size();
        return new Row(rho, name, corrError / n, energy / n, crpsLead / n, q95 / n, spread / n);
    }

    /** Σ_{h=1..H} ρ^h: how the last deviation carries into the total. */
    private static double geometric(double rho) {
        double sum = 0;
        for (int h = 1; h <= HORIZON; h++) {
            sum += Math.pow(rho, h);
        }
        return sum;
    }

    /** Cov(x_{T+i}, x_{T+j} | x_T) for a unit-variance AR(1): ρ^{|i−j|} − ρ^{i+j}. */
    static double[][] conditionalCovariance(double rho) {
        double[][] c = new double[HORIZON][HORIZON];
        for (int i = 1; i <= HORIZON; i++) {
            for (int j = 1; j <= HORIZON; j++) {
                c[i - 1][j - 1] = Math.pow(rho, Math.abs(i - j)) - Math.pow(rho, i + j);
            }
        }
        return c;
    }

    static double[][] conditionalCorrelation(double rho) {
        double[][] c = conditionalCovariance(rho);
        double[][] out = new double[HORIZON][HORIZON];
        for (int i = 0; i < HORIZON; i++) {
            for (int j = 0; j < HORIZON; j++) {
                out[i][j] = c[i][j] / Math.sqrt(c[i][i] * c[j][j]);
            }
        }
        return out;
    }

    static double conditionalTotalVariance(double rho) {
        double sum = 0;
        for (double[] row : conditionalCovariance(rho)) {
            for (double v : row) {
                sum += v;
            }
        }
        return sum;
    }
}
