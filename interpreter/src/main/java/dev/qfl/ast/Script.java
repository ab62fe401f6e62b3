package dev.qfl.ast;

import dev.qfl.diag.Span;
import java.util.List;

/** A whole script or one REPL entry: statements in order. */
public record Script(List<Statement> statements, Span span) implements Node {
    public Script {
        statements = List.copyOf(statements);
    }
}
