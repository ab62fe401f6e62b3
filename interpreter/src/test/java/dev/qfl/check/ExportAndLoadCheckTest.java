package dev.qfl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The export target and option checks (ExportTargetCheck) and the checks of a loaded model
 * (LoadedModelCheck), which moved out of Checker: each reports what it did before, where it did.
 */
class ExportAndLoadCheckTest {
    private static final String HEADER = """
            series demand = csv("data/retail.csv", time: "date", value: "units", id: "sku")
            model naive = seasonal_naive(demand, horizon: 14, season: 7)
            let p = quantile(demand, 0.9)
            """;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            export p to "out/p.json" append: true         | QF2018 | 4 | 26 | only CSV files can be appended to
            export p to "out/p.parquet" append: true      | QF2018 | 4 | 29 | only CSV files can be appended to
            export p to "out/p.csv" apend: true           | QF2004 | 4 | 25 | did you mean 'append'
            export p to "out/p.csv" append: 1             | QF2003 | 4 | 33 | append is true or false
            export p to "out/p.csv" overwrite: true overwrite: false | QF2016 | 4 | 41 | given twice
            export p to table "plan" in "p.duckdb" credentials: 3 | QF2003 | 4 | 53 | properties file
            export naive to "out/p.csv"                   | QF2003 | 4 | 8  | only tables can be exported
            model m = load(demand)                        | QF2010 | 4 | 11 | the model file in quotes
            model m = load("m.qflm", demand, demand)      | QF2010 | 4 | 34 | at most two arguments
            model m = load("m.qflm", horizon: 3)          | QF2004 | 4 | 26 | keeps the options it was trained with
            """)
    void reportsAtThePartThatIsWrong(String line, String code, int lineNo, int column, String fragment) {
        CheckResult r = CheckerTest.check(HEADER + line + "\n");
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        Diagnostic d = errors.get(0);
        assertEquals(code, d.code(), d::toString);
        assertEquals(lineNo, d.span().line(), d::toString);
        assertEquals(column, d.span().column(), d::toString);
        assertTrue((d.message() + " " + d.hints()).contains(fragment), d::toString);
    }
}
