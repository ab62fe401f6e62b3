package dev.qfl.eval.query;

import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.decision.Decisions;
import dev.qfl.stdlib.table.Table;
import java.util.ArrayList;
import java.util.List;

/** {@code tradeoff(x, levels)}: per level, the quantile and what its last percentage point of service costs. */
final class TradeoffRows {
    private TradeoffRows() {
    }

    static Table answer(ResolvedQuery.Tradeoff q, AnswerContext context) {
        double[] levels = StepAnswers.doubles(q.levels());
        return StepAnswers.answer(q, context, q.levels(), (id, date, h, qf) -> {
            List<Object[]> out = new ArrayList<>(levels.length);
            for (double level : levels) {
                out.add(new Object[] {id, date, h, level, qf.quantile(level), Decisions.marginal(qf, level)});
            }
            return out;
        });
    }
}
