package dev.qfl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** ets, theta and arima in scripts: awkward data and options give answers or clear diagnostics, never a crash. */
class ClassicModelsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void writeData() throws IOException {
        StringBuilder csv = new StringBuilder("month,sku,units\n");
        for (int m = 0; m < 40; m++) {
            String date = java.time.LocalDate.of(2020, 1, 1).plusMonths(m).toString();
            csv.append(date).append(",SEASONAL,").append(100 + 20 * Math.sin(2 * Math.PI * m / 12) + (m * 7 % 5)).append('\n');
            csv.append(date).append(",FLAT,").append(42).append('\n');
            if (m >= 34) {
                csv.append(date).append(",SHORT,").append(5 + m % 3).append('\n');
            }
        }
        Files.writeString(dir.resolve("sales.csv"), csv);
    }

    private Result run(String body) throws QflScriptException {
        try (QflSession s = QflEngine.builder().build().openSession(dir)) {
            return s.evaluate("t.qfl", "series sales = csv(\"sales.csv\", time: \"month\", value: \"units\", id: \"sku\")\n" + body);
        }
    }

    @Test
    void aConstantSeriesGetsAFlatForecastAndEveryOtherAFiniteOne() throws QflScriptException {
        for (String kind : List.of("ets", "theta", "arima")) {
            Result r = run("model m = " + kind + "(sales, horizon: 6)\nquantile(sales, [0.05, 0.5, 0.95]) where horizon == 6\n");
            Table t = r.lastTable().orElseThrow();
            int flat = 0;
            for (int i = 0; i < t.rowCount(); i++) {
                if (t.get(i, "id").equals("FLAT")) {
                    assertEquals(42.0, t.getDouble(i, "value"), 1e-3, kind + " on a constant series");
                    flat++;
                }
            }
            assertEquals(3, flat, kind);
            for (int i = 0; i < t.rowCount(); i++) {
                assertTrue(Double.isFinite(t.getDouble(i, "value")), kind + " row " + i);
                if (t.get(i, "id").equals("SEASONAL") && (Double) t.get(i, "level") == 0.5) {
                    double v = t.getDouble(i, "value");
                    assertTrue(v > 70 && v < 130, kind + " seasonal median " + v);
                }
            }
        }
    }

    @Test
    void aSeasonLongerThanTheSeriesFallsBackToNoSeason() throws QflScriptException {
        Result r = run("model m = ets(sales, horizon: 3, season: 24)\nquantile(sales, 0.5) where id == \"SEASONAL\"\n");
        assertEquals(3, r.lastTable().orElseThrow().rowCount());
        Result named = run("model m = ets(sales, horizon: 3, season: 24, form: \"AAA\")\nquantile(sales, 0.5)\n");
        List<String> warnings = named.warnings().stream().map(d -> d.code() + " " + d.message()).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("SEASONAL") && w.contains("2 seasons")), warnings.toString());
    }

    @Test
    void optionsThatCannotBeAModelAreCheckedErrors() {
        QflScriptException order = assertThrows(QflScriptException.class,
                () -> run("model m = arima(sales, horizon: 3, order: [1, 1])\nquantile(sales, 0.5)\n"));
        assertTrue(order.diagnostics().get(0).message().contains("three whole numbers"), order.diagnostics().toString());
        QflScriptException code = assertThrows(QflScriptException.class,
                () -> run("model m = ets(sales, horizon: 3, form: \"AXN\")\nquantile(sales, 0.5)\n"));
        assertEquals("QF2005", code.diagnostics().get(0).code(), code.diagnostics().toString());
        QflScriptException variant = assertThrows(QflScriptException.class,
                () -> run("model m = theta(sales, horizon: 3, variant: \"BEST\")\nquantile(sales, 0.5)\n"));
        assertEquals("QF2005", variant.diagnostics().get(0).code(), variant.diagnostics().toString());
    }

    @Test
    void aFixedOrderTheSeriesCannotTakeLeavesThatSeriesOutWithAReason() throws QflScriptException {
        Result r = run("model m = arima(sales, horizon: 3, order: [2, 2, 2], seasonal_order: [1, 1, 1])\nquantile(sales, 0.5)\n");
        List<String> warnings = r.warnings().stream().map(d -> d.message()).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("SHORT")), warnings.toString());
    }
}
