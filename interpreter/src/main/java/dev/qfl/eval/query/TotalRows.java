package dev.qfl.eval.query;

import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.decision.Decisions;
import dev.qfl.stdlib.dist.EmpiricalQuantileFunction;
import dev.qfl.stdlib.forecast.JointDistribution;
import dev.qfl.stdlib.forecast.PathStatistics;
import dev.qfl.stdlib.forecast.SampledJoint;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Answers questions about a total over horizon steps a..b (lead-time demand) from joint sample
 * paths: the model's own joint distribution when it has one, or independent draws of each step's
 * marginal when the script said {@code assuming independence}. Each series gets its own seeded
 * random stream, so asking again gives the same numbers. The three total kinds differ only in the
 * rows they read off the total's distribution.
 */
final class TotalRows {
    private TotalRows() {
    }

    /** One total kind's rows for one series, from the distribution of its total. */
    @FunctionalInterface
    private interface RowsOfTotal {
        List<Object[]> rows(String id, Object from, Object to, EmpiricalQuantileFunction total);
    }

    static Table quantile(ResolvedQuery.TotalQuantile q, AnswerContext context) {
        double[] levels = StepAnswers.doubles(q.levels());
        return answer(q, q.sumFrom(), q.sumTo(), context, (id, from, to, total) -> {
            List<Object[]> out = new ArrayList<>(levels.length);
            for (double level : levels) {
                out.add(new Object[] {id, from, to, level, total.quantile(level)});
            }
            return out;
        });
    }

    static Table tradeoff(ResolvedQuery.TotalTradeoff q, AnswerContext context) {
        double[] levels = StepAnswers.doubles(q.levels());
        return answer(q, q.sumFrom(), q.sumTo(), context, (id, from, to, total) -> {
            List<Object[]> out = new ArrayList<>(levels.length);
            for (double level : levels) {
                out.add(new Object[] {id, from, to, level, total.quantile(level), Decisions.marginal(total, level)});
            }
            return out;
        });
    }

    static Table probability(ResolvedQuery.TotalProbability q, AnswerContext context) {
        double t = q.threshold().doubleValue();
        return answer(q, q.sumFrom(), q.sumTo(), context, (id, from, to, total) -> List.<Object[]>of(
                new Object[] {id, from, to, t, ProbabilityRows.probability(total, q.comparison(), t)}));
    }

    private static Table answer(ResolvedQuery q, int sumFrom, int sumTo, AnswerContext context, RowsOfTotal kind) {
        List<Table.Row> rows = new ArrayList<>();
        SortedSet<Integer> counts = new TreeSet<>();
        for (SeriesForecast s : context.forecast().series()) {
            JointDistribution joint = s.jointOrIndependent();
            SplittableRandom random = new SplittableRandom((q.model() + "|" + s.id() + "|" + sumFrom + ".." + sumTo)
                    .hashCode());
            int count = SampledJoint.pathsToDraw(joint, PathCounts.PATHS);
            counts.add(count);
            EmpiricalQuantileFunction total = EmpiricalQuantileFunction.of(
                    PathStatistics.totals(joint.sample(count, random), sumFrom, sumTo));
            Object from = DateCells.of(s.frequency(), s.timeAt(sumFrom));
            Object to = DateCells.of(s.frequency(), s.timeAt(sumTo));
            for (Object[] row : kind.rows(s.id(), from, to, total)) {
                context.addKept(rows, row);
            }
        }
        return context.table(rows, List.of("the total over horizon " + sumFrom + ".." + sumTo + " comes from "
                + PathCounts.describe(counts, PathCounts.PATHS) + " sample paths per series, "
                + PathCounts.how(q.independent()) + "; sampling error of a quantile is about a few percent of the "
                + "total's spread"));
    }
}
