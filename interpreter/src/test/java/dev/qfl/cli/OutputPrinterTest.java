package dev.qfl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.api.Output;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.DiagnosticRenderer;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.ColumnType;
import dev.qfl.stdlib.table.Table;
import dev.qfl.terminal.OutputPrinter;
import dev.qfl.terminal.Verbosity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputPrinterTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private OutputPrinter printer(Verbosity v, boolean labels) {
        return new OutputPrinter(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), DiagnosticRenderer.plain(), v, labels, null);
    }

    private static Table table(String id, double value) {
        return new Table(List.of(new Column("id", ColumnType.STRING), new Column("value", ColumnType.NUMBER)),
                List.of(new Table.Row(id, value)), List.of(), Map.of());
    }

    private static Output.Warning warning() {
        SourceFile f = new SourceFile("t.qfl", "quantile(demand, 0.5)\n");
        return new Output.Warning(Diagnostic.warning(DiagnosticCode.SHORT_SERIES, f, f.spanAt(9, 6), "NEW is too short"));
    }

    @Test
    void tablesAreSetApartByBlankLinesAndMessagesStayTogether() {
        OutputPrinter p = printer(Verbosity.NORMAL, true);
        p.accept(new Output.Message("demand: 2 series"));
        p.accept(new Output.Message("fit naive: done"));
        p.accept(new Output.TableOutput("quantile(demand, 0.5)", table("A", 1.5)));
        p.accept(new Output.TableOutput("plan", table("B", 2)));
        p.accept(new Output.Message("wrote out/plan.csv (1 rows)"));
        p.accept(warning());
        assertEquals("""
                demand: 2 series
                fit naive: done

                # quantile(demand, 0.5)
                id  value
                --  -----
                A     1.5
                (1 row)

                # plan
                id  value
                --  -----
                B       2
                (1 row)

                wrote out/plan.csv (1 rows)
                """, out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("t.qfl:1:10: warning[QF3201]: NEW is too short"));
    }

    @Test
    void quietKeepsTablesOnlyAndTheReplLeavesThemUnlabelled() {
        OutputPrinter p = printer(Verbosity.QUIET, false);
        p.accept(new Output.Message("fit naive: done"));
        p.accept(new Output.TableOutput("quantile(demand, 0.5)", table("A", 1.5)));
        p.accept(warning());
        assertEquals("id  value\n--  -----\nA     1.5\n(1 row)\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
}
