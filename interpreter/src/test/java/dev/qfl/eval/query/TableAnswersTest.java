package dev.qfl.eval.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.check.CheckResult;
import dev.qfl.check.Checker;
import dev.qfl.check.QueryKind;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.check.Scope;
import dev.qfl.check.SeriesSources;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.data.DataShape;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.dist.NormalQuantileFunction;
import dev.qfl.stdlib.dist.QuantileFunction;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.Table;
import dev.qfl.syntax.ScriptParser;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's half of every query kind, on a forecast made by hand: two series, three daily
 * steps, each step Normal(100, 10). Every table kind has rows with its kind's columns; the pictures
 * are never answered as tables.
 */
class TableAnswersTest {
    private static final String SCRIPT = """
            series demand = csv("data/retail.csv", time: "date", value: "units", id: "sku")
            model naive = seasonal_naive(demand, horizon: 14, season: 7)
            quantile(demand, [0.5, 0.9])
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
            plot fan(demand, naive) to "fan.png"
            plot quantile_function(demand, naive) where horizon == 1 to "qf.png"
            """;

    private static final ForecastSet FORECAST = forecast();

    private static ForecastSet forecast() {
        List<QuantileFunction> steps = List.of(new NormalQuantileFunction(100, 10), new NormalQuantileFunction(100, 10),
                new NormalQuantileFunction(100, 10));
        LocalDateTime origin = LocalDate.of(2024, 6, 29).atStartOfDay();
        return new ForecastSet("naive", 3, List.of(new SeriesForecast("A", Frequency.DAY, origin, steps, null),
                new SeriesForecast("B", Frequency.DAY, origin, steps, null)), List.of());
    }

    private static CheckResult checked() {
        SourceFile file = new SourceFile("t.qfl", SCRIPT);
        CheckResult r = new Checker(ModelRegistry.standard(), file).check(ScriptParser.parse(file).script(), Scope.empty());
        assertTrue(!r.hasErrors(), r.diagnostics().toString());
        return r;
    }

    private static Map<QueryKind, Table> answers() {
        CheckResult r = checked();
        Map<QueryKind, Table> out = new EnumMap<>(QueryKind.class);
        for (ResolvedQuery q : r.queries().values()) {
            if (!q.kind().plotOnly()) {
                out.put(q.kind(), q.accept(new TableAnswers(context(q, r.scope()))));
            }
        }
        return out;
    }

    private static AnswerContext context(ResolvedQuery q, Scope scope) {
        return new AnswerContext(FORECAST, q.kind().columns(SeriesSources.keyColumns(scope, q.series())), row -> true, 0,
                Map.of());
    }

    private static List<Object> column(Table t, String name) {
        int i = t.columnNames().indexOf(name);
        List<Object> out = new ArrayList<>();
        t.rows().forEach(row -> out.add(row.get(i)));
        return out;
    }

    @Test
    void everyTableKindIsAnsweredWithItsColumns() {
        Map<QueryKind, Table> answers = answers();
        EnumSet<QueryKind> tables = EnumSet.allOf(QueryKind.class);
        tables.removeIf(QueryKind::plotOnly);
        assertEquals(tables, answers.keySet());
        answers.forEach((kind, table) -> {
            assertEquals(kind.columnNames(), table.columnNames(), kind.toString());
            assertTrue(table.rowCount() > 0, kind.toString());
        });
    }

    @Test
    void theRowsAreTheKindsOwn() {
        Map<QueryKind, Table> a = answers();
        assertEquals(2 * 3 * 2, a.get(QueryKind.QUANTILE).rowCount(), "series x steps x levels");
        assertEquals(100.0, (double) column(a.get(QueryKind.QUANTILE), "value").get(0), 1e-9);
        assertEquals(0.5, (double) column(a.get(QueryKind.PROBABILITY), "probability").get(0), 1e-9);
        assertEquals(0.5, (double) column(a.get(QueryKind.SERVICE), "probability").get(0), 1e-9);
        assertEquals(0.8, (double) column(a.get(QueryKind.NEWSVENDOR), "critical_ratio").get(0), 1e-12);
        Table interval = a.get(QueryKind.INTERVAL);
        assertEquals(200.0, (double) column(interval, "lower").get(0) + (double) column(interval, "upper").get(0), 1e-6);
        assertEquals(2 * 3 * 3, a.get(QueryKind.TRADEOFF).rowCount());
        assertTrue(column(a.get(QueryKind.TRADEOFF), "marginal").stream().allMatch(m -> (double) m > 0));
        // a total of three independent Normal(100, 10) steps: median 300, sampled from 2,000 paths
        assertEquals(300.0, (double) column(a.get(QueryKind.SUM_QUANTILE), "value").get(0), 3.0);
        assertEquals(0.5, (double) column(a.get(QueryKind.SUM_PROBABILITY), "probability").get(0), 0.05);
        assertEquals(List.of(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 1)),
                column(a.get(QueryKind.SUM_TRADEOFF), "date_from").subList(0, 2));
        assertEquals(2 * 3 * 3, a.get(QueryKind.CORRELATION).rowCount(), "series x steps x steps");
        assertEquals(1.0, (double) column(a.get(QueryKind.CORRELATION), "correlation").get(0), 1e-9);
        assertEquals(2 * 4 * 3, a.get(QueryKind.SAMPLE).rowCount(), "series x paths x steps");
        assertTrue(a.get(QueryKind.SAMPLE).notes().get(0).startsWith("from 4 sample paths per series"),
                a.get(QueryKind.SAMPLE).notes().toString());
    }

    @Test
    void keyColumnsFollowTheIdAndTheConditionSeesThem() {
        String sep = DataShape.KEY_SEPARATOR;
        ForecastSet keyed = new ForecastSet("naive", 3, List.of(
                new SeriesForecast("A" + sep + "S1", Frequency.DAY, FORECAST.series().get(0).origin(),
                        FORECAST.series().get(0).steps(), null),
                new SeriesForecast("B" + sep + "S2", Frequency.DAY, FORECAST.series().get(0).origin(),
                        FORECAST.series().get(0).steps(), null)), List.of());
        ResolvedQuery quantile = checked().queries().values().stream().filter(q -> q.kind() == QueryKind.QUANTILE)
                .findFirst().orElseThrow();
        List<Column> columns = QueryKind.QUANTILE.columns(List.of("sku", "store"));
        Table t = quantile.accept(new TableAnswers(new AnswerContext(keyed, columns, row -> row[2].equals("S2"), 2,
                Map.of())));
        assertEquals(List.of("id", "sku", "store", "date", "horizon", "level", "value"), t.columnNames());
        assertEquals(3 * 2, t.rowCount(), "one series' steps x levels");
        assertEquals(List.of("B" + sep + "S2", "B", "S2"), List.of(t.rows().get(0).get(0), t.rows().get(0).get(1),
                t.rows().get(0).get(2)));
    }

    @Test
    void picturesAreNotTables() {
        CheckResult r = checked();
        for (ResolvedQuery q : r.queries().values()) {
            if (q.kind().plotOnly()) {
                assertThrows(IllegalStateException.class, () -> q.accept(new TableAnswers(context(q, r.scope()))));
            }
        }
    }
}
