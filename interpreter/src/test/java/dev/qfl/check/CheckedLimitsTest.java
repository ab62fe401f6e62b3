package dev.qfl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.DiagnosticRenderer;
import dev.qfl.diag.SourceFile;
import dev.qfl.syntax.ParseResult;
import dev.qfl.syntax.ScriptParser;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mutated scripts that used to pass {@code qfl check} and then fail with an internal error or
 * answer silently wrong or empty (issue #12): each is now a positioned diagnostic before running.
 */
class CheckedLimitsTest {
    private static final String HEADER = """
            series d = csv("data/retail.csv", time: "date", value: "units", id: "sku")
            model m = seasonal_naive(d, horizon: 14, season: 7)
            """;

    static Stream<Arguments> errors() {
        return Stream.of(
                // code, line, column, fragment of the message or a hint, script after the header
                // 1. levels that are inside (0, 1) as decimals but 0 or 1 as doubles
                Arguments.of("QF2006", 3, 13, "too close to 1", "quantile(d, 0.99999999999999999999) using m"),
                Arguments.of("QF2006", 3, 13, "as a double it is 1", "quantile(d, 1 - 1e-17) using m"),
                Arguments.of("QF2006", 3, 13, "too close to 0", "quantile(d, 1e-400) using m"),
                Arguments.of("QF2006", 3, 13, "too close to 1", "interval(d, 0.99999999999999999999) using m"),
                Arguments.of("QF2006", 3, 19, "too close to 0", "tradeoff(d, [0.5, 1e-400]) using m"),
                Arguments.of("QF2006", 3, 36, "too close to 1",
                        "evaluate m on d metrics: [coverage(0.99999999999999999999)]"),
                Arguments.of("QF2006", 3, 44, "too close to 0", "model q = quantreg(d, horizon: 3, levels: [1e-400, 0.5])"),
                // a model listed again in evaluate (a fuzzed script listed one 3,000 times: minutes of backtests)
                Arguments.of("QF2010", 3, 13, "listed twice", "evaluate m, m, m, m on d"),
                // 2. empty lists
                Arguments.of("QF2010", 3, 13, "list of levels is empty", "quantile(d, []) using m"),
                Arguments.of("QF2010", 3, 13, "list of levels is empty", "tradeoff(d, []) using m"),
                Arguments.of("QF2005", 3, 26, "metrics list is empty", "evaluate m on d metrics: []"),
                Arguments.of("QF2005", 3, 43, "empty list", "model a = auto(d, horizon: 3, candidates: [])"),
                Arguments.of("QF2005", 3, 43, "empty list", "model q = quantreg(d, horizon: 3, levels: [])"),
                Arguments.of("QF2020", 3, 32, "the list is empty", "quantile(d, 0.5) using m where id in []"),
                // 3. costs whose ratio rounds to 1, or that are 0 as doubles
                Arguments.of("QF2005", 3, 1, "critical ratio", "newsvendor(d, underage: 1e308, overage: 1e-300) using m"),
                Arguments.of("QF2005", 3, 25, "below the range", "newsvendor(d, underage: 1e-400, overage: 1) using m"),
                Arguments.of("QF2005", 3, 25, "beyond the range", "newsvendor(d, underage: 1e308 * 10, overage: 1) using m"),
                Arguments.of("QF2005", 3, 37, "positive", "newsvendor(d, underage: 1, overage: 0) using m"),
                // whole numbers beyond int used to wrap around (4294967297 passed "1 to 100000" as 1)
                Arguments.of("QF2005", 3, 11, "number of paths", "sample(d, 4294967297) using m assuming independence"),
                Arguments.of("QF2005", 3, 26, "windows", "evaluate m on d windows: 4294967299"),
                Arguments.of("QF2013", 3, 41, "horizon step 4294967298 is beyond",
                        "quantile(sum(d over horizon 4294967297..4294967298), 0.9) using m assuming independence"),
                // numbers computed beyond the double range
                Arguments.of("QF2005", 3, 19, "beyond the range", "service(d, stock: 1e308 * 10) using m"),
                Arguments.of("QF2005", 3, 18, "beyond the range", "probability(d <= 1e308 * 10) using m"),
                Arguments.of("QF2005", 3, 42, "beyond the range", "series s = csv(\"x.csv\", time: \"t\", fill: 1e308 * 10)"),
                // 4. horizon bounds beyond int, shown as written (they used to wrap to 1215752191)
                Arguments.of("QF2013", 3, 47, "horizon step 99999999999 is beyond",
                        "quantile(d, 0.5) using m where horizon in 14..99999999999"),
                Arguments.of("QF2013", 3, 43, "99999999999", "quantile(d, 0.5) using m where horizon == 99999999999"),
                // 5. horizon conditions that select nothing
                Arguments.of("QF2013", 3, 43, "range 10..1 is empty", "quantile(d, 0.5) using m where horizon in 10..1"),
                Arguments.of("QF2007", 3, 32, "beyond m's horizon of 14", "quantile(d, 0.5) using m where horizon > 14"),
                Arguments.of("QF2007", 3, 32, "beyond m's horizon of 14", "quantile(d, 0.5) using m where horizon >= 15"),
                Arguments.of("QF2007", 3, 32, "horizon 15 is beyond", "quantile(d, 0.5) using m where horizon == 15"),
                Arguments.of("QF2013", 3, 32, "start at 1", "quantile(d, 0.5) using m where horizon == 0"),
                Arguments.of("QF2013", 3, 32, "start at 1", "quantile(d, 0.5) using m where horizon < 1"),
                Arguments.of("QF2013", 3, 49, "start at 1",
                        "quantile(d, 0.5) using m where id == \"A-17\" and horizon <= 0"),
                Arguments.of("QF2020", 3, 32, "whole numbers", "quantile(d, 0.5) using m where horizon == 1.5"),
                Arguments.of("QF2020", 3, 35, "whole numbers", "probability(d <= 3) using m where horizon in [1.5, 2.5]"),
                Arguments.of("QF2020", 3, 32, "contradict", "quantile(d, 0.5) using m where horizon < 3 and horizon > 5"),
                Arguments.of("QF2020", 3, 32, "level is 0.5", "quantile(d, 0.5) using m where level == 0.9"),
                Arguments.of("QF2020", 3, 35, "threshold is 3", "probability(d <= 3) using m where threshold > 3"),
                Arguments.of("QF2020", 3, 50, "path is one of 1, 2, 3",
                        "sample(d, 3) using m assuming independence where path > 3"),
                Arguments.of("QF2020", 3, 52, "horizon_i is one of 1, 2, 3, 4, 5, 6, 7, 8, ...",
                        "correlation(d) using m assuming independence where horizon_i == 0"),
                // 6. plots of tables plot cannot draw
                Arguments.of("QF2003", 4, 6, "'p' is a quantile table", "let p = quantile(d, 0.5) using m\nplot p"),
                Arguments.of("QF2003", 3, 6, "quantile is not one of them", "plot quantile(d, 0.5) using m"),
                // 7. hints that fit the position
                Arguments.of("QF2001", 3, 24, "model nomodel = iqf(d, horizon: ", "quantile(d, 0.5) using nomodel"),
                Arguments.of("QF2001", 3, 10, "e.g. model nomodel = iqf(d", "evaluate nomodel on d"),
                Arguments.of("QF2001", 3, 5, "model nomodel = iqf(d", "fit nomodel"),
                Arguments.of("QF2001", 3, 18, "did you mean the keyword 'using'", "quantile(d, 0.5) usin m"),
                Arguments.of("QF2001", 3, 26, "did you mean the keyword 'where'", "quantile(d, 0.5) using m wher horizon == 1"));
    }

    @ParameterizedTest(name = "{0} {4}")
    @MethodSource("errors")
    void reportsPositionedErrors(String code, int line, int column, String fragment, String body) {
        CheckResult r = CheckerTest.check(HEADER + body + "\n");
        assertTrue(r.hasErrors(), "expected an error for " + body);
        Diagnostic d = r.diagnostics().get(0);
        String rendered = DiagnosticRenderer.plain().render(d);
        assertEquals(code, d.code(), rendered);
        assertEquals(line + ":" + column, d.span().line() + ":" + d.span().column(), rendered);
        assertTrue(rendered.contains(fragment), () -> "expected '" + fragment + "' in\n" + rendered);
    }

    /** Conditions close to the impossible ones that do select rows must still pass. */
    @ParameterizedTest
    @ValueSource(strings = {
        "quantile(d, 0.5) using m where horizon in 1..14",
        "quantile(d, 0.5) using m where horizon > 13",
        "quantile(d, 0.5) using m where horizon >= 1 and horizon != 3",
        "quantile(d, 0.5) using m where not (horizon < 1)",
        "quantile(d, 0.5) using m where horizon == 0 or id == \"A-17\"",
        "quantile(d, 0.5) using m where horizon == 14 or horizon == 2",
        "quantile(d, [0.5, 0.9]) using m where level == 0.9",
        "quantile(d, 0.5) using m where level in 0.1..0.9 step 0.1",
        "quantile(d, 0.99999999999999) using m",
        "quantile(d, 1e-300) using m",
        "newsvendor(d, underage: 1e308, overage: 1e308) using m",
        "evaluate m on d metrics: [coverage(0.999999999)]",
        "plot tradeoff(d, 0.90..0.99 step 0.01) using m where id == \"A-17\" and horizon == 1",
        "let t = tradeoff(d, [0.9, 0.95]) using m where horizon == 1\nplot t",
        "let e = evaluate m on d\nplot e"})
    void closeButPossibleQueriesPass(String body) {
        CheckResult r = CheckerTest.check(HEADER + body + "\n");
        assertFalse(r.hasErrors(), () -> r.diagnostics().stream().map(DiagnosticRenderer.plain()::render).toList().toString());
    }

    /** Found by the fuzzer: nine-digit exponents once made the checker expand numbers digit by digit. */
    @ParameterizedTest
    @ValueSource(strings = {
        "quantile(d, 1e-999999999) using m",
        "quantile(d, 0.9..0.99 step 1e-999999999) using m",
        "quantile(d, 0.5) using m where horizon < 1e-999999999",
        "quantile(d, 0.5) using m where horizon <= -1e-999999999",
        "quantile(d, 5 + 1e-999999999 - 5) using m"})
    void extremeExponentsGetADiagnosticAtOnce(String body) {
        long start = System.nanoTime();
        CheckResult r = CheckerTest.check(HEADER + body + "\n");
        // a generous bound that only an expansion to a billion digits would break
        assertTrue(System.nanoTime() - start < 20_000_000_000L, body);
        assertTrue(r.hasErrors(), body);
        assertTrue(r.diagnostics().get(0).code().startsWith("QF2"), () -> DiagnosticRenderer.plain().render(r.diagnostics().get(0)));
    }

    @Test
    void aModelListedManyTimesIsReportedOnce() {
        CheckResult r = CheckerTest.check(HEADER + "evaluate m" + ", m".repeat(3000) + " on d\n");
        assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
    }

    @Test
    void aHugeButRepresentableCostPairKeepsItsRatio() {
        CheckResult r = CheckerTest.check(HEADER + "newsvendor(d, underage: 1e308, overage: 1e308) using m\n");
        ResolvedQuery.Newsvendor q = (ResolvedQuery.Newsvendor) r.queries().values().iterator().next();
        assertEquals(0.5, dev.qfl.stdlib.decision.Decisions.criticalRatio(q.underage().doubleValue(),
                q.overage().doubleValue()), 0.0);
    }

    @Test
    void numberLiteralsBeyondTheDoubleRangeAreMalformed() {
        for (String literal : List.of("1e309", "-1e309", "2e308")) {
            SourceFile file = new SourceFile("t.qfl", HEADER + "quantile(d, 0.5) using m where horizon <= " + literal + "\n");
            ParseResult parsed = ScriptParser.parse(file);
            assertFalse(parsed.ok(), literal);
            Diagnostic d = parsed.diagnostics().get(0);
            assertEquals("QF1005", d.code(), literal);
            assertEquals(3, d.span().line());
            assertTrue(d.message().contains("beyond the range"), d.message());
        }
        // the largest double is still a number
        assertTrue(ScriptParser.parse(new SourceFile("t.qfl", HEADER + "service(d, stock: 1.7e308) using m\n")).ok());
    }

    @Test
    void anUnboundedHorizonOnALoadedModelIsStillCheckedForWholeSteps() {
        CheckResult r = CheckerTest.check(HEADER + """
                model l = load("models/m.qflm", d)
                quantile(d, 0.5) using l where horizon == 2.5
                quantile(d, 0.5) using l where horizon > 400
                """);
        assertEquals(List.of("QF2020"), r.diagnostics().stream().map(Diagnostic::code).toList());
        assertEquals(4, r.diagnostics().get(0).span().line());
    }

    @Test
    void levelsStayExactDecimalsWhenTheyAreUsable() {
        CheckResult r = CheckerTest.check(HEADER + "quantile(d, 0.9999999999999999) using m\n");
        assertFalse(r.hasErrors());
        assertEquals(new BigDecimal("0.9999999999999999"), ((ResolvedQuery.Quantile) r.queries().values().iterator().next())
                .levels().get(0));
    }
}
