package dev.qfl.eval;

import dev.qfl.check.ResolvedQuery;
import dev.qfl.check.Scope;
import dev.qfl.check.SeriesSources;
import dev.qfl.eval.query.AnswerContext;
import dev.qfl.eval.query.DateCells;
import dev.qfl.eval.query.TableAnswers;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Answers a resolved query from a model's forecast set. What every kind shares is done here (the
 * answer's columns, with a multi-key series' keys, and the compiled {@code where} condition); the
 * rows are the kind's, in {@code dev.qfl.eval.query}.
 */
final class QueryRunner {
    private QueryRunner() {
    }

    static Table run(ResolvedQuery q, ForecastSet forecast, Scope scope, Map<String, Object> provenance) {
        List<String> keys = SeriesSources.keyColumns(scope, q.series());
        List<Column> columns = q.kind().columns(keys);
        Predicate<Object[]> keep = RowCondition.compile(q.condition(), columns, scope);
        int keyColumns = columns.size() - q.kind().columns().size();
        return q.accept(new TableAnswers(new AnswerContext(forecast, columns, keep, keyColumns, provenance)));
    }

    /** Daily and coarser series show dates; hourly ones show date and time. */
    static Object dateCell(Frequency f, LocalDateTime t) {
        return DateCells.of(f, t);
    }
}
