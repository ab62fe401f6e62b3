package dev.qfl.ast;

import dev.qfl.diag.Span;

/** A name as written, with its position (declarations, references in statements, option names). */
public record Identifier(String name, Span span) implements Node {
}
