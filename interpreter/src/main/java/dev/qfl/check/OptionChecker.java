package dev.qfl.check;

import dev.qfl.ast.Expr;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.model.OptionSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Validates {@code name: value} arguments against a function's option specs: unknown names (with
 * a "did you mean"), duplicates, value kinds, ranges and required options. Produces plain Java
 * values (Integer, Double, Boolean, String, Duration, List of Double) for the ones that pass.
 */
final class OptionChecker {
    private final SourceFile file;
    private final Scope scope;
    private final Consumer<Diagnostic> report;

    OptionChecker(SourceFile file, Scope scope, Consumer<Diagnostic> report) {
        this.file = file;
        this.scope = scope;
        this.report = report;
    }

    Map<String, Object> check(String function, Expr.Call call, List<OptionSpec> specs) {
        Map<String, OptionSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Expr.Argument> seen = new HashMap<>();
        for (Expr.Argument arg : call.named()) {
            String name = arg.name().name();
            OptionSpec spec = byName.get(name);
            if (spec == null) {
                String hint = Suggestions.didYouMean(name, byName.keySet());
                report.accept(hint != null
                        ? Diagnostic.error(DiagnosticCode.UNKNOWN_OPTION, file, arg.name().span(),
                        function + " has no option '" + name + "'", hint)
                        : Diagnostic.error(DiagnosticCode.UNKNOWN_OPTION, file, arg.name().span(),
                        function + " has no option '" + name + "'", "its options are: " + String.join(", ", byName.keySet())));
                continue;
            }
            if (seen.put(name, arg) != null) {
                report.accept(Diagnostic.error(DiagnosticCode.DUPLICATE_OPTION, file, arg.name().span(),
                        "option '" + name + "' is given twice"));
                continue;
            }
            Object v = value(function, spec, arg.value());
            if (v != null) {
                values.put(name, v);
            }
        }
        for (OptionSpec s : specs) {
            if (s.required() && !seen.containsKey(s.name())) {
                report.accept(Diagnostic.error(DiagnosticCode.MISSING_OPTION, file, call.callee().span(),
                        function + " needs the option '" + s.name() + "'", "add " + s.name() + ": <" + s.help() + ">"));
            }
        }
        return values;
    }

    private Object value(String function, OptionSpec spec, Expr expr) {
        if (expr instanceof Expr.Name n && spec.choices().contains(n.name())) {
            return spec.type() == dev.qfl.stdlib.model.OptionType.NAMES ? List.of(n.name()) : n.name();
        }
        Object constant = Constants.fold(expr, scope).orElse(null);
        String what = function + "'s option '" + spec.name() + "'";
        switch (spec.type()) {
            case INTEGER: {
                if (constant instanceof BigDecimal d && Constants.isWhole(d)) {
                    return inRange(spec, d, expr, what) ? Integer.valueOf(d.intValueExact()) : null;
                }
                return wrong(what, "a whole number", expr, spec);
            }
            case NUMBER: {
                if (constant instanceof BigDecimal d && Double.isInfinite(d.doubleValue())) {
                    report.accept(Diagnostic.error(DiagnosticCode.OPTION_OUT_OF_RANGE, file, expr.span(), what + " is "
                            + LevelRule.show(d) + ", beyond the range of numbers QFL computes with (about 1.8e308)"));
                    return null;
                }
                if (constant instanceof BigDecimal d) {
                    return inRange(spec, d, expr, what) ? Double.valueOf(d.doubleValue()) : null;
                }
                return wrong(what, spec.choices().isEmpty() ? "a number" : "a number or " + words(spec), expr, spec);
            }
            case BOOLEAN:
                return constant instanceof Boolean b ? b : wrong(what, "true or false", expr, spec);
            case STRING:
                return constant instanceof String s ? s : wrong(what, "a quoted string", expr, spec);
            case DURATION:
                return constant instanceof Duration d && !d.isZero() && !d.isNegative()
                        ? d : wrong(what, "a duration such as 10m or 2h", expr, spec);
            case SYMBOL: {
                if (expr instanceof Expr.Name n) {
                    String hint = Suggestions.didYouMean(n.name(), spec.choices());
                    report.accept(Diagnostic.error(DiagnosticCode.OPTION_OUT_OF_RANGE, file, expr.span(),
                            what + " cannot be '" + n.name() + "'",
                            hint != null ? hint : "choose one of: " + String.join(", ", spec.choices())));
                    return null;
                }
                return wrong(what, "one of " + words(spec), expr, spec);
            }
            case LEVELS:
                return levels(what, expr, constant, spec);
            case NAMES:
                return names(what, expr, spec);
            case INTEGERS:
                return integers(what, expr, constant, spec);
            default:
                throw new IllegalStateException("unhandled option type " + spec.type());
        }
    }

    /** A list of whole numbers, each in the spec's range. */
    private Object integers(String what, Expr expr, Object constant, OptionSpec spec) {
        if (constant instanceof List<?> none && none.isEmpty()) {
            return empty(what, expr, spec);
        }
        if (!(constant instanceof List<?> raw)) {
            return wrong(what, "a list of whole numbers such as " + example(spec), expr, spec);
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Expr at = expr instanceof Expr.ListLit l ? l.elements().get(i) : expr;
            if (!(raw.get(i) instanceof BigDecimal d) || !Constants.isWhole(d)) {
                return wrong(what, "a list of whole numbers such as " + example(spec), at, spec);
            }
            if (!inRange(spec, d, at, what)) {
                return null;
            }
            out.add(d.intValueExact());
        }
        return List.copyOf(out);
    }

