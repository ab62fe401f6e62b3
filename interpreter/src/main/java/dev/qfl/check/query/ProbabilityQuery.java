package dev.qfl.check.query;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.check.LevelRule;
import dev.qfl.check.QueryKind;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.stdlib.table.Column;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code probability(series <= x)}: the forecast CDF at a threshold, either side of the comparison. */
public final class ProbabilityQuery implements QueryForm {
    private static final List<Column> COLUMNS = AnswerColumns.perStep(AnswerColumns.number("threshold"),
            AnswerColumns.number("probability"));

    public String function() {
        return "probability";
    }

    public List<Column> columns() {
        return COLUMNS;
    }

    public String example() {
        return "probability(demand <= 120)";
    }

    public boolean keyColumns() {
        return true;
    }

    public Optional<QueryKind> totalKind() {
        return Optional.of(QueryKind.SUM_PROBABILITY);
    }

    public Optional<Reading> read(Expr.Call call, Map<String, BigDecimal> options, Identifier using, QueryContext context) {
        List<Expr.Argument> args = call.positional();
        if (args.size() != 1 || !(args.get(0).value() instanceof Expr.Binary b) || !b.op().isComparison()
                || b.op() == Expr.BinaryOp.EQ || b.op() == Expr.BinaryOp.NE) {
            context.error(DiagnosticCode.WRONG_ARGUMENTS, call, "probability takes a comparison of a series with a number",
                    "e.g. " + example());
            return Optional.empty();
        }
        // the series may stand on either side: 120 >= demand asks what demand <= 120 asks
        boolean seriesLeft = b.left() instanceof Expr.Name || b.left() instanceof Expr.Aggregate;
        Expr seriesSide = seriesLeft ? b.left() : b.right();
        Expr numberSide = seriesLeft ? b.right() : b.left();
        Expr.BinaryOp comparison = seriesLeft ? b.op() : b.op().mirrored();
        String series = context.series(seriesSide).orElse(null);
        BigDecimal threshold = context.number(numberSide).orElse(null);
        if (threshold == null) {
            context.error(DiagnosticCode.WRONG_TYPE, numberSide, "the threshold must be a number known before running");
        } else if (Double.isInfinite(threshold.doubleValue())) {
            context.error(DiagnosticCode.OPTION_OUT_OF_RANGE, numberSide, "the threshold " + LevelRule.show(threshold)
                    + " is beyond the range of numbers QFL computes with (about 1.8e308)");
            threshold = null;
        }
        return Optional.of(Reading.of(series, series != null && threshold != null, using, options)
                .withComparison(comparison, threshold));
    }

    public ResolvedQuery resolve(ResolvedQuery.Common common, Reading reading) {
        return new ResolvedQuery.Probability(common, reading.comparison(), reading.threshold());
    }
}
