package dev.qfl.eval.query;

import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.decision.Decisions;
import dev.qfl.stdlib.table.Table;
import java.util.List;

/** {@code service(x, stock: s)}: the chance s covers demand, and the expected shortfall. */
final class ServiceRows {
    private ServiceRows() {
    }

    static Table answer(ResolvedQuery.Service q, AnswerContext context) {
        double stock = q.stock().doubleValue();
        return StepAnswers.answer(q, context, List.of(), (id, date, h, qf) -> List.<Object[]>of(
                new Object[] {id, date, h, stock, qf.cdf(stock), Decisions.expectedShortfall(qf, stock)}));
    }
}
