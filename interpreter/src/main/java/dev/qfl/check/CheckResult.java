package dev.qfl.check;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Script;
import dev.qfl.ast.Statement;
import dev.qfl.diag.Diagnostic;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checker's findings for a script: diagnostics, the symbol each statement defines, and the
 * resolution of every query (keyed by node identity; the AST itself is never annotated).
 *
 * @param script      the checked script
 * @param diagnostics errors and warnings in source order
 * @param defined     per statement (same order): the symbol it defines, or null
 * @param queries     resolved queries by their AST node
 * @param evaluations resolved {@code evaluate} expressions by their AST node
 * @param scope       the scope after the whole script
 */
public record CheckResult(Script script, List<Diagnostic> diagnostics, List<Symbol> defined,
                          Map<Expr, ResolvedQuery> queries, Map<Expr, ResolvedEvaluate> evaluations, Scope scope) {

    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
        defined = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(defined));
        queries = java.util.Collections.unmodifiableMap(new IdentityHashMap<>(queries));
        evaluations = java.util.Collections.unmodifiableMap(new IdentityHashMap<>(evaluations));
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public Optional<ResolvedQuery> query(Expr node) {
        return Optional.ofNullable(queries.get(node));
    }

    public Optional<ResolvedEvaluate> evaluation(Expr node) {
        return Optional.ofNullable(evaluations.get(node));
    }

    /** The symbol defined by the statement at {@code index}, if any. */
    public Optional<Symbol> definedBy(int index) {
        return Optional.ofNullable(defined.get(index));
    }

    public Statement statement(int index) {
        return script.statements().get(index);
    }
}
