package dev.qfl.api;

import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.Diagnostics;
import dev.qfl.diag.SourceFile;
import dev.qfl.grammar.QflLexer;
import dev.qfl.stdlib.QflException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/** The checks and diagnostics of {@link QflSession#bind}: the problem is the call, not a line of a script. */
final class Bindings {
    private Bindings() {
    }

    /** Refuses a name scripts could not write (a keyword, a number) or one the session already has. */
    static void requireFreeName(String name, Set<String> taken) throws QflScriptException {
        SourceFile call = source(name);
        if (name == null || !isName(name)) {
            throw new QflScriptException(List.of(Diagnostic.error(DiagnosticCode.WRONG_ARGUMENTS, call, null,
                    "\"" + name + "\" cannot name a series: use letters, digits and _, not a keyword",
                    "e.g. bind(\"demand\", ...)")));
        }
        if (taken.contains(name)) {
            throw new QflScriptException(List.of(Diagnostic.error(DiagnosticCode.DUPLICATE_NAME, call, null,
                    "'" + name + "' is already defined in this session", "bind under another name")));
        }
    }

    static QflScriptException failed(String name, QflException e, Path baseDirectory) {
        return new QflScriptException(List.of(Diagnostics.fromLibrary(e, source(name), null, baseDirectory)), e);
    }

    private static SourceFile source(String name) {
        return new SourceFile("bind(" + name + ")", "");
    }

    /** One identifier token, as the lexer reads names in scripts (keywords are other tokens). */
    private static boolean isName(String name) {
        QflLexer lexer = new QflLexer(CharStreams.fromString(name));
        lexer.removeErrorListeners();
        Token first = lexer.nextToken();
        return first.getType() == QflLexer.IDENTIFIER && first.getText().equals(name)
                && lexer.nextToken().getType() == Token.EOF;
    }
}
