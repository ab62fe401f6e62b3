package dev.qfl.eval.query;

import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.decision.Decisions;
import dev.qfl.stdlib.table.Table;
import java.util.ArrayList;
import java.util.List;

/** {@code interval(x, levels)}: per level, the central interval holding that probability. */
final class IntervalRows {
    private IntervalRows() {
    }

    static Table answer(ResolvedQuery.Interval q, AnswerContext context) {
        double[] levels = StepAnswers.doubles(q.levels());
        return StepAnswers.answer(q, context, q.levels(), (id, date, h, qf) -> {
            List<Object[]> out = new ArrayList<>(levels.length);
            for (double level : levels) {
                double[] iv = Decisions.centralInterval(qf, level);
                out.add(new Object[] {id, date, h, level, iv[0], iv[1]});
            }
            return out;
        });
    }
}
