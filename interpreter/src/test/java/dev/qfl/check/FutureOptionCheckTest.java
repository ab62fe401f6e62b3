package dev.qfl.check;

import static dev.qfl.check.CheckedScripts.check;
import static dev.qfl.check.CheckedScripts.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The future: option (a second file of future covariate values), checked before anything runs. */
class FutureOptionCheckTest {
    private static final String SOURCE = "series a = csv(\"sales.csv\", time: \"day\", value: \"units\", id: \"sku\", ";

    @Test
    void aCsvFileOfPlannedCovariatesPasses() {
        assertEquals(List.of(), check(SOURCE + "covariates: [\"price\"], future: csv(\"plan.csv\"))\n"));
    }

    @Test
    void theValueMustBeACsvCallOfOnePath() {
        Diagnostic text = only(SOURCE + "covariates: [\"price\"], future: \"plan.csv\")\n");
        assertEquals("QF2048", text.code());
        assertEquals(SOURCE.length() + 32, text.span().column(), "at the value: " + text);
        Diagnostic other = only(SOURCE + "covariates: [\"price\"], future: json(\"plan.json\"))\n");
        assertEquals("QF2048", other.code());
        Diagnostic options = only(SOURCE + "covariates: [\"price\"], future: csv(\"plan.csv\", delimiter: \";\"))\n");
        assertEquals("QF2048", options.code());
        assertTrue(options.message().contains("takes no options"), options.message());
        assertEquals("QF2048", only(SOURCE + "covariates: [\"price\"], future: csv())\n").code());
    }

    @Test
    void aParquetFileOrAnEmbeddedQueryOfPlannedCovariatesPasses() {
        assertEquals(List.of(), check(SOURCE + "covariates: [\"price\"], future: parquet(\"plan.parquet\"))\n"));
        assertEquals(List.of(), check(SOURCE + "covariates: [\"price\"], future: sql(\"select * from read_csv('p.csv')\"))\n"));
    }

    @Test
    void aQueryOrParquetFutureTakesOneStringAndNoOptions() {
        Diagnostic server = only(SOURCE + "covariates: [\"price\"], future: sql(\"jdbc:h2:mem:x\", \"select 1\"))\n");
        assertEquals("QF2048", server.code());
        assertTrue(server.message().contains("one query"), server.message());
        assertEquals("QF2048", only(SOURCE + "covariates: [\"price\"], future: parquet())\n").code());
        assertEquals("QF2048", only(SOURCE + "covariates: [\"price\"], future: parquet(\"p.parquet\", time: \"d\"))\n").code());
        assertEquals("QF2048", only(SOURCE + "covariates: [\"price\"], future: sql(42))\n").code());
    }

    @Test
    void futureNeedsCovariates() {
        Diagnostic d = only(SOURCE + "past: [\"stock\"], future: csv(\"plan.csv\"))\n");
        assertEquals("QF2049", d.code());
        assertEquals(SOURCE.length() + 18, d.span().column(), "at the option's name: " + d);
    }

    @Test
    void aQueryOrParquetSourceTakesAFutureSourceToo() {
        assertEquals(List.of(), check("series a = sql(\"select 1\", time: \"day\", value: \"units\", covariates: "
                + "[\"price\"], future: csv(\"plan.csv\"))\n"));
        assertEquals(List.of(), check("series a = parquet(\"s.parquet\", time: \"day\", value: \"units\", covariates: "
                + "[\"price\"], future: sql(\"select 1\"))\n"));
        Diagnostic bare = only("series a = parquet(\"s.parquet\", time: \"day\", value: \"units\", future: csv(\"p.csv\"))\n");
        assertEquals("QF2049", bare.code());
    }

    @Test
    void givenTwiceIsADuplicate() {
        Diagnostic d = only(SOURCE + "covariates: [\"price\"], future: csv(\"a.csv\"), future: csv(\"b.csv\"))\n");
        assertEquals(dev.qfl.stdlib.diag.DiagnosticCode.DUPLICATE_OPTION.code(), d.code());
        assertTrue(d.message().contains("given twice"), d.message());
    }
}