    /** A list of bare words, each one of the spec's choices, without repeats. */
    private Object names(String what, Expr expr, OptionSpec spec) {
        if (expr instanceof Expr.ListLit none && none.elements().isEmpty()) {
            return empty(what, expr, spec);
        }
        if (!(expr instanceof Expr.ListLit list)) {
            return wrong(what, "a list of names such as " + example(spec), expr, spec);
        }
        List<String> out = new ArrayList<>();
        for (Expr e : list.elements()) {
            if (!(e instanceof Expr.Name n)) {
                return wrong(what, "a list of names such as " + example(spec), e, spec);
            }
            if (!spec.choices().contains(n.name())) {
                String hint = Suggestions.didYouMean(n.name(), spec.choices());
                report.accept(Diagnostic.error(DiagnosticCode.OPTION_OUT_OF_RANGE, file, e.span(),
                        what + " cannot include '" + n.name() + "'",
                        hint != null ? hint : "choose from: " + String.join(", ", spec.choices())));
                return null;
            }
            if (out.contains(n.name())) {
                report.accept(Diagnostic.error(DiagnosticCode.DUPLICATE_OPTION, file, e.span(),
                        "'" + n.name() + "' is listed twice in " + what));
                return null;
            }
            out.add(n.name());
        }
        return List.copyOf(out);
    }

    private Object levels(String what, Expr expr, Object constant, OptionSpec spec) {
        List<Object> raw = constant instanceof List<?> l ? new ArrayList<>(l)
                : constant instanceof RangeValue r && r.count() > 0 ? new ArrayList<>(r.values()) : null;
        if (raw != null && raw.isEmpty()) {
            return empty(what, expr, spec);
        }
        if (raw == null) {
            return wrong(what, "a list of levels such as [0.1, 0.5, 0.9]", expr, spec);
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Expr at = expr instanceof Expr.ListLit l ? l.elements().get(i) : expr;
            if (!(raw.get(i) instanceof BigDecimal d) || d.signum() <= 0 || d.compareTo(BigDecimal.ONE) >= 0) {
                report.accept(Diagnostic.error(DiagnosticCode.LEVEL_OUT_OF_RANGE, file, at.span(), "level "
                        + (raw.get(i) instanceof BigDecimal b ? LevelRule.show(b) : raw.get(i)) + " in " + what
                        + " is outside (0, 1)"));
                return null;
            }
            if (LevelRule.rounding(d) != null) {
                report.accept(Diagnostic.error(DiagnosticCode.LEVEL_OUT_OF_RANGE, file, at.span(),
                        "level " + LevelRule.show(d) + " in " + what + " " + LevelRule.rounding(d), LevelRule.roundingHint(d)));
                return null;
            }
            out.add(d.doubleValue());
        }
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i) <= out.get(i - 1)) {
                report.accept(Diagnostic.error(DiagnosticCode.OPTION_OUT_OF_RANGE, file, expr.span(),
                        "the levels of " + what + " must be strictly increasing"));
                return null;
            }
        }
        return List.copyOf(out);
    }

    private boolean inRange(OptionSpec spec, BigDecimal d, Expr expr, String what) {
        double v = d.doubleValue();
        if ((spec.min() != null && v < spec.min()) || (spec.max() != null && v > spec.max())) {
            report.accept(Diagnostic.error(DiagnosticCode.OPTION_OUT_OF_RANGE, file, expr.span(),
                    what + " is " + d.toPlainString() + ", outside " + bounds(spec)));
            return false;
        }
        return true;
    }

    /** An empty list where the option needs at least one value: leaving the option out is how to ask for its default. */
    private Object empty(String what, Expr expr, OptionSpec spec) {
        report.accept(Diagnostic.error(DiagnosticCode.OPTION_OUT_OF_RANGE, file, expr.span(),
                what + " is an empty list; it needs at least one value",
                "e.g. " + spec.name() + ": " + example(spec) + ", or leave the option out for its default"));
        return null;
    }

    private Object wrong(String what, String expected, Expr expr, OptionSpec spec) {
        report.accept(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, expr.span(),
                what + " expects " + expected, "e.g. " + spec.name() + ": " + example(spec)));
        return null;
    }

    private static String words(OptionSpec spec) {
        return String.join(", ", spec.choices());
    }

    private static String bounds(OptionSpec spec) {
        String lo = spec.min() == null ? "-∞" : trim(spec.min());
        String hi = spec.max() == null ? "∞" : trim(spec.max());
        return "[" + lo + ", " + hi + "]";
    }

    private static String trim(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String example(OptionSpec spec) {
        if (spec.defaultValue() != null) {
            Object d = spec.defaultValue();
            return d instanceof String s && spec.type() == dev.qfl.stdlib.model.OptionType.STRING ? "\"" + s + "\"" : String.valueOf(d);
        }
        return switch (spec.type()) {
            case INTEGER -> spec.min() != null ? trim(Math.max(1, spec.min())) : "1";
            case NUMBER -> "0.5";
            case BOOLEAN -> "true";
            case STRING -> "\"...\"";
            case DURATION -> "10m";
            case SYMBOL -> spec.choices().get(0);
            case LEVELS -> "[0.1, 0.5, 0.9]";
            case INTEGERS -> "[1, 1, 0]";
            case NAMES -> "[" + String.join(", ", spec.choices().subList(0, Math.min(2, spec.choices().size()))) + "]";
        };
    }
}
