package dev.qfl.eval.query;

import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.table.Table;
import java.util.ArrayList;
import java.util.List;

/** {@code quantile(x, levels)}: one row per level with the quantile there. */
final class QuantileRows {
    private QuantileRows() {
    }

    static Table answer(ResolvedQuery.Quantile q, AnswerContext context) {
        double[] levels = StepAnswers.doubles(q.levels());
        return StepAnswers.answer(q, context, q.levels(), (id, date, h, qf) -> {
            List<Object[]> out = new ArrayList<>(levels.length);
            for (double level : levels) {
                out.add(new Object[] {id, date, h, level, qf.quantile(level)});
            }
            return out;
        });
    }
}
