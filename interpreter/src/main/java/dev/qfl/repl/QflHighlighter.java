package dev.qfl.repl;

import dev.qfl.grammar.QflLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours REPL input as it is typed, from the same lexer the parser uses: keywords, strings,
 * numbers, comments, functions and declared names each have a style, and characters the lexer
 * rejects (or a string left open) show as errors before Enter is pressed. {@link #spans} is the
 * logic, free of JLine, for tests.
 */
public final class QflHighlighter implements Highlighter {
    /** What a stretch of input is, for choosing its colour. */
    public enum Style {
        KEYWORD(AttributedStyle.BOLD.foreground(AttributedStyle.BLUE)),
        STRING(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN)),
        NUMBER(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)),
        COMMENT(AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic()),
        FUNCTION(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)),
        NAME(AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA)),
        META(AttributedStyle.BOLD.foreground(AttributedStyle.CYAN)),
        ERROR(AttributedStyle.BOLD.foreground(AttributedStyle.RED).underline()),
        PLAIN(AttributedStyle.DEFAULT);

        private final AttributedStyle attributes;

        Style(AttributedStyle attributes) {
            this.attributes = attributes;
        }

        public AttributedStyle attributes() {
            return attributes;
        }
    }

    /** Characters [start, end) of the input have the style. */
    public record Span(int start, int end, Style style) {
    }

    private final LanguageWords words;
    private final Supplier<Set<String>> declared;

    public QflHighlighter(LanguageWords words, Supplier<Set<String>> declared) {
        this.words = words;
        this.declared = declared;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        for (Span s : spans(buffer)) {
            sb.styled(s.style().attributes(), buffer.substring(s.start(), s.end()));
        }
        return sb.toAttributedString();
    }

    /** The input cut into styled stretches that cover it exactly, in order. */
    public List<Span> spans(String buffer) {
        List<Span> out = new ArrayList<>();
        int offset = 0;
        String lead = buffer.stripLeading();
        if (lead.startsWith(":")) {
            int start = buffer.length() - lead.length();
            int end = start;
            while (end < buffer.length() && !Character.isWhitespace(buffer.charAt(end))) {
                end++;
            }
            add(out, 0, start, Style.PLAIN);
            add(out, start, end, Style.META);
            if (!lead.startsWith(":ast")) {
                add(out, end, buffer.length(), Style.PLAIN);
                return out;
            }
            offset = end;
        }
        Set<String> names = declared.get();
        QflLexer lexer = new QflLexer(CharStreams.fromString(buffer.substring(offset)));
        lexer.removeErrorListeners();
        int covered = offset;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            // the lexer counts code points, the buffer UTF-16 units: clamp so astral characters cannot overrun
            int start = Math.max(covered, Math.min(buffer.length(), offset + t.getStartIndex()));
            int end = Math.max(start, Math.min(buffer.length(), offset + t.getStopIndex() + 1));
            add(out, covered, start, Style.PLAIN);
            add(out, start, end, style(t, names));
            covered = end;
        }
        add(out, covered, buffer.length(), Style.PLAIN);
        return out;
    }

    private Style style(Token t, Set<String> names) {
        int type = t.getType();
        if (LanguageWords.isKeyword(type)) {
            return Style.KEYWORD;
        }
        return switch (type) {
            case QflLexer.STRING -> Style.STRING;
            case QflLexer.NUMBER, QflLexer.DURATION -> Style.NUMBER;
            case QflLexer.COMMENT -> Style.COMMENT;
            case QflLexer.UNTERMINATED_STRING, QflLexer.UNRECOGNIZED -> Style.ERROR;
            case QflLexer.IDENTIFIER -> names.contains(t.getText()) ? Style.NAME
                    : words.isFunction(t.getText()) ? Style.FUNCTION : Style.PLAIN;
            default -> Style.PLAIN;
        };
    }

    /** Adds a span, merging it into the previous one when both have the same style. */
    private static void add(List<Span> out, int start, int end, Style style) {
        if (end <= start) {
            return;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).style() == style && out.get(out.size() - 1).end() == start) {
            out.set(out.size() - 1, new Span(out.get(out.size() - 1).start(), end, style));
            return;
        }
        out.add(new Span(start, end, style));
    }
}
