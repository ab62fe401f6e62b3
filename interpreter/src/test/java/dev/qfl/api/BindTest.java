package dev.qfl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.ColumnType;
import dev.qfl.stdlib.table.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows an application already holds, bound to a series name without files. */
class BindTest {
    @TempDir
    Path dir;

    private static final String QUESTION = "model m = seasonal_naive(demand, horizon: 2, season: 1)\n"
            + "let q = quantile(demand, 0.5) using m where horizon == 1\n";

    private QflSession session() {
        return QflEngine.builder().cacheDirectory(dir.resolve("cache")).fileRoot(dir).build().openSession(dir);
    }

    private static Table rows() {
        List<Table.Row> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            out.add(new Table.Row("A", LocalDate.of(2024, 1, 1).plusWeeks(i), 10.0 + i));
            out.add(new Table.Row("B", LocalDate.of(2024, 1, 1).plusWeeks(i), 50.0 - i));
        }
        return new Table(List.of(new Column("sku", ColumnType.STRING), new Column("week", ColumnType.DATE),
                new Column("units", ColumnType.NUMBER)), out, List.of(), Map.of());
    }

    @Test
    void aBoundResultSetIsASeriesOfTheSession() throws Exception {
        // any JDBC result set: DuckDB's here (H2 is a test dependency of stdlib only)
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             QflSession session = session()) {
            s.execute("create table sales (sku varchar(5), week date, units int)");
            s.execute("insert into sales values ('A', DATE '2024-01-01', 3), ('A', DATE '2024-01-08', 4), "
                    + "('A', DATE '2024-01-15', 5)");
            try (ResultSet rs = s.executeQuery("select sku, week, units from sales")) {
                session.bind("demand", rs, BindOptions.of("week", "units", "sku"));
            }
            assertTrue(session.names().contains("demand"));
            session.evaluate("plan.qfl", QUESTION);
            Table q = session.table("q").orElseThrow();
            // the last value plus the naive's (constant) one-step error
            assertEquals(6.0, q.getDouble(0, "value"), 1e-9);
        }
    }

    @Test
    void aBoundTableAnswersLikeTheSameRowsFromAFile() throws Exception {
        try (QflSession session = session()) {
            session.bind("demand", rows(), BindOptions.of("week", "units", "sku").withFrequency("week"));
            session.evaluate("plan.qfl", QUESTION);
            Table q = session.table("q").orElseThrow();
            assertEquals(2, q.rowCount());
            assertEquals(16.0, q.getDouble(0, "value"), 1e-9);
            assertEquals(44.0, q.getDouble(1, "value"), 1e-9);
        }
    }

    @Test
    void bindingProblemsAreDiagnostics() throws Exception {
        try (QflSession session = session()) {
            session.bind("demand", rows(), BindOptions.of("week", "units", "sku"));
            QflScriptException taken = assertThrows(QflScriptException.class,
                    () -> session.bind("demand", rows(), BindOptions.of("week", "units", "sku")));
            assertEquals("QF2002", taken.diagnostics().get(0).code());
            assertEquals("QF2010", assertThrows(QflScriptException.class,
                    () -> session.bind("model", rows(), BindOptions.of("week", "units", "sku"))).diagnostics().get(0).code());
            QflScriptException column = assertThrows(QflScriptException.class,
                    () -> session.bind("other", rows(), BindOptions.of("week", "qty", "sku")));
            assertEquals("QF3104", column.diagnostics().get(0).code());
            assertTrue(column.diagnostics().get(0).hints().toString().contains("units"));
            assertEquals(List.of("demand"), List.copyOf(session.names()), "a failed bind defines nothing");
        }
    }
}
