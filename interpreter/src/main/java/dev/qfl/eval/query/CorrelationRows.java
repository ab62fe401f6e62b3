package dev.qfl.eval.query;

import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.forecast.PathStatistics;
import dev.qfl.stdlib.table.Table;

/** {@code correlation(x)}: the correlation of every pair of horizon steps over the joint paths. */
final class CorrelationRows {
    private CorrelationRows() {
    }

    static Table answer(ResolvedQuery.Correlation q, AnswerContext context) {
        return PathAnswers.answer(q, 0, context, (s, drawn, row) -> {
            int h = s.horizon();
            double[][] corr = PathStatistics.correlations(drawn);
            for (int i = 1; i <= h; i++) {
                for (int j = 1; j <= h; j++) {
                    row.accept(new Object[] {s.id(), i, j, corr[i - 1][j - 1]});
                }
            }
        });
    }
}
