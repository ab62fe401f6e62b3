package dev.qfl.eval;

import dev.qfl.check.QueryKind;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.check.Scope;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.decision.Decisions;
import dev.qfl.stdlib.dist.EmpiricalQuantileFunction;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.IndependentJoint;
import dev.qfl.stdlib.forecast.JointDistribution;
import dev.qfl.stdlib.forecast.PathStatistics;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.table.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Answers questions about a total over horizon steps a..b (lead-time demand) from joint sample
 * paths: the model's own joint distribution when it has one, or independent draws of each step's
 * marginal when the script said {@code assuming independence}. Each series gets its own seeded
 * random stream, so asking again gives the same numbers.
 */
final class TotalRunner {
    private TotalRunner() {
    }

    static Table run(ResolvedQuery q, ForecastSet forecast, Scope scope, Map<String, Object> provenance, int paths) {
        Predicate<Object[]> keep = RowCondition.compile(q.condition(), q.kind().columns(), scope);
        double[] levels = q.levels().stream().mapToDouble(BigDecimal::doubleValue).toArray();
        List<Table.Row> rows = new ArrayList<>();
        for (SeriesForecast s : forecast.series()) {
            if (q.sumTo() > s.horizon()) {
                throw new QflException("QF2007", "horizon " + q.sumTo() + " is beyond " + q.model() + "'s horizon of "
                        + s.horizon());
            }
            JointDistribution joint = s.jointDistribution()
                    .orElseGet(() -> new IndependentJoint(s.steps()));
            SplittableRandom random = new SplittableRandom((q.model() + "|" + s.id() + "|" + q.sumFrom() + ".." + q.sumTo())
                    .hashCode());
            EmpiricalQuantileFunction total = EmpiricalQuantileFunction.of(
                    PathStatistics.totals(joint.sample(paths, random), q.sumFrom(), q.sumTo()));
            Object from = QueryRunner.dateCell(s.frequency(), s.timeAt(q.sumFrom()));
            Object to = QueryRunner.dateCell(s.frequency(), s.timeAt(q.sumTo()));
            if (q.kind() == QueryKind.SUM_QUANTILE) {
                for (double level : levels) {
                    add(rows, keep, new Object[] {s.id(), from, to, level, total.quantile(level)});
                }
            } else if (q.kind() == QueryKind.SUM_TRADEOFF) {
                for (double level : levels) {
                    add(rows, keep, new Object[] {s.id(), from, to, level, total.quantile(level),
                            Decisions.marginal(total, level)});
                }
            } else {
                double t = q.threshold().doubleValue();
                double below = switch (q.comparison()) {
                    case LE -> total.cdf(t);
                    case LT -> total.cdf(Math.nextDown(t));
                    case GE -> 1 - total.cdf(Math.nextDown(t));
                    default -> 1 - total.cdf(t);
                };
                add(rows, keep, new Object[] {s.id(), from, to, t, below});
            }
        }
        String how = q.independent() ? "each step's forecast drawn independently (assuming independence)"
                : "the model's joint distribution";
        return new Table(q.kind().columns(), rows, List.of("the total over horizon " + q.sumFrom() + ".." + q.sumTo()
                + " comes from " + paths + " sample paths per series, " + how + "; sampling error of a quantile is "
                + "about a few percent of the total's spread"), provenance);
    }

    /** {@code correlation(x)} and {@code sample(x, n)}: the joint paths themselves, or their correlations. */
    static Table paths(ResolvedQuery q, ForecastSet forecast, Scope scope, Map<String, Object> provenance, int paths) {
        Predicate<Object[]> keep = RowCondition.compile(q.condition(), q.kind().columns(), scope);
        List<Table.Row> rows = new ArrayList<>();
        int wanted = q.kind() == QueryKind.SAMPLE ? q.options().get("paths").intValue() : paths;
        for (SeriesForecast s : forecast.series()) {
            double[][] drawn = draw(q, s, Math.max(wanted, 2));
            int h = s.horizon();
            if (q.kind() == QueryKind.SAMPLE) {
                for (int p = 0; p < wanted; p++) {
                    for (int k = 1; k <= h; k++) {
                        add(rows, keep, new Object[] {s.id(), p + 1, k, QueryRunner.dateCell(s.frequency(), s.timeAt(k)),
                                drawn[p][k - 1]});
                    }
                }
            } else {
                double[][] corr = PathStatistics.correlations(drawn);
                for (int i = 1; i <= h; i++) {
                    for (int j = 1; j <= h; j++) {
                        add(rows, keep, new Object[] {s.id(), i, j, corr[i - 1][j - 1]});
                    }
                }
            }
        }
        String how = q.independent() ? "each step's forecast drawn independently (assuming independence)"
                : "the model's joint distribution";
        return new Table(q.kind().columns(), rows, List.of("from " + (q.kind() == QueryKind.SAMPLE ? wanted : paths)
                + " sample paths per series, " + how), provenance);
    }

    private static double[][] draw(ResolvedQuery q, SeriesForecast s, int count) {
        JointDistribution joint = s.jointDistribution().orElseGet(() -> new IndependentJoint(s.steps()));
        return joint.sample(count, new SplittableRandom((q.model() + "|" + s.id() + "|paths").hashCode()));
    }

    private static void add(List<Table.Row> rows, Predicate<Object[]> keep, Object[] row) {
        if (keep.test(row)) {
            rows.add(new Table.Row(row));
        }
    }
}
