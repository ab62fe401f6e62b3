package dev.qfl.repl;

import dev.qfl.diag.SourceFile;
import dev.qfl.grammar.QflLexer;
import dev.qfl.syntax.ScriptParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Decides whether REPL input is a whole entry or needs another line: it does while a bracket is
 * open or the parser ran out of text in the middle of a statement ({@code quantile(demand, 0.9)
 * using}). A blank line ends an entry regardless, so input that can never be completed is
 * reported rather than waited on forever.
 */
public final class InputCompleteness {
    private InputCompleteness() {
    }

    /** True when {@code text} should continue on the next line. */
    public static boolean needsMore(String text) {
        if (text.isBlank() || text.strip().startsWith(":") || endsWithBlankLine(text)) {
            return false;
        }
        int depth = 0;
        QflLexer lexer = new QflLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            switch (t.getType()) {
                case QflLexer.LPAREN, QflLexer.LBRACK -> depth++;
                case QflLexer.RPAREN, QflLexer.RBRACK -> depth--;
                // a string cannot span lines: the error is reported now
                case QflLexer.UNTERMINATED_STRING -> {
                    return false;
                }
                default -> {
                }
            }
        }
        if (depth > 0) {
            return true;
        }
        return ScriptParser.parse(new SourceFile(ReplSession.SOURCE_NAME, text)).incomplete();
    }

    /** The user pressed Enter on an empty continuation line (lines are joined with '\n', no final break). */
    private static boolean endsWithBlankLine(String text) {
        int lastBreak = text.lastIndexOf('\n');
        return lastBreak >= 0 && text.substring(lastBreak + 1).isBlank();
    }
}
