package dev.qfl.syntax;

import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.diag.Span;
import dev.qfl.grammar.QflLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's syntax errors into QFL diagnostics with plain-language messages ("expected ')'",
 * "expected an expression") instead of token-set dumps. Only the first error on a line is kept:
 * later ones on the same line are nearly always echoes of the first.
 */
final class SyntaxErrorCollector extends BaseErrorListener {
    private static final int MAX_ERRORS = 20;
    private final SourceFile file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int lastLine = -1;
    private boolean reachedEnd;

    SyntaxErrorCollector(SourceFile file) {
        this.file = file;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Whether some error was caused by the input stopping early. */
    boolean reachedEnd() {
        return reachedEnd;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        Token token = offendingSymbol instanceof Token t ? t : null;
        if (token != null && token.getType() == Token.EOF) {
            reachedEnd = true;
        }
        if (line == lastLine || diagnostics.size() >= MAX_ERRORS) {
            return;
        }
        lastLine = line;
        Span span = token == null
                ? file.spanAt(offsetOf(line, charPositionInLine), 1)
                : file.spanAt(token.getStartIndex(), Math.max(1, token.getStopIndex() - token.getStartIndex() + 1));
        if (token != null && token.getType() == QflLexer.UNTERMINATED_STRING) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.UNTERMINATED_STRING, file, file.spanAt(token.getStartIndex(), 1),
                    "this string has no closing '\"'", "strings end on the same line they start"));
            return;
        }
        if (token != null && token.getType() == QflLexer.UNRECOGNIZED) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.BAD_CHARACTER, file, span,
                    "the character '" + token.getText() + "' is not part of QFL",
                    "comments start with '#'"));
            return;
        }
        String found = token == null ? "this" : describeFound(token);
        String expected = recognizer instanceof Parser p ? describeExpected(p, e) : null;
        if (token != null && recognizer instanceof Parser p && expressionExpectedBefore(p, token)) {
            expected = "an expression";
        }
        String message = expected == null ? "unexpected " + found : "expected " + expected + ", found " + found;
        diagnostics.add(Diagnostic.error(DiagnosticCode.SYNTAX, file, span, message));
    }

    private int offsetOf(int line, int column) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            offset += file.line(l).length() + 1;
        }
        return offset + column;
    }

    /**
     * After '(' '[' ',' ':' or an operator an expression must follow; when a separator or closing
     * bracket comes instead, ANTLR's expected set describes the enclosing list, which misleads.
     */
    private static boolean expressionExpectedBefore(Parser parser, Token token) {
        int t = token.getType();
        if (t != QflLexer.COMMA && t != QflLexer.RPAREN && t != QflLexer.RBRACK) {
            return false;
        }
        int index = token.getTokenIndex() - 1;
        var stream = parser.getTokenStream();
        while (index >= 0 && stream.get(index).getChannel() != Token.DEFAULT_CHANNEL) {
            index--;
        }
        if (index < 0) {
            return false;
        }
        int prev = stream.get(index).getType();
        return prev == QflLexer.LPAREN || prev == QflLexer.LBRACK || prev == QflLexer.COMMA || prev == QflLexer.COLON
                || prev == QflLexer.PLUS || prev == QflLexer.MINUS || prev == QflLexer.STAR || prev == QflLexer.SLASH
                || prev == QflLexer.EQ || prev == QflLexer.NEQ || prev == QflLexer.LT || prev == QflLexer.LE
                || prev == QflLexer.GT || prev == QflLexer.GE || prev == QflLexer.DOTDOT;
    }

    private static String describeFound(Token token) {
        if (token.getType() == Token.EOF) {
            return "the end of the input";
        }
        return "'" + token.getText() + "'";
    }

    private static String describeExpected(Parser parser, RecognitionException e) {
        IntervalSet expected;
        try {
            expected = e != null && (e instanceof InputMismatchException || e instanceof NoViableAltException)
                    ? e.getExpectedTokens() : parser.getExpectedTokens();
        } catch (IllegalArgumentException ex) {
            return null;
        }
        if (expected == null || expected.isNil()) {
            return null;
        }
        Vocabulary vocab = parser.getVocabulary();
        Set<String> names = new TreeSet<>();
        boolean expression = false;
        boolean identifier = expected.contains(QflLexer.IDENTIFIER);
        for (int type : expected.toList()) {
            if (identifier && (type == QflLexer.STEP || type == QflLexer.INDEPENDENCE || type == QflLexer.BACKTEST
                    || type == QflLexer.TABLE)) {
                continue; // soft keywords are names here; listing them would only confuse
            }
            if (type == QflLexer.NUMBER || type == QflLexer.STRING || type == QflLexer.LPAREN
                    || type == QflLexer.LBRACK || type == QflLexer.MINUS) {
                expression = true;
            } else if (type == QflLexer.IDENTIFIER) {
                names.add("a name");
            } else if (type == Token.EOF) {
                names.add("the end of the statement");
            } else {
                names.add(vocab.getLiteralName(type) != null ? vocab.getLiteralName(type) : vocab.getDisplayName(type));
            }
        }
        if (expression) {
            return "an expression";
        }
        if (names.size() > 4) {
            return names.contains("'series'") ? "a statement" : null;
        }
        return String.join(" or ", names);
    }
}
