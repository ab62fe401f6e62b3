package dev.qfl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {
    @TempDir
    Path dir;

    private static final String HEADER = """
            series demand = csv("sales.csv", time: "date", value: "units", id: "sku")
            model naive = seasonal_naive(demand, horizon: 3, season: 2)
            """;

    @BeforeEach
    void writeData() throws IOException {
        StringBuilder csv = new StringBuilder("date,sku,units\n");
        for (int d = 0; d < 30; d++) {
            String date = java.time.LocalDate.of(2024, 3, 1).plusDays(d).toString();
            csv.append(date).append(",A,").append(20 + (d % 2) * 10 + (d * 7 % 5)).append('\n');
            // distinct values, so B's error distribution has no ties and its CDF inverts its quantiles exactly
            csv.append(date).append(",B,").append(String.format(java.util.Locale.ROOT, "%.3f",
                    100 + 7.3 * Math.sin(d * 1.7) + 0.37 * d)).append('\n');
        }
        csv.append("2024-03-29,NEW,4\n2024-03-30,NEW,5\n");
        Files.writeString(dir.resolve("sales.csv"), csv);
    }

    private Result run(QflSession s, String script) throws QflScriptException {
        return s.evaluate("t.qfl", script);
    }

    @Test
    void quantileRowsFollowTheWhereClause() throws QflScriptException {
        try (QflSession s = QflEngine.builder().build().openSession(dir)) {
            Result r = run(s, HEADER + "quantile(demand, [0.1, 0.5, 0.9]) where horizon <= 2 and id == \"A\"\n");
            Table t = r.lastTable().orElseThrow();
            assertEquals(6, t.rowCount());
            for (int i = 0; i < t.rowCount(); i++) {
                assertEquals("A", t.get(i, "id"));
                assertTrue((Integer) t.get(i, "horizon") <= 2);
            }
            // levels of one step never cross
            assertTrue(t.getDouble(0, "value") <= t.getDouble(1, "value"));
            assertTrue(t.getDouble(1, "value") <= t.getDouble(2, "value"));
        }
    }

    @Test
    void shortSeriesAreLeftOutWithOneWarning() throws QflScriptException {
        try (QflSession s = QflEngine.builder().build().openSession(dir)) {
            Result r = run(s, HEADER + "quantile(demand, 0.5)\nquantile(demand, 0.9)\n");
            List<String> warnings = r.warnings().stream().map(d -> d.code() + " " + d.message()).toList();
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("QF3201 series \"NEW\""), warnings.get(0));
            assertEquals(2 * 3, r.tables().get(0).rowCount(), "A and B, 3 steps each");
        }
    }

    @Test
    void probabilityIsTheCdfOfTheSameDistribution() throws QflScriptException {
        try (QflSession s = QflEngine.builder().build().openSession(dir)) {
            run(s, HEADER);
            Table q = run(s, "quantile(demand, 0.8) where id == \"B\" and horizon == 1").lastTable().orElseThrow();
            double v = q.getDouble(0, "value");
            Table p = run(s, "probability(demand <= " + v + ") where id == \"B\" and horizon == 1").lastTable().orElseThrow();
            assertEquals(0.8, p.getDouble(0, "probability"), 1e-9);
            Table above = run(s, "probability(" + v + " < demand) where id == \"B\" and horizon == 1").lastTable().orElseThrow();
            assertEquals(0.2, above.getDouble(0, "probability"), 1e-9);
            assertEquals(List.of("id", "date", "horizon", "threshold", "probability"), p.columnNames());
        }
    }

    @Test
    void exportsAreCompleteFilesWithProvenance() throws Exception {
        try (QflSession s = QflEngine.builder().build().openSession(dir)) {
            Result r = run(s, HEADER + """
                    let plan = quantile(demand, 0.95) where horizon in 1..2
                    export plan to "out/plan.csv"
                    export plan to "out/plan.json"
                    """);
            assertTrue(r.outputs().stream().anyMatch(o -> o instanceof Output.Message m && m.text().equals("wrote out/plan.csv (4 rows)")));
            List<String> lines = Files.readAllLines(dir.resolve("out/plan.csv"));
            assertEquals("id,date,horizon,level,value", lines.get(0));
            assertEquals(5, lines.size());
            JsonNode json = new ObjectMapper().readTree(dir.resolve("out/plan.json").toFile());
            assertEquals(4, json.get("rows").size());
            JsonNode prov = json.get("provenance");
            assertEquals("t.qfl", prov.get("script").asText());
            assertEquals("seasonal_naive(horizon: 3, season: 2)", prov.get("model_spec").asText());
            assertEquals("2024-03-30", prov.get("forecast_origin").get("A").asText());
            assertFalse(prov.get("data_fingerprint").asText().isEmpty());
            assertTrue(prov.has("qfl_version"));
            try (Stream<Path> files = Files.list(dir.resolve("out"))) {
                assertEquals(2, files.count(), "no temporary files left behind");
            }
        }
    }

    @Test
    void aFailingStatementKeepsWhatCameBefore() throws QflScriptException {
        try (QflSession s = QflEngine.builder().build().openSession(dir)) {
            QflScriptException e = assertThrows(QflScriptException.class, () -> run(s, """
                    series demand = csv("sales.csv", time: "date", value: "units", id: "sku")
                    series broken = csv("missing.csv", time: "date", value: "units", id: "sku")
                    """));
            assertEquals("QF3106", e.diagnostics().get(0).code());
            assertTrue(s.names().contains("demand"));
            assertFalse(s.names().contains("broken"));
        }
    }

    @Test
    void checkReadsTheDataWithoutTraining() throws IOException {
        QflEngine engine = QflEngine.builder().build();
        assertTrue(engine.check("t.qfl", HEADER, dir).stream().allMatch(d -> !d.isError()));
        assertEquals("QF3201", engine.check("t.qfl", HEADER, dir).get(0).code());
        Files.writeString(dir.resolve("sales.csv"), "date,sku,units\n2024-01-01,A,x\n");
        assertEquals("QF3101", engine.check("t.qfl", HEADER, dir).get(0).code());
    }

    @Test
    void decisionQueriesAgreeWithTheQuantileFunction() throws QflScriptException {
        try (QflSession s = QflEngine.builder().build().openSession(dir)) {
            run(s, HEADER);
            String where = " where id == \"B\" and horizon == 2";
            Table q = run(s, "quantile(demand, [0.05, 0.8, 0.94, 0.95])" + where).lastTable().orElseThrow();
            Table trade = run(s, "tradeoff(demand, 0.95)" + where).lastTable().orElseThrow();
            assertEquals(List.of("id", "date", "horizon", "level", "value", "marginal"), trade.columnNames());
            assertEquals(q.getDouble(3, "value") - q.getDouble(2, "value"), trade.getDouble(0, "marginal"), 1e-12);

            Table news = run(s, "newsvendor(demand, underage: 4, overage: 1)" + where).lastTable().orElseThrow();
            assertEquals(0.8, news.getDouble(0, "critical_ratio"), 1e-15);
            assertEquals(q.getDouble(1, "value"), news.getDouble(0, "stock"), 1e-12);
            assertTrue(news.getDouble(0, "expected_cost") > 0);

            Table iv = run(s, "interval(demand, 0.9)" + where).lastTable().orElseThrow();
            assertEquals(q.getDouble(0, "value"), iv.getDouble(0, "lower"), 1e-12);
            assertEquals(q.getDouble(3, "value"), iv.getDouble(0, "upper"), 1e-12);

            double stock = q.getDouble(1, "value");
            Table svc = run(s, "service(demand, stock: " + stock + ")" + where).lastTable().orElseThrow();
            assertEquals(0.8, svc.getDouble(0, "probability"), 1e-9);
            assertTrue(svc.getDouble(0, "expected_shortfall") > 0);
        }
    }

    @Test
    void appendingBuildsACsvLogAndChecksItsHeader() throws Exception {
        try (QflSession s = QflEngine.builder().build().openSession(dir)) {
            run(s, HEADER + "let p = quantile(demand, 0.9) where horizon == 1\nlet r = probability(demand <= 5) where horizon == 1\n");
            run(s, "export p to \"log.csv\" append: true");
            run(s, "export p to \"log.csv\" append: true");
            List<String> lines = Files.readAllLines(dir.resolve("log.csv"));
            assertEquals(1 + 2 + 2, lines.size(), "one header, two runs of two rows");
            assertEquals(lines.get(1), lines.get(3));
            QflScriptException e = assertThrows(QflScriptException.class,
                    () -> run(s, "export r to \"log.csv\" append: true"));
            assertEquals("QF2018", e.diagnostics().get(0).code());
            assertEquals(5, Files.readAllLines(dir.resolve("log.csv")).size(), "a refused append changes nothing");
        }
    }

    @Test
    void totalsOverTheHorizonNeedAJointModelOrAnExplicitAssumption() throws QflScriptException {
        try (QflSession s = QflEngine.builder().build().openSession(dir)) {
            run(s, HEADER);
            QflScriptException e = assertThrows(QflScriptException.class,
                    () -> run(s, "quantile(sum(demand over horizon 1..3), 0.9)"));
            assertEquals("QF2017", e.diagnostics().get(0).code());
            String q = "quantile(sum(demand over horizon 1..3), [0.5, 0.9]) assuming independence where id == \"B\"";
            Table first = run(s, q).lastTable().orElseThrow();
            assertEquals(List.of("id", "date_from", "date_to", "level", "value"), first.columnNames());
            assertEquals(2, first.rowCount());
            assertEquals(java.time.LocalDate.of(2024, 3, 31), first.get(0, "date_from"));
            assertEquals(java.time.LocalDate.of(2024, 4, 2), first.get(0, "date_to"));
            assertTrue(first.notes().get(0).contains("assuming independence"), first.notes().toString());
            Table again = run(s, q).lastTable().orElseThrow();
            assertEquals(first.getDouble(1, "value"), again.getDouble(1, "value"), "seeded: the same answer twice");
            // the total of three steps is near three times one step's median
            Table one = run(s, "quantile(demand, 0.5) where id == \"B\" and horizon in 1..3").lastTable().orElseThrow();
            double medians = one.getDouble(0, "value") + one.getDouble(1, "value") + one.getDouble(2, "value");
            assertEquals(medians, first.getDouble(0, "value"), 0.1 * medians);
            Table p = run(s, "probability(sum(demand over horizon 1..3) <= " + first.getDouble(1, "value")
                    + ") assuming independence where id == \"B\"").lastTable().orElseThrow();
            assertEquals(0.9, p.getDouble(0, "probability"), 0.01);
        }
    }

    @Test
    void pathMetricsScoreWholeHorizonsAndSayWhenTheyAssumeIndependence() throws QflScriptException {
        try (QflSession s = QflEngine.builder().build().openSession(dir)) {
            Result r = run(s, HEADER + "evaluate naive on demand backtest windows: 2 metrics: [crps_lead, crps, energy]\n");
            Table t = r.lastTable().orElseThrow();
            assertEquals(List.of("model", "crps", "energy", "crps_lead", "train_s", "predict_s"), t.columnNames());
            double energy = t.getDouble(0, "energy");
            double lead = t.getDouble(0, "crps_lead");
            assertTrue(energy > 0 && energy < 1, "scale-free like crps: " + energy);
            assertTrue(lead > 0 && lead < 1, "scale-free like crps: " + lead);
            assertTrue(r.outputs().stream().anyMatch(o -> o instanceof Output.Message m
                    && m.text().contains("sampled independently")), "never assumed silently: " + r.outputs());
            Table again = run(s, "evaluate naive on demand backtest windows: 2 metrics: [crps_lead, crps, energy]")
                    .lastTable().orElseThrow();
            assertEquals(energy, again.getDouble(0, "energy"), "seeded: the same score twice");
            QflScriptException e = assertThrows(QflScriptException.class,
                    () -> run(s, "evaluate naive on demand backtest metrics: [enrgy]"));
            assertTrue(e.diagnostics().get(0).hints().toString().contains("energy"), e.diagnostics().toString());
        }
    }

    @Test
    void theTradeoffOfATotalReadsTheSameJointPathsAsItsQuantiles() throws Exception {
        try (QflSession s = QflEngine.builder().build().openSession(dir)) {
            run(s, HEADER);
            String total = "sum(demand over horizon 1..3)";
            Table curve = run(s, "tradeoff(" + total + ", [0.9, 0.95]) assuming independence where id == \"B\"")
                    .lastTable().orElseThrow();
            assertEquals(List.of("id", "date_from", "date_to", "level", "value", "marginal"), curve.columnNames());
            Table q = run(s, "quantile(" + total + ", [0.9, 0.94, 0.95]) assuming independence where id == \"B\"")
                    .lastTable().orElseThrow();
            assertEquals(q.getDouble(0, "value"), curve.getDouble(0, "value"), 1e-12);
            assertEquals(q.getDouble(2, "value"), curve.getDouble(1, "value"), 1e-12);
            assertEquals(q.getDouble(2, "value") - q.getDouble(1, "value"), curve.getDouble(1, "marginal"), 1e-12,
                    "what lowering the total's guarantee from 95% to 94% saves");
            assertTrue(curve.getDouble(1, "marginal") > 0);
            QflScriptException e = assertThrows(QflScriptException.class, () -> run(s, "tradeoff(" + total + ", 0.9)"));
            assertEquals("QF2017", e.diagnostics().get(0).code(), "a joint question on a univariate model");
            Path png = dir.resolve("total.png");
            run(s, "plot tradeoff(" + total + ", 0.90..0.99 step 0.01) assuming independence where id == \"B\" to \"total.png\"");
            assertTrue(Files.size(png) > 1000);
        }
    }

    @Test
    void aJointModelAnswersFromItsOwnPaths() throws QflScriptException {
        try (QflSession s = QflEngine.builder().build().openSession(dir)) {
            run(s, HEADER + "model joint = mqf2(demand, horizon: 3, epochs: 1, samples: 4, paths: 50, hidden: 8, icnn_hidden: 4)");
            Table total = run(s, "quantile(sum(demand over horizon 1..3), [0.5, 0.9]) using joint where id == \"A\"")
                    .lastTable().orElseThrow();
            assertEquals(2, total.rowCount());
            assertTrue(total.getDouble(1, "value") >= total.getDouble(0, "value"));
            assertTrue(total.notes().get(0).contains("from 50 sample paths"), total.notes().toString());
            Table corr = run(s, "correlation(demand) using joint where id == \"A\"").lastTable().orElseThrow();
            assertEquals(List.of("id", "horizon_i", "horizon_j", "correlation"), corr.columnNames());
            assertEquals(9, corr.rowCount());
            for (int r = 0; r < corr.rowCount(); r++) {
                double c = corr.getDouble(r, "correlation");
                assertTrue(c >= -1 - 1e-9 && c <= 1 + 1e-9, "a correlation: " + c);
                assertEquals(corr.getDouble(r, "correlation"), corr.getDouble(3 * ((Integer) corr.get(r, "horizon_j") - 1)
                        + (Integer) corr.get(r, "horizon_i") - 1, "correlation"), 1e-12, "symmetric");
            }
            Table paths = run(s, "sample(demand, 80) using joint where id == \"A\"").lastTable().orElseThrow();
            assertEquals(80 * 3, paths.rowCount());
            assertTrue(paths.notes().get(0).contains("with replacement"), paths.notes().toString());
            // the marginal median is the median of the stored paths' step, so a total's median is near their sum
            Table medians = run(s, "quantile(demand, 0.5) using joint where id == \"A\"").lastTable().orElseThrow();
            double sum = medians.getDouble(0, "value") + medians.getDouble(1, "value") + medians.getDouble(2, "value");
            assertEquals(sum, total.getDouble(0, "value"), 0.2 * sum);
        }
    }
}
