package dev.qfl.check.query;

import dev.qfl.ast.Expr;
import dev.qfl.check.LevelRule;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.stdlib.decision.Decisions;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The newsvendor's costs as the runner will see them: doubles, positive and finite, whose critical
 * ratio u / (u + o) is strictly inside (0, 1). Costs a factor of about 1e16 apart put the ratio at
 * exactly 0 or 1 in doubles, where the stock would be an infinite tail of the forecast; decimal
 * costs such as {@code 1e-400} are positive as written but 0 as doubles.
 */
final class CostRatio {
    private CostRatio() {
    }

    /** Whether the costs (already checked positive and within the double range) give a usable ratio; reports why not. */
    static boolean check(Expr.Call call, Map<String, BigDecimal> costs, QueryContext context) {
        for (Expr.Argument a : call.named()) {
            BigDecimal cost = costs.get(a.name().name());
            if (cost != null && !(cost.doubleValue() > 0)) {
                context.error(DiagnosticCode.OPTION_OUT_OF_RANGE, a.value(),
                        "newsvendor's option '" + a.name().name() + "' is " + LevelRule.show(cost)
                                + ", which is below the range of numbers QFL computes with",
                        "costs only matter through their ratio: scale both, e.g. underage: 4, overage: 1");
                return false;
            }
        }
        double ratio = Decisions.criticalRatio(costs.get("underage").doubleValue(), costs.get("overage").doubleValue());
        if (ratio > 0 && ratio < 1) {
            return true;
        }
        context.error(DiagnosticCode.OPTION_OUT_OF_RANGE, call, "the critical ratio "
                + "underage / (underage + overage) rounds to " + (ratio <= 0 ? "0" : "1") + ": the costs are too far "
                + "apart for any stock level to balance them", "keep the two costs within a factor of about 1e15 of each other");
        return false;
    }
}
