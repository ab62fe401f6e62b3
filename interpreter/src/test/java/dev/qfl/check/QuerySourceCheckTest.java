package dev.qfl.check;

import static dev.qfl.check.CheckedScripts.check;
import static dev.qfl.check.CheckedScripts.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.ast.AstEquality;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.SourceFile;
import dev.qfl.format.Formatter;
import dev.qfl.syntax.ParseResult;
import dev.qfl.syntax.ScriptParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sql(...), parquet(...) and export to table, checked before anything runs. */
class QuerySourceCheckTest {
    private static final String QUERY = "series d = sql(\"select * from 'sales.parquet'\", time: \"week\", value: \"units\")\n"
            + "model m = seasonal_naive(d, horizon: 2, season: 1)\nlet q = quantile(d, 0.9) using m\n";

    @Test
    void wellFormedSourcesAndTableExportsPass() {
        assertEquals(List.of(), check(QUERY + "export q to table \"plan\" in \"plan.duckdb\"\n"
                + "export q to table \"planning.plan\" in \"jdbc:postgresql://db:5432/sales\" credentials: \"db.properties\"\n"
                + "export q to \"out/plan.parquet\"\n"
                + "series p = parquet(\"sales/*.parquet\", time: \"week\", value: \"units\", id: \"sku\", fill: 0)\n"
                + "series j = sql(\"jdbc:h2:file:/data/shop\", \"-- weekly\\nWITH s AS (SELECT 1) SELECT * FROM s\", "
                + "time: \"week\", value: \"units\", credentials: \"db.properties\")\n"));
    }

    @Test
    void unknownOptionsGetDidYouMean() {
        Diagnostic d = only("series d = sql(\"select 1\", time: \"week\", valeu: \"units\")\n");
        assertEquals("QF2004", d.code());
        assertTrue(d.hints().toString().contains("value"), d.hints().toString());
        assertEquals("QF2004", only("series d = parquet(\"x.parquet\", time: \"week\", encoding: \"UTF-8\")\n").code());
        assertEquals("QF2004", only(QUERY + "export q to table \"plan\" in \"plan.duckdb\" credential: \"x\"\n").code());
    }

    @Test
    void passwordsInUrlsAndStatementsThatWriteAreRefused() {
        Diagnostic password = only("series d = sql(\"jdbc:postgresql://db/sales?user=me&password=secret\", \"select 1\", "
                + "time: \"week\")\n");
        assertEquals("QF3134", password.code());
        assertTrue(password.hints().toString().contains("QFL_JDBC_PASSWORD"), password.hints().toString());
        assertEquals("QF3134", only(QUERY + "export q to table \"plan\" in \"jdbc:postgresql://me:secret@db/x\"\n").code());
        Diagnostic write = only("series d = sql(\"  /* cleanup */ DELETE FROM sales\", time: \"week\")\n");
        assertEquals("QF3130", write.code());
        assertTrue(write.message().contains("DELETE"), write.message());
    }

    @Test
    void argumentsOptionsAndTableNamesAreChecked() {
        assertEquals("QF2010", only("series d = sql(time: \"week\")\n").code());
        assertEquals("QF2010", only("series d = sql(\"postgresql://db\", \"select 1\", time: \"week\")\n").code());
        assertEquals("QF2010", only("series d = parquet(\"a.parquet\", \"b.parquet\", time: \"week\")\n").code());
        assertEquals("QF2005", only("series d = sql(\"select 1\", time: \"week\", credentials: \"db.properties\")\n").code());
        assertEquals("QF5031", only(QUERY + "export q to table \"plan; drop table x\" in \"plan.duckdb\"\n").code());
        assertEquals("QF2018", only(QUERY + "export q to table \"plan\" in \"plan.duckdb\" append: true\n").code());
        assertEquals("QF2018", only(QUERY + "export q to table \"plan\" in \"plan.txt\"\n").code());
        assertEquals("QF2003", only("sql(\"select 1\")\n").code());
        assertEquals("QF2033", only("series d = sql(\"select 1\", time: \"week\", as_of: \"last monday\")\n").code());
        assertEquals("QF2005", only("series d = parquet(\"a.parquet\", time: \"week\", missing: zeros)\n").code());
    }

    @Test
    void tableStaysANameAndTheFormatterRoundTripsTheNewSyntax() {
        String text = "let table = 3\nseries d = parquet( \"s.parquet\",time:\"week\" )\n"
                + "model m = seasonal_naive(d, horizon: 2, season: 1)\nlet q = quantile(d, 0.9) using m\n"
                + "export   q to table \"plan\"   in \"plan.duckdb\"\n";
        SourceFile file = new SourceFile("t.qfl", text);
        ParseResult parsed = ScriptParser.parse(file);
        assertTrue(parsed.ok(), parsed.diagnostics().toString());
        String formatted = Formatter.format(parsed, file);
        assertTrue(formatted.contains("export q to table \"plan\" in \"plan.duckdb\"\n"), formatted);
        ParseResult again = ScriptParser.parse(new SourceFile("t.qfl", formatted));
        assertNull(AstEquality.firstDifference(parsed.script(), again.script(), ""), formatted);
        assertEquals(List.of(), check(text));
    }
}
