package dev.qfl.check;

import dev.qfl.ast.Expr;
import dev.qfl.ast.PartialExprVisitor;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.diag.Span;
import dev.qfl.stdlib.data.CovariateSpec;
import dev.qfl.stdlib.model.ModelKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * Checks the {@code with} clause of a what-if question, {@code using iq with promo = 1, price = price * 0.9}:
 * the model answering it must read future covariates, each assigned name must be one of its series'
 * dynamic covariates ({@code covariates:}; past and static ones have no future to change), named once,
 * and each value arithmetic on numbers known before running and the covariate's own planned value.
 * A checked value becomes a function of the planned value, which the run applies step by step.
 */
public final class WhatIfCheck {
    private final Checker checker;
    private final SourceFile file;
    private final Scope scope;

    WhatIfCheck(Checker checker, SourceFile file, Scope scope) {
        this.checker = checker;
        this.file = file;
        this.scope = scope;
    }

    private void error(DiagnosticCode code, Span at, String message, String... hints) {
        checker.add(Diagnostic.error(code, file, at, message, hints));
    }

    /** The checked assignments, or empty after reporting what is wrong. */
    Optional<List<ResolvedQuery.WhatIf>> check(List<Expr.WhatIf> clauses, Symbol.ModelSymbol model, String series) {
        Span clause = clauses.get(0).span().to(clauses.get(clauses.size() - 1).span());
        CovariateSpec covariates = scope.lookup(series).filter(s -> s instanceof Symbol.SeriesSymbol)
                .map(s -> CovariateSpec.fromOptions(((Symbol.SeriesSymbol) s).options())).orElse(CovariateSpec.NONE);
        // a loaded model's kind is known only once it is read: the run checks it (WhatIfForecasts)
        boolean readsCovariates = model.modelKind() == null ? model.loadPath() != null
                : checker.models().find(model.modelKind()).map(ModelKind::usesCovariates).orElse(false);
        if (!readsCovariates) {
            error(DiagnosticCode.WHAT_IF_WITHOUT_COVARIATES, clause, "'with' changes future covariates, and "
                    + model.name() + " (" + model.modelKind() + ") does not use covariates",
                    "ask a model that does: iqf, mqf2, sqf, gaussian, quantreg or arima on a series read with covariates:");
            return Optional.empty();
        }
        if (covariates.dynamic().isEmpty()) {
            error(DiagnosticCode.WHAT_IF_WITHOUT_COVARIATES, clause, "'with' changes future covariates, and "
                    + series + " was read without any", "name the columns known ahead when reading it, e.g. "
                    + "csv(..., covariates: [\"promo\"])");
            return Optional.empty();
        }
        List<ResolvedQuery.WhatIf> out = new ArrayList<>();
        Set<String> assigned = new HashSet<>();
        boolean ok = true;
        for (Expr.WhatIf w : clauses) {
            String name = w.covariate().name();
            if (!covariates.dynamic().contains(name)) {
                error(DiagnosticCode.UNKNOWN_WHAT_IF_COVARIATE, w.covariate().span(), notDynamic(name, series, covariates),
                        hint(name, covariates));
                ok = false;
            } else if (!assigned.add(name)) {
                error(DiagnosticCode.DUPLICATE_WHAT_IF, w.covariate().span(), "covariate '" + name
                        + "' is assigned twice in this 'with'", "give each covariate one value");
                ok = false;
            } else {
                Optional<DoubleUnaryOperator> change = value(w.value(), name, covariates.dynamic());
                if (change.isPresent()) {
                    String text = file.text().substring(w.span().start(), w.span().end()).replaceAll("\\s+", " ");
                    out.add(new ResolvedQuery.WhatIf(name, change.get(), text, w.span()));
                } else {
                    ok = false;
                }
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static String notDynamic(String name, String series, CovariateSpec covariates) {
        if (covariates.past().contains(name)) {
            return "'" + name + "' is a past covariate of " + series + ", known only up to now: it has no future to change";
        }
        if (covariates.statics().contains(name)) {
            return "'" + name + "' is a static attribute of " + series + ", not a covariate with future values";
        }
        return series + " has no covariate '" + name + "'";
    }

    private static String hint(String name, CovariateSpec covariates) {
        String close = Suggestions.didYouMean(name, covariates.dynamic());
        String known = "its covariates known ahead: " + String.join(", ", covariates.dynamic());
        return close != null ? close + " (" + known + ")" : known;
    }

    /**
     * The value as a function of the covariate's planned value: numbers, names of numbers known
     * before running, the covariate's own name, unary minus and + - * /. Anything else is refused
     * where it is written.
     */
    private Optional<DoubleUnaryOperator> value(Expr e, String own, List<String> dynamic) {
        return e.accept(new ValueOf(own, dynamic));
    }

    /**
     * Compiles one what-if value. A visitor, so each kind of expression is decided in its own
     * method; the kinds it does not name (strings, calls, comparisons, ...) are refused in
     * {@link #otherwise}.
     */
    private final class ValueOf extends PartialExprVisitor<Optional<DoubleUnaryOperator>> {
        private final String own;
        private final List<String> dynamic;

        ValueOf(String own, List<String> dynamic) {
            this.own = own;
            this.dynamic = dynamic;
        }

        @Override
        public Optional<DoubleUnaryOperator> visitNumberLit(Expr.NumberLit n) {
            double v = n.value().doubleValue();
            return Optional.of(x -> v);
        }

        @Override
        public Optional<DoubleUnaryOperator> visitName(Expr.Name n) {
            if (n.name().equals(own)) {
                return Optional.of(x -> x);
            }
            if (dynamic.contains(n.name())) {
                error(DiagnosticCode.BAD_WHAT_IF_VALUE, n.span(), "the value of " + own + " may use " + own
                        + "'s own planned value, not " + n.name() + "'s", "e.g. " + own + " = " + own + " * 0.9");
                return Optional.empty();
            }
            Optional<BigDecimal> constant = Constants.number(n, scope);
            if (constant.isPresent()) {
                double v = constant.get().doubleValue();
                return Optional.of(x -> v);
            }
            error(DiagnosticCode.BAD_WHAT_IF_VALUE, n.span(), "'" + n.name() + "' is neither " + own
                    + "'s planned value nor a number known before running", "e.g. " + own + " = " + own + " * 0.9");
            return Optional.empty();
        }

        @Override
        public Optional<DoubleUnaryOperator> visitUnary(Expr.Unary u) {
            if (u.op() != Expr.UnaryOp.NEGATE) {
                return otherwise(u);
            }
            return u.operand().accept(this).map(f -> x -> -f.applyAsDouble(x));
        }

        @Override
        public Optional<DoubleUnaryOperator> visitBinary(Expr.Binary b) {
            if (!arithmetic(b.op())) {
                return otherwise(b);
            }
            Optional<DoubleUnaryOperator> left = b.left().accept(this);
            Optional<DoubleUnaryOperator> right = b.right().accept(this);
            if (left.isEmpty() || right.isEmpty()) {
                return Optional.empty();
            }
            DoubleUnaryOperator l = left.get();
            DoubleUnaryOperator r = right.get();
            Expr.BinaryOp op = b.op();
            return Optional.of(x -> combine(op, l.applyAsDouble(x), r.applyAsDouble(x)));
        }

        @Override
        protected Optional<DoubleUnaryOperator> otherwise(Expr e) {
            error(DiagnosticCode.BAD_WHAT_IF_VALUE, e.span(), "the value of a covariate in 'with' is a number or "
                    + "arithmetic on " + own + "'s planned value", "e.g. " + own + " = 1 or " + own + " = " + own + " * 0.9");
            return Optional.empty();
        }
    }

    private static boolean arithmetic(Expr.BinaryOp op) {
        return op == Expr.BinaryOp.ADD || op == Expr.BinaryOp.SUB || op == Expr.BinaryOp.MUL || op == Expr.BinaryOp.DIV;
    }

    private static double combine(Expr.BinaryOp op, double a, double b) {
        if (op == Expr.BinaryOp.ADD) {
            return a + b;
        }
        if (op == Expr.BinaryOp.SUB) {
            return a - b;
        }
        return op == Expr.BinaryOp.MUL ? a * b : a / b;
    }
}
