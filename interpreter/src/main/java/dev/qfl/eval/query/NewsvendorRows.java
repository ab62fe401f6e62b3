package dev.qfl.eval.query;

import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.decision.Decisions;
import dev.qfl.stdlib.table.Table;
import java.util.List;

/** {@code newsvendor(x, underage: cu, overage: co)}: the stock at the critical ratio and its expected cost. */
final class NewsvendorRows {
    private NewsvendorRows() {
    }

    static Table answer(ResolvedQuery.Newsvendor q, AnswerContext context) {
        double cu = q.underage().doubleValue();
        double co = q.overage().doubleValue();
        double ratio = Decisions.criticalRatio(cu, co);
        return StepAnswers.answer(q, context, List.of(), (id, date, h, qf) -> {
            double stock = qf.quantile(ratio);
            return List.<Object[]>of(new Object[] {id, date, h, ratio, stock, Decisions.expectedCost(qf, stock, cu, co)});
        });
    }
}
