package dev.qfl.syntax;

import dev.qfl.ast.Script;
import dev.qfl.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of parsing: a syntax tree when the text is well formed, otherwise the syntax
 * diagnostics.
 *
 * @param script     the tree, or null when there were syntax errors
 * @param diagnostics syntax errors (empty on success)
 * @param comments   the comments of the text, in order
 * @param incomplete true when the text ended in the middle of a statement (the REPL then asks for
 *                   another line instead of reporting an error)
 */
public record ParseResult(Script script, List<Diagnostic> diagnostics, boolean incomplete, List<Comment> comments) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
        comments = List.copyOf(comments);
    }

    /** A {@code # comment}, kept so the formatter can put it back. */
    public record Comment(String text, int offset, int line) {
    }

    public Optional<Script> tree() {
        return Optional.ofNullable(script);
    }

    public boolean ok() {
        return script != null;
    }
}
