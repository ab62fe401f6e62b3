package dev.qfl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.check.CheckResult;
import dev.qfl.check.Checker;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.check.Scope;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.dist.NormalQuantileFunction;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.table.Table;
import dev.qfl.syntax.ScriptParser;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every query kind that answers as a table gives, chunk by chunk of series, exactly the rows of its
 * whole answer in the same order: what makes a streamed export equal to a whole one. A kind whose
 * rows came to depend on other series (a ranking, a total over the panel) would fail here and
 * must then be kept off the streamed path.
 */
class StreamedExportChunksTest {
    private static final String SCRIPT = """
            series demand = csv("d.csv", time: "date", value: "units", id: "sku")
            model naive = seasonal_naive(demand, horizon: 3, season: 7)
            quantile(demand, [0.5, 0.9])
            quantile(demand, 0.5) where id == "C" or horizon == 2
            probability(demand <= 100)
            tradeoff(demand, 0.90..0.92 step 0.01)
            newsvendor(demand, underage: 4, overage: 1)
            interval(demand, 0.8)
            service(demand, stock: 100)
            quantile(sum(demand over horizon 1..3), 0.5) assuming independence
            probability(sum(demand over horizon 1..3) <= 300) assuming independence
            tradeoff(sum(demand over horizon 2..3), [0.9, 0.95]) assuming independence
            correlation(demand) assuming independence
            sample(demand, 4) assuming independence
            """;

    /** Five daily series of three steps, each with its own level and spread. */
    private static ForecastSet forecast() {
        LocalDateTime origin = LocalDate.of(2024, 6, 29).atStartOfDay();
        List<SeriesForecast> series = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            List<QuantileFunction> steps = new ArrayList<>();
            for (int h = 1; h <= 3; h++) {
                steps.add(new NormalQuantileFunction(90 + 5 * s + h, 5 + s));
            }
            series.add(new SeriesForecast(String.valueOf((char) ('A' + s)), Frequency.DAY, origin, steps, null));
        }
        return new ForecastSet("naive", 3, series, List.of());
    }

    @Test
    void chunksOfSeriesGiveTheRowsOfTheWholeAnswerInOrder() throws Exception {
        SourceFile file = new SourceFile("t.qfl", SCRIPT);
        CheckResult checked = new Checker(ModelRegistry.standard(), file).check(ScriptParser.parse(file).script(),
                Scope.empty());
        assertTrue(!checked.hasErrors(), checked.diagnostics().toString());
        ForecastSet forecast = forecast();
        int kinds = 0;
        for (ResolvedQuery q : checked.queries().values()) {
            Table whole = QueryRunner.run(q, forecast, checked.scope(), Map.of());
            for (int chunkSeries : new int[] {1, 2, 5, 7}) {
                List<Table> chunks = new ArrayList<>();
                long rows = StreamedExport.answer(q, forecast, checked.scope(), chunkSeries, chunks::add);
                assertEquals((5 + chunkSeries - 1) / chunkSeries, chunks.size(), "chunks of " + chunkSeries);
                List<Table.Row> streamed = new ArrayList<>();
                chunks.forEach(c -> {
                    assertEquals(whole.columns(), c.columns(), q.kind().toString());
                    streamed.addAll(c.rows());
                });
                assertEquals(whole.rowCount(), rows, q.kind().toString());
                assertEquals(whole.rows(), streamed, q.kind() + " in chunks of " + chunkSeries);
            }
            assertTrue(whole.rowCount() > 0, q.kind().toString());
            kinds++;
        }
        assertEquals(12, kinds);
    }
}
