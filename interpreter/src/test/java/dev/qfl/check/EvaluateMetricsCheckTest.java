package dev.qfl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** evaluate's metrics: names, coverage(p), and what is refused (the metric visitor in EvaluateChecker). */
class EvaluateMetricsCheckTest {
    private static final String HEADER = """
            series demand = csv("data/retail.csv", time: "date", value: "units", id: "sku")
            model naive = seasonal_naive(demand, horizon: 14, season: 7)
            """;
    private static final String EVALUATE = "let e = evaluate naive on demand metrics: ";

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            [wq]                | QF2009 | 44 | did you mean 'wql'
            [wql(1)]            | QF2010 | 44 | wql takes no arguments
            [coverage]          | QF2006 | 44 | coverage takes the interval's probability in (0, 1)
            [coverage(1.5)]     | QF2006 | 44 | coverage takes the interval's probability in (0, 1)
            [coverage(0.8, 2)]  | QF2006 | 44 | coverage takes the interval's probability in (0, 1)
            [coverage(0.99999999999999999999)] | QF2006 | 53 | coverage's probability
            [crps, "mase"]      | QF2009 | 50 | metrics: wql, crps
            """)
    void aWrongMetricIsReportedWhereItIsWritten(String metrics, String code, int column, String fragment) {
        CheckResult r = CheckerTest.check(HEADER + EVALUATE + metrics + "\n");
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        Diagnostic d = errors.get(0);
        assertEquals(code, d.code(), d::toString);
        assertEquals(3, d.span().line(), d::toString);
        assertEquals(column, d.span().column(), d::toString);
        assertTrue((d.message() + " " + d.hints()).contains(fragment), d::toString);
    }

    @Test
    void namesAndCoverageAreAccepted() {
        CheckResult r = CheckerTest.check(HEADER + EVALUATE + "[coverage(0.8), wql, energy, wql]\n");
        assertTrue(r.diagnostics().stream().noneMatch(Diagnostic::isError), () -> r.diagnostics().toString());
    }
}
