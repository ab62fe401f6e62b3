package dev.qfl.eval;

import dev.qfl.check.QueryKind;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.check.Scope;
import dev.qfl.stdlib.decision.Decisions;
import dev.qfl.stdlib.dist.EmpiricalQuantileFunction;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.JointDistribution;
import dev.qfl.stdlib.forecast.PathStatistics;
import dev.qfl.stdlib.forecast.SampledJoint;
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
    /** Fresh paths drawn per series from independent marginals (a joint model's stored paths are all used). */
    static final int PATHS = 2000;

    private TotalRunner() {
    }

    static Table run(ResolvedQuery q, ForecastSet forecast, Scope scope, Map<String, Object> provenance) {
        Predicate<Object[]> keep = RowCondition.compile(q.condition(), q.kind().columns(), scope);
        double[] levels = q.levels().stream().mapToDouble(BigDecimal::doubleValue).toArray();
        List<Table.Row> rows = new ArrayList<>();
        java.util.SortedSet<Integer> counts = new java.util.TreeSet<>();
        for (SeriesForecast s : forecast.series()) {
            JointDistribution joint = s.jointOrIndependent();
            SplittableRandom random = new SplittableRandom((q.model() + "|" + s.id() + "|" + q.sumFrom() + ".." + q.sumTo())
                    .hashCode());
            int count = SampledJoint.pathsToDraw(joint, PATHS);
            counts.add(count);
            EmpiricalQuantileFunction total = EmpiricalQuantileFunction.of(
                    PathStatistics.totals(joint.sample(count, random), q.sumFrom(), q.sumTo()));
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
                add(rows, keep, new Object[] {s.id(), from, to, t, QueryRunner.probability(total, q.comparison(), t)});
            }
        }
        return new Table(q.kind().columns(), rows, List.of("the total over horizon " + q.sumFrom() + ".." + q.sumTo()
                + " comes from " + describe(counts, PATHS) + " sample paths per series, " + how(q) + "; sampling error of a quantile is "
                + "about a few percent of the total's spread"), provenance);
    }

    /** {@code correlation(x)} and {@code sample(x, n)}: the joint paths themselves, or their correlations. */
    static Table paths(ResolvedQuery q, ForecastSet forecast, Scope scope, Map<String, Object> provenance) {
        Predicate<Object[]> keep = RowCondition.compile(q.condition(), q.kind().columns(), scope);
        List<Table.Row> rows = new ArrayList<>();
        int wanted = q.kind() == QueryKind.SAMPLE ? q.options().get("paths").intValue() : PATHS;
        java.util.SortedSet<Integer> counts = new java.util.TreeSet<>();
        java.util.SortedSet<Integer> stock = new java.util.TreeSet<>();
        for (SeriesForecast s : forecast.series()) {
            JointDistribution joint = s.jointOrIndependent();
            int count = q.kind() == QueryKind.SAMPLE ? wanted : SampledJoint.pathsToDraw(joint, PATHS);
            counts.add(count);
            if (joint instanceof SampledJoint stored && stored.size() < count) {
                stock.add(stored.size());
            }
            double[][] drawn = joint.sample(Math.max(count, 2), new SplittableRandom((q.model() + "|" + s.id() + "|paths").hashCode()));
            int h = s.horizon();
            if (q.kind() == QueryKind.SAMPLE) {
                Object[] dates = new Object[h];
                for (int k = 1; k <= h; k++) {
                    dates[k - 1] = QueryRunner.dateCell(s.frequency(), s.timeAt(k));
                }
                for (int p = 0; p < wanted; p++) {
                    for (int k = 1; k <= h; k++) {
                        add(rows, keep, new Object[] {s.id(), p + 1, k, dates[k - 1], drawn[p][k - 1]});
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
        String reuse = stock.isEmpty() ? "" : "; more paths than the model keeps (" + describe(stock, 0)
                + "), so they are drawn from its stored paths with replacement: raise the model's paths option for "
                + "distinct ones";
        return new Table(q.kind().columns(), rows, List.of("from " + describe(counts, wanted)
                + " sample paths per series, " + how(q) + reuse), provenance);
    }

    /** Where the paths came from, for the answer's note. */
    private static String how(ResolvedQuery q) {
        return q.independent() ? "each step's forecast drawn independently (assuming independence)"
                : "the model's joint distribution";
    }

    private static String describe(java.util.SortedSet<Integer> counts, int fallback) {
        if (counts.isEmpty()) {
            return String.valueOf(fallback);
        }
        return counts.size() == 1 ? String.valueOf(counts.first()) : counts.first() + " to " + counts.last();
    }

    private static void add(List<Table.Row> rows, Predicate<Object[]> keep, Object[] row) {
        if (keep.test(row)) {
            rows.add(new Table.Row(row));
        }
    }
}
