package dev.qfl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Statement;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.DiagnosticRenderer;
import dev.qfl.diag.SourceFile;
import dev.qfl.format.Formatter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {

    static Statement single(String text) {
        ParseResult r = ScriptParser.parse(new SourceFile("t.qfl", text));
        assertTrue(r.ok(), () -> "did not parse: " + r.diagnostics());
        assertEquals(1, r.script().statements().size());
        return r.script().statements().get(0);
    }

    static Expr expression(String text) {
        return ((Statement.ExpressionStatement) single(text)).expr();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "quantile(demand,0.94)using naive where horizon in 1..7 | quantile(demand, 0.94) using naive where horizon in 1..7",
        "quantile(demand, [0.5,0.9,0.99]) using naive where id == \"A-17\" and horizon == 1 | quantile(demand, [0.5, 0.9, 0.99]) using naive where id == \"A-17\" and horizon == 1",
        "quantile(demand, 0.90..0.99 step 0.01) using naive where horizon <= 3 | quantile(demand, 0.90..0.99 step 0.01) using naive where horizon <= 3",
        "probability(demand <= 120) using naive where horizon == 3 | probability(demand <= 120) using naive where horizon == 3",
        "quantile(sum(demand over horizon 1..7), 0.95) using joint | quantile(sum(demand over horizon 1..7), 0.95) using joint",
        "quantile(x, 0.5) using iq assuming independence | quantile(x, 0.5) using iq assuming independence",
        "a or b and c | a or b and c",
        "(a or b) and c | (a or b) and c",
        "not a and b | not a and b",
        "1 - (2 - 3) | 1 - (2 - 3)",
        "(1 - 2) - 3 | 1 - 2 - 3",
        "2 * (3 + 4) | 2 * (3 + 4)",
        "-x * 2 | -x * 2",
        "id in [\"A\", \"B\"] | id in [\"A\", \"B\"]",
        "f(step: 7, independence: 1) | f(step: 7, independence: 1)",
    })
    void canonicalText(String input, String canonical) {
        assertEquals(canonical, Formatter.expr(expression(input)));
    }

    @Test
    void precedenceBuildsTheExpectedTree() {
        Expr e = expression("a or b and c");
        Expr.Binary or = assertInstanceOf(Expr.Binary.class, e);
        assertEquals(Expr.BinaryOp.OR, or.op());
        assertEquals(Expr.BinaryOp.AND, assertInstanceOf(Expr.Binary.class, or.right()).op());

        Expr.Binary sum = assertInstanceOf(Expr.Binary.class, expression("1 + 2 * 3"));
        assertEquals(Expr.BinaryOp.ADD, sum.op());
        assertEquals(Expr.BinaryOp.MUL, assertInstanceOf(Expr.Binary.class, sum.right()).op());
    }

    @Test
    void literalsKeepTheirExactValues() {
        Expr.Query question = assertInstanceOf(Expr.Query.class, expression("f(0.90, \"a\\\"b\", 10m, true, -3)"));
        Expr.Call call = assertInstanceOf(Expr.Call.class, question.body());
        List<Expr.Argument> args = call.arguments();
        assertEquals(new BigDecimal("0.90"), ((Expr.NumberLit) args.get(0).value()).value());
        assertEquals("a\"b", ((Expr.StringLit) args.get(1).value()).value());
        assertEquals(Duration.ofMinutes(10), ((Expr.DurationLit) args.get(2).value()).value());
        assertEquals(true, ((Expr.BoolLit) args.get(3).value()).value());
        assertEquals(new BigDecimal("-3"), ((Expr.NumberLit) args.get(4).value()).value());
    }

    @Test
    void statementsAreFreeFormAcrossLines() {
        ParseResult r = ScriptParser.parse(new SourceFile("t.qfl", """
                # comment
                series demand = csv("d.csv",
                                    time: "date")   # trailing
                quantile(demand, 0.9)
                    using m
                    where horizon <= 2
                let plan = quantile(demand, 0.95) using m
                plan
                export plan to "out/plan.csv"
                fit m, n; save m to "m.qflm"
                """));
        assertTrue(r.ok(), () -> r.diagnostics().toString());
        List<Statement> s = r.script().statements();
        assertEquals(7, s.size());
        assertInstanceOf(Statement.SeriesDecl.class, s.get(0));
        assertInstanceOf(Expr.Query.class, ((Statement.ExpressionStatement) s.get(1)).expr());
        assertInstanceOf(Statement.LetDecl.class, s.get(2));
        assertInstanceOf(Statement.Export.class, s.get(4));
        assertInstanceOf(Statement.Fit.class, s.get(5));
        assertInstanceOf(Statement.Save.class, s.get(6));
        assertEquals(2, r.comments().size());
        assertEquals(2, s.get(0).span().line());
        assertEquals(4, s.get(1).span().line());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "quantile(demand, , 0.9)                 | t.qfl:1:18: error[QF1001]: expected an expression, found ','",
        "series = csv(\"a\")                       | t.qfl:1:8: error[QF1001]: expected a name, found '='",
        "quantile(demand, 0.9) using             | t.qfl:1:28: error[QF1001]: expected a name, found the end of the input",
        "quantile(demand @ 0.9)                  | t.qfl:1:17: error[QF1003]: the character '@' is not part of QFL",
        "series d = csv(\"data.csv)              | t.qfl:1:16: error[QF1002]: this string has no closing '\"'",
        "quantile(demand, 0.9 where horizon < 2  | t.qfl:1:22: error[QF1001]: expected ')' or ',', found 'where'",
        "let = 3                                 | t.qfl:1:5: error[QF1001]: expected a name, found '='",
    })
    void syntaxErrorsArePositionedAndReadable(String input, String firstLine) {
        ParseResult r = ScriptParser.parse(new SourceFile("t.qfl", input.strip()));
        assertFalse(r.ok());
        Diagnostic d = r.diagnostics().get(0);
        String rendered = DiagnosticRenderer.plain().render(d);
        assertEquals(firstLine.strip(), rendered.lines().findFirst().orElseThrow());
        assertTrue(rendered.lines().skip(2).findFirst().orElseThrow().contains("^"), rendered);
    }

    @Test
    void incompleteInputIsFlaggedForTheRepl() {
        assertTrue(ScriptParser.parse(new SourceFile("<repl>", "quantile(demand,")).incomplete());
        assertTrue(ScriptParser.parse(new SourceFile("<repl>", "series d = csv(\"x.csv\",\n  time: \"d\"")).incomplete());
        assertFalse(ScriptParser.parse(new SourceFile("<repl>", "quantile(demand, 0.9))")).incomplete());
    }

    @Test
    void severalErrorsOnDifferentLinesAreAllReported() {
        ParseResult r = ScriptParser.parse(new SourceFile("t.qfl", "quantile(a, , 1)\nlet = 2\nseries s = csv(\"x\")\n"));
        assertFalse(r.ok());
        assertEquals(List.of(1, 2), r.diagnostics().stream().map(d -> d.span().line()).toList());
    }

    @Test
    void deepNestingIsADiagnosticNotACrash() {
        String deep = "(".repeat(20_000) + "1" + ")".repeat(20_000);
        ParseResult r = ScriptParser.parse(new SourceFile("t.qfl", deep));
        assertFalse(r.ok());
        assertEquals("QF1004", r.diagnostics().get(0).code());
    }
}
