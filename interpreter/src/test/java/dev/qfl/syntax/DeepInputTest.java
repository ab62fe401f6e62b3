package dev.qfl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.ExampleScripts;
import dev.qfl.api.QflEngine;
import dev.qfl.api.QflScriptException;
import dev.qfl.api.QflSession;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.SourceFile;
import dev.qfl.repl.AstPrinter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Issue #12: deep input is either rejected with QF1004 where the nesting limit is crossed, or
 * accepted and then safe in every later pass. Each shape is tried at the largest size the limit
 * accepts, through check, fmt, explain, run and the REPL's AST printer, on this (default-sized)
 * thread stack, and one step larger, where it must be rejected.
 */
class DeepInputTest {
    private static final Path EXAMPLES = ExampleScripts.repoRoot().resolve("examples");
    private static final String DECLARATIONS = """
            series demand = csv("data/retail.csv", time: "date", value: "units", id: "sku")
            model naive = seasonal_naive(demand, horizon: 14, season: 7)
            """;
    private static final String QUERY = "quantile(demand, 0.5) where ";

    private final QflEngine engine = QflEngine.builder().build();

    private record Shape(String name, IntFunction<String> script) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("and chain", n -> DECLARATIONS + QUERY + "horizon == 1" + " and horizon == 1".repeat(n)),
            new Shape("or chain", n -> DECLARATIONS + QUERY + "horizon == 1" + " or horizon == 1".repeat(n)),
            new Shape("sum chain", n -> "let b = 1" + " + 1".repeat(n) + "\nb\n"),
            new Shape("product chain", n -> "let b = 2" + " * 1".repeat(n) + "\nb\n"),
            new Shape("parentheses", n -> "let b = " + "(".repeat(n) + "1" + ")".repeat(n) + "\nb\n"),
            new Shape("parenthesised condition", n -> DECLARATIONS + QUERY + "(".repeat(n) + "horizon == 1" + ")".repeat(n)),
            new Shape("not chain", n -> DECLARATIONS + QUERY + "not ".repeat(n) + "horizon == 1"),
            new Shape("negations", n -> "let b = " + "-(".repeat(n) + "1" + ")".repeat(n) + "\nb\n"),
            new Shape("nested level", n -> DECLARATIONS + "quantile(demand, " + "(".repeat(n) + "0.5" + ")".repeat(n)
                    + ") where horizon == 1"),
            new Shape("nested calls", n -> "let b = " + "f(".repeat(n) + "1" + ")".repeat(n) + "\n"),
            new Shape("nested lists", n -> "let b = " + "[".repeat(n) + "1" + "]".repeat(n) + "\n"));

    @Test
    void theLargestAcceptedInputOfEveryShapeGoesThroughEveryPass() throws Exception {
        for (Shape shape : SHAPES) {
            int largest = largestAccepted(shape);
            assertTrue(largest >= 150, shape.name() + ": the limit should allow real scripts plenty, got " + largest);
            String script = shape.script().apply(largest);
            String label = shape.name() + " at " + largest;
            noInternalError(label + " check", engine.check("deep.qfl", script, EXAMPLES));
            try {
                String formatted = engine.format("deep.qfl", script);
                assertTrue(ScriptParser.parse(new SourceFile("deep.qfl", formatted)).ok(),
                        label + ": the formatted text is no deeper than the original and parses");
                ParseResult parsed = ScriptParser.parse(new SourceFile("deep.qfl", script));
                parsed.script().statements().forEach(s -> assertFalse(AstPrinter.print(s).isEmpty()));
                engine.explain("deep.qfl", script, EXAMPLES);
            } catch (QflScriptException e) {
                noInternalError(label + " fmt/explain", e.diagnostics());
            }
            try (QflSession session = engine.openSession(EXAMPLES)) {
                session.evaluate("deep.qfl", script);
            } catch (QflScriptException e) {
                noInternalError(label + " run", e.diagnostics());
            }
        }
    }

    @Test
    void oneLevelTooDeepIsQf1004AtTheCrossingPoint() {
        for (Shape shape : SHAPES) {
            int largest = largestAccepted(shape);
            String script = shape.script().apply(largest + 1);
            List<Diagnostic> diagnostics = ScriptParser.parse(new SourceFile("deep.qfl", script)).diagnostics();
            assertEquals(1, diagnostics.size(), shape.name());
            Diagnostic d = diagnostics.get(0);
            assertEquals("QF1004", d.code(), shape.name() + ": " + d.message());
            int offset = d.span().start();
            assertTrue(offset > 0 && offset < script.length(), shape.name() + " points into the text");
        }
    }

    @Test
    void aLongChainIsReportedAtTheOperatorWhereItBecomesTooDeep() {
        String script = "let b = 1" + " + 1".repeat(1500);
        Diagnostic d = ScriptParser.parse(new SourceFile("deep.qfl", script)).diagnostics().get(0);
        assertEquals("QF1004", d.code());
        assertEquals("+", script.substring(d.span().start(), d.span().end()));
        assertTrue(d.hints().get(0).contains("let"), "says how to split it");
    }

    @Test
    void hugeNestingIsRejectedWithoutParsing() {
        // 100,000 nested calls took a minute in ANTLR's look-ahead; the token pre-scan answers at once
        String calls = "let b = " + "f(".repeat(100_000) + "1" + ")".repeat(100_000);
        String parens = "let b = " + "(".repeat(200_000);
        String nots = "quantile(d, 0.5) where " + "not ".repeat(200_000) + "x";
        // a chain of '-' costs ANTLR quadratic look-ahead, so long chains are also caught before parsing
        String minuses = "let b = x" + " - x".repeat(100_000) + " @";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (String script : List.of(calls, parens, nots, minuses)) {
                List<Diagnostic> d = ScriptParser.parse(new SourceFile("deep.qfl", script)).diagnostics();
                assertEquals("QF1004", d.get(0).code());
            }
        });
    }

    @Test
    void aTypoAfterALongChainOfMinusesIsReportedQuickly() {
        // each '-' could also start a new statement, which made the old full-LL error pass take
        // minutes on a 300-term chain once any other line had a typo (found by bench fuzz)
        String script = "let x = 1\nlet b = x" + " - x".repeat(300) + "\nquantile(x, , 0.9)\n";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            List<Diagnostic> d = ScriptParser.parse(new SourceFile("typo.qfl", script)).diagnostics();
            assertEquals("QF1001", d.get(0).code());
            assertEquals(3, d.get(0).span().line());
        });
    }

    @Test
    void ordinaryNestingIsNotAffected() {
        String script = DECLARATIONS + "quantile(sum(demand over horizon 1..7), [0.5, (0.9)]) using naive assuming "
                + "independence where not (id == \"A-17\" or id in [\"B-02\"]) and -(-1) < 2";
        assertTrue(ScriptParser.parse(new SourceFile("ok.qfl", script)).ok());
    }

    /** The largest size of a shape the parser accepts (binary search; acceptance is monotone in size). */
    private static int largestAccepted(Shape shape) {
        int low = 1;
        int high = NestingLimit.MAX_DEPTH + 10;
        while (high - low > 1) {
            int mid = (low + high) >>> 1;
            boolean tooDeep = ScriptParser.parse(new SourceFile("deep.qfl", shape.script().apply(mid))).diagnostics()
                    .stream().anyMatch(d -> d.code().equals("QF1004"));
            if (tooDeep) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return low;
    }

    private static void noInternalError(String what, List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            assertFalse(d.code().startsWith("QF9"), what + ": " + d.code() + " " + d.message());
            assertFalse(d.code().equals("QF1004"), what + ": accepted by the parser, so not too deep: " + d.message());
        }
    }
}
