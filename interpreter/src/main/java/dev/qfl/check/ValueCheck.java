package dev.qfl.check;

import dev.qfl.ast.Expr;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.format.Formatter;
import dev.qfl.stdlib.model.ModelRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks an expression used as a value (of let, export, plot NAME, or a statement on its own) and
 * says what kind of value it is. One case per kind of expression, so a new kind is a compile
 * error here until it is given a meaning as a value.
 */
final class ValueCheck implements Expr.Visitor<ValueKind> {
    private final Checker checker;
    private final SourceFile file;
    private final Scope scope;
    private final ModelRegistry models;

    ValueCheck(Checker checker, SourceFile file, Scope scope, ModelRegistry models) {
        this.checker = checker;
        this.file = file;
        this.scope = scope;
        this.models = models;
    }

    private void report(Diagnostic d) {
        checker.add(d);
    }

    @Override
    public ValueKind visitEvaluate(Expr.Evaluate v) {
        return new EvaluateChecker(checker, file, scope).check(v) ? ValueKind.TABLE : ValueKind.ERROR;
    }

    @Override
    public ValueKind visitQuery(Expr.Query q) {
        // `let s = csv(...)` parses as a question without clauses; say what the call is for instead
        if (q.bare() && q.body() instanceof Expr.Call c && QueryKind.byFunction(c.callee().name()).isEmpty()) {
            return misplacedCall(c);
        }
        return new QueryChecker(checker, file, scope).query(q) ? ValueKind.TABLE : ValueKind.ERROR;
    }

    /** Not reached from a parsed script, where a call in a value's place is already a query. */
    @Override
    public ValueKind visitCall(Expr.Call c) {
        return visitQuery(Expr.Query.of(c));
    }

    @Override
    public ValueKind visitName(Expr.Name n) {
        Optional<Symbol> s = scope.lookup(n.name());
        if (s.isEmpty()) {
            checker.undefined(n, scope);
            return ValueKind.ERROR;
        }
        return s.get().kind();
    }

    @Override
    public ValueKind visitNumberLit(Expr.NumberLit n) {
        return ValueKind.NUMBER;
    }

    @Override
    public ValueKind visitBinary(Expr.Binary b) {
        if (b.op().isComparison() || b.op() == Expr.BinaryOp.AND || b.op() == Expr.BinaryOp.OR) {
            return condition(b);
        }
        return Constants.fold(b, scope).isPresent() ? ValueKind.NUMBER : notConstant(b);
    }

    @Override
    public ValueKind visitUnary(Expr.Unary u) {
        if (u.op() == Expr.UnaryOp.NOT) {
            return condition(u);
        }
        return Constants.fold(u, scope).isPresent() ? ValueKind.NUMBER : notConstant(u);
    }

    @Override
    public ValueKind visitStringLit(Expr.StringLit s) {
        return ValueKind.STRING;
    }

    @Override
    public ValueKind visitBoolLit(Expr.BoolLit b) {
        return ValueKind.BOOLEAN;
    }

    @Override
    public ValueKind visitDurationLit(Expr.DurationLit d) {
        return ValueKind.DURATION;
    }

    @Override
    public ValueKind visitListLit(Expr.ListLit l) {
        return Constants.fold(l, scope).isPresent() ? ValueKind.LIST : notConstant(l);
    }

    @Override
    public ValueKind visitRange(Expr.Range r) {
        return Constants.fold(r, scope).isPresent() ? ValueKind.RANGE : notConstant(r);
    }

    @Override
    public ValueKind visitAggregate(Expr.Aggregate a) {
        report(Diagnostic.error(DiagnosticCode.NOT_A_QUERY, file, a.span(),
                a.function().name() + "(... over ...) is asked inside a query",
                "e.g. quantile(" + Formatter.expr(a) + ", 0.95) using MODEL"));
        return ValueKind.ERROR;
    }

    @Override
    public ValueKind visitInRange(Expr.InRange r) {
        return condition(r);
    }

    @Override
    public ValueKind visitInList(Expr.InList l) {
        return condition(l);
    }

    private ValueKind condition(Expr e) {
        report(Diagnostic.error(DiagnosticCode.NOT_A_QUERY, file, e.span(),
                "a condition only makes sense after 'where' in a query",
                "e.g. quantile(demand, 0.9) where horizon <= 3"));
        return ValueKind.ERROR;
    }

    private ValueKind notConstant(Expr e) {
        report(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, e.span(),
                "this value must be known before running: use numbers, strings, lists and ranges"));
        return ValueKind.ERROR;
    }

    /** A call that asks no question: a data source or a model kind that was not named, or a typo. */
    private ValueKind misplacedCall(Expr.Call c) {
        String name = c.callee().name();
        if (SeriesSources.ALL.contains(name)) {
            report(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, c.span(), name + "(...) reads a series and must be named",
                    "write: series NAME = " + name + "(...)"));
        } else if (models.find(name).isPresent()) {
            report(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, c.span(), name + "(...) makes a model and must be named",
                    "write: model NAME = " + name + "(...)"));
        } else {
            List<String> known = new ArrayList<>(QueryKind.functions());
            String hint = Suggestions.didYouMean(name, known);
            report(Diagnostic.error(DiagnosticCode.UNKNOWN_FUNCTION, file, c.callee().span(),
                    "there is no function '" + name + "'",
                    hint != null ? hint : "queries: " + String.join(", ", known)));
        }
        return ValueKind.ERROR;
    }
}
