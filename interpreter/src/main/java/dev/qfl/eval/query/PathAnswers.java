package dev.qfl.eval.query;

import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.forecast.JointDistribution;
import dev.qfl.stdlib.forecast.SampledJoint;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The answers read off joint sample paths themselves (sample, correlation): each series' paths
 * drawn from a seeded stream, so asking again gives the same numbers, and a note saying how many
 * paths there were and where they came from.
 */
final class PathAnswers {
    private PathAnswers() {
    }

    /**
     * One kind's rows for one series from its drawn paths ({@code drawn[path][step - 1]}), handed
     * to {@code row} one at a time: a sample of 100,000 paths is millions of rows before the
     * condition keeps a few.
     */
    @FunctionalInterface
    interface RowsOfPaths {
        void rows(SeriesForecast s, double[][] drawn, Consumer<Object[]> row);
    }

    /**
     * @param wanted the paths asked for, or 0 to use as many as the model keeps (up to
     *               {@link PathCounts#PATHS})
     */
    static Table answer(ResolvedQuery q, int wanted, AnswerContext context, RowsOfPaths kind) {
        List<Table.Row> rows = new ArrayList<>();
        SortedSet<Integer> counts = new TreeSet<>();
        SortedSet<Integer> stock = new TreeSet<>();
        for (SeriesForecast s : context.forecast().series()) {
            JointDistribution joint = s.jointOrIndependent();
            int count = wanted > 0 ? wanted : SampledJoint.pathsToDraw(joint, PathCounts.PATHS);
            counts.add(count);
            if (joint instanceof SampledJoint stored && stored.size() < count) {
                stock.add(stored.size());
            }
            // a correlation needs two paths at least, whatever the model keeps
            double[][] drawn = joint.sample(Math.max(count, 2),
                    new SplittableRandom((q.model() + "|" + s.id() + "|paths").hashCode()));
            kind.rows(s, drawn, row -> context.addKept(rows, row));
        }
        String reuse = stock.isEmpty() ? "" : "; more paths than the model keeps (" + PathCounts.describe(stock, 0)
                + "), so they are drawn from its stored paths with replacement: raise the model's paths option for "
                + "distinct ones";
        return context.table(rows, List.of("from " + PathCounts.describe(counts, wanted > 0 ? wanted : PathCounts.PATHS)
                + " sample paths per series, " + PathCounts.how(q.independent()) + reuse));
    }
}
