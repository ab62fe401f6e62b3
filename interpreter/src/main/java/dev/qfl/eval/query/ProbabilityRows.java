package dev.qfl.eval.query;

import dev.qfl.ast.Expr;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.table.Table;
import java.util.List;

/** {@code probability(x op t)}: the forecast's probability of the comparison at each step. */
final class ProbabilityRows {
    private ProbabilityRows() {
    }

    static Table answer(ResolvedQuery.Probability q, AnswerContext context) {
        double t = q.threshold().doubleValue();
        return StepAnswers.answer(q, context, List.of(), (id, date, h, qf) -> List.<Object[]>of(
                new Object[] {id, date, h, t, probability(qf, q.comparison(), t)}));
    }

    /**
     * P(Y op t). '<' and '>=' use the left limit of the CDF, which differs from cdf(t) only where
     * the distribution has an atom (e.g. the zero floor of a non-negative series).
     */
    static double probability(QuantileFunction qf, Expr.BinaryOp op, double t) {
        return switch (op) {
            case LE -> qf.cdf(t);
            case LT -> qf.cdf(Math.nextDown(t));
            case GE -> 1.0 - qf.cdf(Math.nextDown(t));
            default -> 1.0 - qf.cdf(t);
        };
    }
}
