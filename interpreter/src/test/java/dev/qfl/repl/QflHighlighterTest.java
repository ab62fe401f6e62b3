package dev.qfl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qfl.repl.QflHighlighter.Span;
import dev.qfl.repl.QflHighlighter.Style;
import dev.qfl.stdlib.model.ModelRegistry;
import java.util.List;
import java.util.Set;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class QflHighlighterTest {
    private final QflHighlighter highlighter =
            new QflHighlighter(new LanguageWords(ModelRegistry.standard()), () -> Set.of("demand", "naive"));

    /** The style of the character at the first occurrence of {@code text} in {@code line}. */
    private static Style styleOf(List<Span> spans, String line, String text) {
        int at = line.indexOf(text);
        for (Span s : spans) {
            if (s.start() <= at && at < s.end()) {
                assertEquals(true, s.end() >= at + text.length(), "'" + text + "' is split across spans");
                return s.style();
            }
        }
        throw new AssertionError("no span covers '" + text + "'");
    }

    private static void assertCoversExactly(List<Span> spans, String line) {
        int at = 0;
        for (Span s : spans) {
            assertEquals(at, s.start(), "gap or overlap at " + at + " in " + spans);
            at = s.end();
        }
        assertEquals(line.length(), at);
    }

    @Test
    void eachKindOfTokenHasItsStyle() {
        String line = "model m2 = seasonal_naive(demand, horizon: 14, step: 10m) # weekly \"plan\"";
        List<Span> spans = highlighter.spans(line);
        assertCoversExactly(spans, line);
        assertEquals(Style.KEYWORD, styleOf(spans, line, "model"));
        assertEquals(Style.PLAIN, styleOf(spans, line, "m2"));
        assertEquals(Style.FUNCTION, styleOf(spans, line, "seasonal_naive"));
        assertEquals(Style.NAME, styleOf(spans, line, "demand"));
        assertEquals(Style.PLAIN, styleOf(spans, line, "horizon"));
        assertEquals(Style.NUMBER, styleOf(spans, line, "14"));
        assertEquals(Style.KEYWORD, styleOf(spans, line, "step"), "a soft keyword is still coloured as one");
        assertEquals(Style.NUMBER, styleOf(spans, line, "10m"));
        assertEquals(Style.COMMENT, styleOf(spans, line, "# weekly \"plan\""), "a string inside a comment is comment");
    }

    @Test
    void stringsAndErrors() {
        String line = "csv(\"sales.csv\") $ \"open";
        List<Span> spans = highlighter.spans(line);
        assertCoversExactly(spans, line);
        assertEquals(Style.FUNCTION, styleOf(spans, line, "csv"));
        assertEquals(Style.STRING, styleOf(spans, line, "\"sales.csv\""));
        assertEquals(Style.ERROR, styleOf(spans, line, "$"));
        assertEquals(Style.ERROR, styleOf(spans, line, "\"open"));
    }

    @Test
    void metaCommandsAreMarkedAndAstArgumentsHighlightedAsQfl() {
        String load = ":load plans/weekly.qfl";
        assertEquals(List.of(new Span(0, 5, Style.META), new Span(5, load.length(), Style.PLAIN)),
                highlighter.spans(load));
        String ast = ":ast quantile(demand, 0.9)";
        List<Span> spans = highlighter.spans(ast);
        assertCoversExactly(spans, ast);
        assertEquals(Style.META, styleOf(spans, ast, ":ast"));
        assertEquals(Style.FUNCTION, styleOf(spans, ast, "quantile"));
        assertEquals(Style.NUMBER, styleOf(spans, ast, "0.9"));
    }

    @Test
    void theHighlightedTextIsTheInputUnchanged() {
        String line = "quantile(demand, 0.95) using naive where horizon in 1..7  # 95%\nlet x = 1";
        AttributedString styled = highlighter.highlight(null, line);
        assertEquals(line, styled.toString());
        assertEquals(Style.KEYWORD.attributes(), styled.styleAt(line.indexOf("using")));
        assertEquals(Style.NAME.attributes(), styled.styleAt(line.indexOf("naive")));
    }

    @Test
    void charactersOutsideTheBasicPlaneDoNotBreakHighlighting() {
        String line = "let x = \"\uD83D\uDCE6\" # box";
        List<Span> spans = highlighter.spans(line);
        assertEquals(line.length(), spans.get(spans.size() - 1).end());
        assertEquals(Style.KEYWORD, styleOf(spans, line, "let"));
    }
}
