package dev.qfl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Statement;
import dev.qfl.diag.Diagnostic;
import dev.qfl.format.Formatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A question asked without clauses reaches the checker as the same {@link Expr.Query} node as one
 * with clauses, in every position a question can stand; calls that ask nothing keep their own
 * messages, and the canonical text is unchanged.
 */
class QueryNodeCheckTest {
    private static final String HEADER = """
            series demand = csv("data/retail.csv", time: "date", value: "units", id: "sku")
            model naive = seasonal_naive(demand, horizon: 14, season: 7)
            """;

    /** The value of the last statement, which must be a question. */
    private static Expr.Query lastQuestion(CheckResult r) {
        Statement last = r.script().statements().get(r.script().statements().size() - 1);
        Expr value = last.accept(new Statement.Visitor<Expr>() {
            public Expr visitSeriesDecl(Statement.SeriesDecl s) {
                return s.value();
            }

            public Expr visitModelDecl(Statement.ModelDecl s) {
                return s.value();
            }

            public Expr visitLetDecl(Statement.LetDecl s) {
                return s.value();
            }

            public Expr visitFit(Statement.Fit s) {
                throw new AssertionError("fit has no value");
            }

            public Expr visitExport(Statement.Export s) {
                return s.value();
            }

            public Expr visitSave(Statement.Save s) {
                throw new AssertionError("save has no value");
            }

            public Expr visitPlot(Statement.Plot s) {
                return s.value();
            }

            public Expr visitExpressionStatement(Statement.ExpressionStatement s) {
                return s.expr();
            }
        });
        return assertInstanceOf(Expr.Query.class, value);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "quantile(demand, 0.9)",
        "let t = quantile(demand, 0.9)",
        "export quantile(demand, 0.9) to \"out/t.csv\"",
        "plot fan(demand, naive)",
        "probability(demand > 10)"
    })
    void aBareQuestionIsAQueryWithoutClausesAndIsResolvedUnderThatNode(String line) {
        CheckResult r = CheckerTest.check(HEADER + line + "\n");
        assertTrue(r.diagnostics().stream().noneMatch(Diagnostic::isError), () -> r.diagnostics().toString());
        Expr.Query q = lastQuestion(r);
        assertTrue(q.bare());
        Expr.Call call = assertInstanceOf(Expr.Call.class, q.body());
        assertEquals(call.span(), q.span());
        assertTrue(r.query(q).isPresent(), "the resolution is found by the node the executor looks up");
        assertEquals(line, Formatter.statement(r.script().statements().get(2)));
    }

    @Test
    void withAndWithoutClausesTheSameQuestionResolvesAlike() {
        CheckResult bare = CheckerTest.check(HEADER + "quantile(demand, 0.9)\n");
        CheckResult named = CheckerTest.check(HEADER + "quantile(demand, 0.9) using naive\n");
        ResolvedQuery a = bare.query(lastQuestion(bare)).orElseThrow();
        ResolvedQuery b = named.query(lastQuestion(named)).orElseThrow();
        assertEquals(b.kind(), a.kind());
        assertEquals(b.model(), a.model());
        assertEquals(b.series(), a.series());
    }

    @Test
    void declarationsKeepTheirCalls() {
        CheckResult r = CheckerTest.check(HEADER);
        List<Statement> s = r.script().statements();
        assertInstanceOf(Expr.Call.class, ((Statement.SeriesDecl) s.get(0)).value());
        assertInstanceOf(Expr.Call.class, ((Statement.ModelDecl) s.get(1)).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "let s = csv(\"x.csv\") | QF2003 | reads a series and must be named",
        "iqf(demand, horizon: 7) | QF2003 | makes a model and must be named",
        "let t = quantil(demand, 0.9) | QF2009 | did you mean 'quantile'"
    })
    void aCallThatAsksNoQuestionKeepsItsMessage(String row) {
        String[] parts = row.split(" \\| ");
        CheckResult r = CheckerTest.check(HEADER + parts[0] + "\n");
        assertEquals(1, r.diagnostics().size(), () -> r.diagnostics().toString());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(parts[1], d.code());
        assertTrue((d.message() + " " + d.hints()).contains(parts[2]), d::toString);
    }
}
