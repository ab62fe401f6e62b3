package dev.qfl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.api.Output;
import dev.qfl.api.QflEngine;
import dev.qfl.api.QflScriptException;
import dev.qfl.api.QflSession;
import dev.qfl.api.Result;
import dev.qfl.stdlib.table.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ensemble(...)} and {@code auto(...)} in scripts: answers, evaluation, and what explain and describe say. */
class CombinedModelsTest {
    @TempDir
    Path dir;

    private static final String HEADER = """
            series demand = csv("sales.csv", time: "date", value: "units", id: "sku")
            model weekly = seasonal_naive(demand, horizon: 3, season: 7)
            model daily = seasonal_naive(demand, horizon: 3, season: 1)
            model both = ensemble(weekly, daily, weights: [3, 1])
            """;

    @BeforeEach
    void writeData() throws IOException {
        StringBuilder csv = new StringBuilder("date,sku,units\n");
        for (int d = 0; d < 60; d++) {
            String date = java.time.LocalDate.of(2024, 3, 1).plusDays(d).toString();
            csv.append(date).append(",A,").append(20 + (d % 7) * 3 + (d * 7 % 5)).append('\n');
            csv.append(date).append(",B,").append(String.format(java.util.Locale.ROOT, "%.3f",
                    100 + 7.3 * Math.sin(d * 1.7) + 0.37 * d)).append('\n');
        }
        Files.writeString(dir.resolve("sales.csv"), csv);
    }

    @Test
    void anEnsembleAnswersWithTheWeightedAverageOfItsMembersQuantiles() throws QflScriptException {
        try (QflSession s = QflEngine.builder().build().openSession(dir)) {
            Result r = s.evaluate("t.qfl", HEADER + """
                    quantile(demand, [0.1, 0.5, 0.95]) using weekly
                    quantile(demand, [0.1, 0.5, 0.95]) using daily
                    quantile(demand, [0.1, 0.5, 0.95]) using both
                    """);
            Table w = r.tables().get(0);
            Table d = r.tables().get(1);
            Table e = r.tables().get(2);
            assertEquals(w.rowCount(), e.rowCount());
            for (int i = 0; i < e.rowCount(); i++) {
                assertEquals(0.75 * w.getDouble(i, "value") + 0.25 * d.getDouble(i, "value"), e.getDouble(i, "value"), 1e-9);
            }
            String messages = r.outputs().stream().filter(o -> o instanceof Output.Message).map(Object::toString).toList().toString();
            assertTrue(messages.contains("0.750 × weekly + 0.250 × daily"), messages);
        }
    }

    @Test
    void evaluateBacktestsAnEnsembleAndAutoLikeAnyModel() throws QflScriptException {
        try (QflSession s = QflEngine.builder().build().openSession(dir)) {
            Result r = s.evaluate("t.qfl", HEADER + """
                    model picked = auto(demand, horizon: 3, season: 7, candidates: [seasonal_naive], windows: 2)
                    evaluate weekly, daily, both, picked on demand backtest windows: 2 metrics: [wql, coverage(0.8)]
                    """);
            Table t = r.lastTable().orElseThrow();
            assertEquals(4, t.rowCount());
            double weekly = t.getDouble(0, "wql");
            double daily = t.getDouble(1, "wql");
            double both = t.getDouble(2, "wql");
            assertTrue(both > 0 && Double.isFinite(both));
            // the pinball loss is convex in the quantile, so the average's loss is at most the weighted average of losses
            assertTrue(both <= 0.75 * weekly + 0.25 * daily + 1e-12, both + " vs " + weekly + ", " + daily);
            // auto with the one candidate seasonal_naive (season 7) is that model
            assertEquals(weekly, t.getDouble(3, "wql"), 1e-12);
        }
    }

    @Test
    void autoSaysWhatItChoseInTheAnswersProvenance() throws Exception {
        try (QflSession s = QflEngine.builder().build().openSession(dir)) {
            s.evaluate("t.qfl", HEADER + """
                    model picked = auto(demand, horizon: 3, candidates: [seasonal_naive], windows: 2)
                    let q = quantile(demand, 0.9) using picked
                    export q to "out/q.json"
                    """);
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("out/q.json").toFile());
        var choices = json.get("provenance").get("model_choices");
        assertEquals("seasonal_naive 1.00", choices.get("A").asText(), json.toString());
        assertEquals("seasonal_naive 1.00", choices.get("B").asText());
    }

    @Test
    void autosChoiceIsCachedSoARerunSkipsTheBacktest() throws Exception {
        String script = HEADER + """
                model picked = auto(demand, horizon: 3, season: 7, candidates: [seasonal_naive, ets], windows: 2)
                quantile(demand, [0.1, 0.9]) using picked
                """;
        List<String> messages = new java.util.ArrayList<>();
        List<Table> answers = new java.util.ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (QflSession s = QflEngine.builder().build().openSession(dir)) {
                Result r = s.evaluate("t.qfl", script);
                messages.add(r.outputs().stream().filter(o -> !(o instanceof Output.TableOutput)).map(Object::toString).toList().toString());
                answers.add(r.lastTable().orElseThrow());
            }
        }
        assertTrue(!messages.get(0).contains("loaded from") && messages.get(0).contains("chose by backtest"), messages.get(0));
        assertTrue(messages.get(1).contains("loaded from") && messages.get(1).contains("chose by backtest"), messages.get(1));
        assertEquals(answers.get(0).rowCount(), answers.get(1).rowCount());
        for (int i = 0; i < answers.get(0).rowCount(); i++) {
            assertEquals(answers.get(0).getDouble(i, "value"), answers.get(1).getDouble(i, "value"), 1e-9);
        }
    }

    @Test
    void explainListsTheMembersBeforeTheEnsemble() throws Exception {
        Path script = dir.resolve("e.qfl");
        Files.writeString(script, HEADER + "quantile(demand, 0.9) using both\n");
        String plan = dev.qfl.cli.CliRun.of("explain", script.toString()).out();
        int weekly = plan.indexOf("weekly");
        int ensemble = plan.indexOf("ensemble(weekly, daily");
        assertTrue(weekly >= 0 && ensemble > weekly, plan);
        assertTrue(plan.contains("level by level"), plan);
    }
}
