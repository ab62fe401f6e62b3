package dev.qfl.eval.query;

import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.table.Table;

/** {@code sample(x, n)}: n joint sample paths, one row per path and step. */
final class SampleRows {
    private SampleRows() {
    }

    static Table answer(ResolvedQuery.Sample q, AnswerContext context) {
        int wanted = q.paths();
        return PathAnswers.answer(q, wanted, context, (s, drawn, row) -> {
            int h = s.horizon();
            Object[] dates = new Object[h];
            for (int k = 1; k <= h; k++) {
                dates[k - 1] = DateCells.of(s.frequency(), s.timeAt(k));
            }
            for (int p = 0; p < wanted; p++) {
                for (int k = 1; k <= h; k++) {
                    row.accept(new Object[] {s.id(), p + 1, k, dates[k - 1], drawn[p][k - 1]});
                }
            }
        });
    }
}
