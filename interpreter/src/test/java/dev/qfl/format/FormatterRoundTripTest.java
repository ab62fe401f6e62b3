package dev.qfl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.ExampleScripts;
import dev.qfl.ast.AstEquality;
import dev.qfl.diag.SourceFile;
import dev.qfl.syntax.ParseResult;
import dev.qfl.syntax.ScriptParser;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FormatterRoundTripTest {

    static Stream<Path> parseableExamples() {
        List<Path> ok = ExampleScripts.all().stream()
                .filter(p -> ScriptParser.parse(new SourceFile(p.toString(), ExampleScripts.read(p))).ok()).toList();
        assertFalse(ok.isEmpty(), "no example scripts found");
        return ok.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parseableExamples")
    void formattingKeepsTheMeaningAndIsStable(Path script) {
        String text = ExampleScripts.read(script);
        SourceFile original = new SourceFile(script.toString(), text);
        ParseResult before = ScriptParser.parse(original);
        String formatted = Formatter.format(before, original);
        SourceFile again = new SourceFile(script.toString(), formatted);
        ParseResult after = ScriptParser.parse(again);
        assertTrue(after.ok(), () -> "formatted text does not parse:\n" + formatted + after.diagnostics());
        assertNull(AstEquality.firstDifference(before.script(), after.script(), ""), formatted);
        assertEquals(before.comments().stream().map(ParseResult.Comment::text).toList(),
                after.comments().stream().map(ParseResult.Comment::text).toList(), "comments must survive");
        assertEquals(formatted, Formatter.format(after, again), "formatting must be idempotent");
    }

    /** The scripts users copy from are written the way {@code qfl fmt} writes them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("parseableExamples")
    void workingExamplesAreInCanonicalLayout(Path script) {
        if (script.getParent().getFileName().toString().equals("errors")) {
            return; // broken on purpose, some in their layout too
        }
        String text = ExampleScripts.read(script);
        SourceFile original = new SourceFile(script.toString(), text);
        assertEquals(text, Formatter.format(ScriptParser.parse(original), original), "run qfl fmt on " + script);
    }

    @Test
    void producesTheCanonicalLayout() {
        String messy = """
                # header


                series   demand=csv( "d.csv",time:"date" )   # where the data is
                model m=seasonal_naive(demand,horizon:14)
                quantile( demand ,0.9 )using m
                   where horizon<=3 and(id=="A" or id=="B")
                """;
        SourceFile f = new SourceFile("t.qfl", messy);
        String out = Formatter.format(ScriptParser.parse(f), f);
        assertEquals("""
                # header

                series demand = csv("d.csv", time: "date")  # where the data is
                model m = seasonal_naive(demand, horizon: 14)
                quantile(demand, 0.9) using m where horizon <= 3 and (id == "A" or id == "B")
                """, out);
    }

    @Test
    void equalityIgnoresPositionsButNotContent() {
        var a = ScriptParser.parse(new SourceFile("a", "quantile(d, 0.9)")).script();
        var b = ScriptParser.parse(new SourceFile("b", "\n\n   quantile( d,0.9 )")).script();
        var c = ScriptParser.parse(new SourceFile("c", "quantile(d, 0.95)")).script();
        assertTrue(AstEquality.equalIgnoringSpans(a, b));
        assertFalse(AstEquality.equalIgnoringSpans(a, c));
    }
}
