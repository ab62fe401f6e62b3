package dev.qfl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.ExampleScripts;
import dev.qfl.stdlib.table.Table;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a planning tool uses QFL: build an engine, open a session, evaluate, read the table. */
class EmbeddingTest {
    private static final Path EXAMPLES = ExampleScripts.repoRoot().resolve("examples");

    @Test
    void planningToolReadsThe94PercentQuantiles() throws QflScriptException {
        QflEngine engine = QflEngine.builder().build();
        try (QflSession session = engine.openSession(EXAMPLES)) {
            Result result = session.evaluate("replenishment.qfl", """
                    series demand = csv("data/retail.csv", time: "date", value: "units", id: "sku")
                    model naive = seasonal_naive(demand, horizon: 14, season: 7)
                    quantile(demand, 0.94) using naive where horizon in 1..7
                    """);
            Table q94 = result.lastTable().orElseThrow();
            assertEquals(List.of("id", "date", "horizon", "level", "value"), q94.columnNames());
            assertEquals(8 * 7, q94.rowCount(), "8 SKUs × 7 days");
            Set<String> ids = new HashSet<>();
            for (int row = 0; row < q94.rowCount(); row++) {
                ids.add((String) q94.get(row, "id"));
                assertEquals(0.94, q94.getDouble(row, "level"));
                assertTrue(q94.getDouble(row, "value") >= 0, "demand is floored at zero");
                int h = (Integer) q94.get(row, "horizon");
                assertEquals(LocalDate.of(2024, 6, 29).plusDays(h), q94.get(row, "date"));
            }
            assertTrue(ids.contains("A-17"));
            assertEquals("naive", q94.provenance().get("model"));
        }
    }

    @Test
    void errorsComeBackAsDataAndTheSessionSurvives() throws QflScriptException {
        QflEngine engine = QflEngine.builder().build();
        try (QflSession session = engine.openSession(EXAMPLES)) {
            session.evaluate("a.qfl", "series demand = csv(\"data/retail.csv\", time: \"date\", value: \"units\", id: \"sku\")");
            QflScriptException e = assertThrows(QflScriptException.class,
                    () -> session.evaluate("b.qfl", "model m = seasonal_naive(demand, horizn: 7)"));
            assertEquals("QF2004", e.diagnostics().get(0).code());
            assertTrue(e.diagnostics().get(0).hints().contains("did you mean 'horizon'?"));
            assertFalse(session.names().contains("m"), "a failed input defines nothing");
            session.evaluate("c.qfl", "model m = seasonal_naive(demand, horizon: 7)");
            Table t = session.evaluate("d.qfl", "quantile(demand, 0.5) where id == \"A-17\" and horizon == 1")
                    .lastTable().orElseThrow();
            assertEquals(1, t.rowCount());
        }
    }

    @Test
    void sessionsAreIndependent() throws QflScriptException {
        QflEngine engine = QflEngine.builder().build();
        try (QflSession one = engine.openSession(EXAMPLES); QflSession two = engine.openSession(EXAMPLES)) {
            one.evaluate("a.qfl", "let x = 1");
            assertTrue(one.names().contains("x"));
            assertFalse(two.names().contains("x"));
            two.evaluate("b.qfl", "let x = 2");
            assertEquals(Set.of("x"), one.names());
        }
    }
}
