package dev.qfl.eval;

import dev.qfl.check.ResolvedQuery;
import dev.qfl.check.Scope;
import dev.qfl.check.SeriesSources;
import dev.qfl.eval.query.AnswerContext;
import dev.qfl.eval.query.TableAnswers;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.table.ChunkedExport;
import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code export <query> to "answers.csv"} (or {@code .parquet}) without the whole answer in memory:
 * the query's rows are made for a chunk of series at a time, written, and dropped, so the heap
 * holds one chunk's rows however many series the panel has (issue #14: one JVM streams its
 * answers to files).
 *
 * <p>What is chunked is the answering, not the forecast. The model's forecast of the panel is the
 * plan's one batched inference, made before the statement and kept for the later queries of the
 * model: it is much smaller than the rows derived from it (a quantile function per step against
 * one row per step and level), and computing it per chunk would change answers: a neural network
 * run on smaller float32 batches rounds its sums differently in the last bits, and {@code auto}
 * ranks its candidates over the whole panel.
 *
 * <p>Every query kind that answers as a table answers each series on its own (its rows depend on
 * that series' forecast alone; sampled paths are seeded by the series id), so answering chunk by
 * chunk in panel order gives exactly the rows of the whole answer, in the same order. Only the
 * table's notes (which describe the whole answer) differ, and CSV and Parquet files hold no notes;
 * JSON files do, and hold the provenance of every series, so they keep the whole-table path
 * ({@link ChunkedExport#supports}). Answers not made by a query (a backtest's metrics from
 * {@code evaluate}, a {@code let} name) are already tables and are written whole.
 */
final class StreamedExport {
    /**
     * Series answered per chunk: a few thousand series are some tens of thousands of rows, a few
     * MB, while DuckDB and the CSV printer work on large enough batches.
     */
    static final int CHUNK_SERIES = 2_000;
    /** Lowers the chunk size, for tests only (so that small panels are written in several chunks). */
    static final String CHUNK_PROPERTY = "qfl.test.exportChunkSeries";

    private StreamedExport() {
    }

    /** The chunk size: {@link #CHUNK_SERIES} unless a test set {@link #CHUNK_PROPERTY}. */
    static int chunkSeries() {
        return Math.max(1, Integer.getInteger(CHUNK_PROPERTY, CHUNK_SERIES));
    }

    /**
     * Whether an export of query {@code q} to the file {@code path} (as written in the script) is
     * streamed: decided from the name alone, before the path is resolved, so a path the session
     * may not write is refused at the same step as for any export.
     */
    static boolean applies(ResolvedQuery q, String path) {
        return !q.kind().plotOnly() && ChunkedExport.supports(path);
    }

    /** The rows written to a chunked file, counted; the caller reports them. */
    interface Sink {
        void write(Table chunk) throws IOException;
    }

    /**
     * Answers {@code q} from {@code forecast} chunk by chunk into {@code sink}.
     *
     * @return the number of rows written
     */
    static long answer(ResolvedQuery q, ForecastSet forecast, Scope scope, int chunkSeries, Sink sink)
            throws IOException {
        List<Column> columns = columns(q, scope);
        Predicate<Object[]> keep = RowCondition.compile(q.condition(), columns, scope);
        int keyColumns = columns.size() - q.kind().columns().size();
        List<SeriesForecast> all = forecast.series();
        long rows = 0;
        for (int from = 0; from < all.size(); from += chunkSeries) {
            ForecastSet chunk = new ForecastSet(forecast.model(), forecast.horizon(),
                    all.subList(from, Math.min(all.size(), from + chunkSeries)), List.of());
            // no provenance: CSV and Parquet files do not carry it
            Table answer = q.accept(new TableAnswers(new AnswerContext(chunk, columns, keep, keyColumns, Map.of())));
            sink.write(answer);
            rows += answer.rowCount();
        }
        return rows;
    }

    /** The columns of the answer of {@code q}, with a multi-key series' key columns (as {@link QueryRunner}). */
    static List<Column> columns(ResolvedQuery q, Scope scope) {
        return q.kind().columns(SeriesSources.keyColumns(scope, q.series()));
    }

    /**
     * Writes the answer of {@code q} to {@code target} chunk by chunk (appending to a CSV file
     * when {@code append}); the file appears only once complete.
     *
     * @return the number of rows written
     */
    static long toFile(ResolvedQuery q, ForecastSet forecast, Scope scope, Path target, boolean append)
            throws IOException {
        try (ChunkedExport file = ChunkedExport.open(target, columns(q, scope), append)) {
            long rows = answer(q, forecast, scope, chunkSeries(), file::write);
            file.finish();
            return rows;
        }
    }
}
