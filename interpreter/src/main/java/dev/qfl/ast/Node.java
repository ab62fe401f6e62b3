package dev.qfl.ast;

import dev.qfl.diag.Span;

/** Every AST node knows where it came from in the source. */
public interface Node {
    Span span();
}
