package dev.qfl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.DiagnosticRenderer;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.syntax.ParseResult;
import dev.qfl.syntax.ScriptParser;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CheckerTest {
    private static final String HEADER = """
            series demand = csv("data/retail.csv", time: "date", value: "units", id: "sku")
            model naive = seasonal_naive(demand, horizon: 14, season: 7)
            """;

    static CheckResult check(String script) {
        SourceFile file = new SourceFile("t.qfl", script);
        ParseResult parsed = ScriptParser.parse(file);
        assertTrue(parsed.ok(), () -> "did not parse: " + parsed.diagnostics());
        return new Checker(ModelRegistry.standard(), file).check(parsed.script(), Scope.empty());
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                // code, line, column, fragment of the message or a hint, script after the header
                Arguments.of("QF2001", 3, 10, "did you mean 'demand'", "quantile(demnd, 0.9)"),
                Arguments.of("QF2002", 3, 7, "first defined at line 2", "model naive = seasonal_naive(demand, horizon: 7)"),
                Arguments.of("QF2004", 3, 47, "did you mean 'season'", "model n2 = seasonal_naive(demand, horizon: 7, seasn: 7)"),
                Arguments.of("QF2005", 3, 44, "outside [1, 10000]", "model n2 = seasonal_naive(demand, horizon: 0)"),
                Arguments.of("QF2003", 3, 44, "a whole number", "model n2 = seasonal_naive(demand, horizon: 1.5)"),
                Arguments.of("QF2015", 3, 12, "needs the option 'horizon'", "model n2 = seasonal_naive(demand)"),
                Arguments.of("QF2016", 3, 47, "given twice", "model n2 = seasonal_naive(demand, horizon: 7, horizon: 8)"),
                Arguments.of("QF2006", 3, 18, "did you mean 0.95", "quantile(demand, 95)"),
                Arguments.of("QF2006", 3, 24, "outside (0, 1)", "quantile(demand, [0.5, 1.0])"),
                Arguments.of("QF2006", 3, 18, "outside (0, 1)", "quantile(demand, 0..0.5 step 0.1)"),
                Arguments.of("QF2007", 3, 41, "beyond naive's horizon of 14", "quantile(demand, 0.9) using naive where horizon in 1..21"),
                Arguments.of("QF2007", 3, 43, "beyond", "quantile(demand, 0.9) where id == \"A\" and horizon == 15"),
                Arguments.of("QF2009", 3, 1, "did you mean 'quantile'", "quantil(demand, 0.9)"),
                Arguments.of("QF2009", 3, 12, "did you mean 'seasonal_naive'", "model n2 = seasonal_nave(demand, horizon: 7)"),
                Arguments.of("QF2013", 3, 18, "empty", "quantile(demand, 0.9..0.5 step 0.1)"),
                Arguments.of("QF2003", 3, 18, "needs a step", "quantile(demand, 0.90..0.99)"),
                Arguments.of("QF2014", 3, 29, "did you mean 'horizon'", "quantile(demand, 0.9) where horizn < 3"),
                Arguments.of("QF2003", 3, 35, "quoted string", "quantile(demand, 0.9) where id == 17"),
                Arguments.of("QF2003", 3, 37, "a date", "quantile(demand, 0.9) where date >= \"tomorrow\""),
                Arguments.of("QF2018", 4, 13, ".csv or .json", "let p = quantile(demand, 0.9)\nexport p to \"out/p.xlsx\""),
                Arguments.of("QF2017", 3, 10, "joint", "quantile(sum(demand over horizon 1..7), 0.95)"),
                Arguments.of("QF2019", 3, 1, "only applies to joint", "quantile(demand, 0.9) using naive assuming independence"),
                Arguments.of("QF2010", 3, 1, "comparison", "probability(demand)"),
                Arguments.of("QF2003", 3, 32, "time", "series s2 = csv(\"x.csv\", time: date)"),
                Arguments.of("QF2005", 3, 43, "choose one of", "series s2 = csv(\"x.csv\", time: \"d\", freq: fortnight)"),
                Arguments.of("QF2005", 3, 43, "did you mean 'month'", "series s2 = csv(\"x.csv\", time: \"d\", freq: mnth)"),
                // what the loader could not read must not pass the checker (the date part alone is valid here)
                Arguments.of("QF2003", 3, 44, "ISO date", "series s2 = csv(\"x.csv\", time: \"d\", until: \"2024-06-15x\")"),
                Arguments.of("QF2003", 3, 44, "ISO date", "series s2 = csv(\"x.csv\", time: \"d\", until: \"2024-13-01\")"),
                // ensembles: two or more models on one series with one horizon, one non-negative weight each
                Arguments.of("QF2010", 3, 11, "two or more", "model e = ensemble(naive)"),
                Arguments.of("QF2010", 4, 27, "forecasts 7 steps", "model n2 = seasonal_naive(demand, horizon: 7)\nmodel e = ensemble(naive, n2)"),
                Arguments.of("QF2010", 4, 40, "2 members and 1 weights",
                        "model n2 = seasonal_naive(demand, horizon: 14, season: 1)\nmodel e = ensemble(naive, n2, weights: [1])"),
                Arguments.of("QF2005", 4, 40, "must not be negative",
                        "model n2 = seasonal_naive(demand, horizon: 14, season: 1)\nmodel e = ensemble(naive, n2, weights: [1, -1])"),
                Arguments.of("QF2010", 3, 27, "already a member", "model e = ensemble(naive, naive)"),
                Arguments.of("QF2003", 3, 27, "expected a model", "model e = ensemble(naive, demand)"),
                Arguments.of("QF2004", 4, 31, "only option is weights",
                        "model n2 = seasonal_naive(demand, horizon: 14, season: 1)\nmodel e = ensemble(naive, n2, horizon: 14)"),
                // list options: names out of a fixed set, with a did-you-mean
                Arguments.of("QF2005", 3, 65, "did you mean 'seasonal_naive'",
                        "model a = auto(demand, horizon: 7, candidates: [seasonal_naive, seasonal_naiv])"),
                Arguments.of("QF2003", 3, 49, "a list of names", "model a = auto(demand, horizon: 7, candidates: [1, 2])"));
    }

    @ParameterizedTest(name = "{0} {4}")
    @MethodSource("errors")
    void reportsPositionedErrors(String code, int line, int column, String fragment, String body) {
        CheckResult r = check(HEADER + body + "\n");
        assertTrue(r.hasErrors(), "expected an error");
        Diagnostic d = r.diagnostics().get(0);
        String rendered = DiagnosticRenderer.plain().render(d);
        assertEquals(code, d.code(), rendered);
        assertEquals(line + ":" + column, d.span().line() + ":" + d.span().column(), rendered);
        assertTrue(rendered.contains(fragment), () -> "expected '" + fragment + "' in\n" + rendered);
    }

    @Test
    void modelOnAnotherSeriesIsRejected() {
        CheckResult r = check(HEADER + """
                series other = csv("o.csv", time: "t")
                quantile(other, 0.9) using naive
                """);
        assertEquals(List.of("QF2008"), r.diagnostics().stream().map(Diagnostic::code).toList());
        assertEquals(4, r.diagnostics().get(0).span().line());
    }

    @Test
    void usingIsOptionalOnlyWithExactlyOneModel() {
        assertTrue(!check(HEADER + "quantile(demand, 0.9)\n").hasErrors());
        CheckResult two = check(HEADER + "model n2 = seasonal_naive(demand, horizon: 3)\nquantile(demand, 0.9)\n");
        assertEquals("QF2011", two.diagnostics().get(0).code());
        CheckResult none = check("series d = csv(\"x.csv\", time: \"t\")\nquantile(d, 0.9)\n");
        assertEquals("QF2012", none.diagnostics().get(0).code());
    }

    @Test
    void independentErrorsAreReportedTogetherAndBrokenDeclarationsStillDefineNames() {
        CheckResult r = check("""
                series demand = csv("d.csv", tme: "date")
                model m = seasonal_naive(demand, horizon: 0)
                quantile(demand, 1.5) using m
                quantile(demand, 0.5) using m where horizon < 2
                """);
        List<String> codes = r.diagnostics().stream().map(Diagnostic::code).toList();
        assertEquals(List.of("QF2004", "QF2015", "QF2005", "QF2006"), codes);
    }

    @Test
    void rangesCountInDecimal() {
        CheckResult r = check(HEADER + "quantile(demand, 0.01..0.99 step 0.01)\nquantile(demand, 0.90..0.99 step 0.01)\n");
        List<ResolvedQuery.Quantile> qs = r.queries().values().stream().map(q -> (ResolvedQuery.Quantile) q)
                .sorted(java.util.Comparator.comparingInt(q -> q.node().span().line())).toList();
        assertEquals(99, qs.get(0).levels().size());
        assertEquals(10, qs.get(1).levels().size());
        assertEquals(new BigDecimal("0.99"), qs.get(1).levels().get(9));
        assertEquals(new BigDecimal("0.90"), qs.get(1).levels().get(0));
    }

    @Test
    void resolvesQueriesWithHorizonBoundsAndConstants() {
        CheckResult r = check(HEADER + "let lvl = 0.9\nprobability(120 >= demand) where horizon < 4 or horizon == 2\nquantile(demand, lvl)\n");
        assertTrue(!r.hasErrors(), r.diagnostics().toString());
        ResolvedQuery.Probability p = r.queries().values().stream().filter(q -> q.kind() == QueryKind.PROBABILITY)
                .map(q -> (ResolvedQuery.Probability) q).findFirst().orElseThrow();
        assertEquals(dev.qfl.ast.Expr.BinaryOp.LE, p.comparison());
        assertEquals(new BigDecimal("120"), p.threshold());
        assertEquals(3, p.maxHorizon());
        assertEquals("naive", p.model());
    }
}
