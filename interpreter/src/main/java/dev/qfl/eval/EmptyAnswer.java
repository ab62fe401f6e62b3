package dev.qfl.eval;

import dev.qfl.ast.ConditionVisitor;
import dev.qfl.ast.Expr;
import dev.qfl.check.Constants;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.check.Scope;
import dev.qfl.check.Suggestions;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.table.Table;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Explains an empty answer to a query with a {@code where}: a mistyped id ({@code "SKU-0O1"}) or a
 * date off the forecast grid selects nothing, and a bare "(0 rows)" looks like a real answer. The
 * warning names the closest existing id or the nearest forecast date; the empty table is still
 * printed (an empty answer can be right, e.g. in a script run on new data).
 */
final class EmptyAnswer {
    /** Ids listed at most in a hint. */
    private static final int IDS_SHOWN = 6;

    private EmptyAnswer() {
    }

    static Optional<Diagnostic> explain(ResolvedQuery q, Table answer, ForecastSet forecast, Scope scope,
                                        SourceFile file) {
        if (answer.rowCount() > 0 || q.condition() == null || forecast.series().isEmpty()) {
            return Optional.empty(); // no series at all is reported as the series left out, not as the condition
        }
        List<String> ids = forecast.series().stream().map(SeriesForecast::id).toList();
        TreeSet<LocalDateTime> grid = new TreeSet<>();
        boolean hasDate = q.kind().columnNames().contains("date");
        // the whole forecast grid, not only the steps the condition allows: the hint says what exists
        int steps = forecast.horizon();
        for (SeriesForecast s : forecast.series()) {
            for (int h = 1; h <= Math.min(steps, s.horizon()); h++) {
                grid.add(s.timeAt(h));
            }
        }
        Set<String> hints = new LinkedHashSet<>();
        for (Equality test : tests(q.condition(), scope)) {
            String column = test.column();
            String value = test.value();
            Optional<ForecastSet.Skipped> skipped = forecast.skipped().stream().filter(k -> k.id().equals(value)).findFirst();
            if (column.equals("id") && skipped.isPresent()) {
                hints.add("series \"" + value + "\" is left out of " + q.model() + "'s answers: " + skipped.get().reason());
            } else if (column.equals("id") && !ids.contains(value)) {
                List<String> known = new ArrayList<>(ids);
                forecast.skipped().forEach(k -> known.add(k.id()));
                hints.add("no series has id \"" + value + "\"" + Suggestions.nearest(value, known)
                        .map(c -> "; the closest is \"" + c + "\"").orElse(""));
            } else if (column.equals("date") && hasDate && !grid.isEmpty()) {
                parse(value).filter(t -> !grid.contains(t)).ifPresent(t -> hints.add("\"" + value
                        + "\" is not a forecast date; the nearest is " + show(nearest(grid, t), forecast)));
            }
        }
        if (hints.isEmpty()) {
            List<String> shown = ids.stream().limit(IDS_SHOWN).toList();
            hints.add("the forecast has ids " + String.join(", ", shown) + (ids.size() > shown.size() ? ", ..." : "")
                    + (hasDate && !grid.isEmpty() ? "; dates " + show(grid.first(), forecast) + " to "
                    + show(grid.last(), forecast) : "") + (steps > 0 ? "; horizon 1.." + steps : ""));
        }
        return Optional.of(Diagnostic.warning(DiagnosticCode.EMPTY_SELECTION, file, q.condition().span(),
                "this condition selected no row of the answer", hints.toArray(String[]::new)));
    }

    /** A test of the id or date column against a string. */
    private record Equality(String column, String value) {
    }

    /**
     * The equality tests of a condition on id or date, at any depth under {@code and}/{@code or}:
     * {@code id == "x"}, {@code date in [...]}. Only these name a value that can be looked up; a
     * negation, an order comparison or a range names none, so they add no test.
     */
    private static List<Equality> tests(Expr e, Scope scope) {
        return e.accept(new EqualityTests(scope));
    }

    /** Collects {@link Equality} tests; a new condition shape must be decided here (ConditionVisitor). */
    private static final class EqualityTests extends ConditionVisitor<List<Equality>> {
        private final Scope scope;

        EqualityTests(Scope scope) {
            this.scope = scope;
        }

        @Override
        protected List<Equality> and(Expr.Binary b) {
            return both(b);
        }

        @Override
        protected List<Equality> or(Expr.Binary b) {
            return both(b);
        }

        private List<Equality> both(Expr.Binary b) {
            List<Equality> out = new ArrayList<>(b.left().accept(this));
            out.addAll(b.right().accept(this));
            return out;
        }

        @Override
        protected List<Equality> not(Expr.Unary u) {
            return List.of(); // "not id == x" names an id to avoid, not one to find
        }

        @Override
        protected List<Equality> comparison(Expr.Binary b) {
            if (b.op() != Expr.BinaryOp.EQ) {
                return List.of();
            }
            String column = column(b.left(), scope).or(() -> column(b.right(), scope)).orElse(null);
            Expr other = column(b.left(), scope).isPresent() ? b.right() : b.left();
            if (column != null && Constants.fold(other, scope).orElse(null) instanceof String s) {
                return List.of(new Equality(column, s));
            }
            return List.of();
        }

        @Override
        protected List<Equality> inRange(Expr.InRange r) {
            return List.of();
        }

        @Override
        protected List<Equality> inList(Expr.InList l) {
            Optional<String> column = column(l.value(), scope);
            List<Equality> out = new ArrayList<>();
            if (column.isPresent()) {
                for (Expr item : l.list().elements()) {
                    if (Constants.fold(item, scope).orElse(null) instanceof String s) {
                        out.add(new Equality(column.get(), s));
                    }
                }
            }
            return out;
        }

        @Override
        protected List<Equality> otherwise(Expr e) {
            return List.of();
        }
    }

    private static Optional<String> column(Expr e, Scope scope) {
        return e instanceof Expr.Name n && (n.name().equals("id") || n.name().equals("date"))
                && scope.lookup(n.name()).isEmpty() ? Optional.of(n.name()) : Optional.empty();
    }

    /** A date constant as the row filter reads it (its first ten characters, at midnight). */
    private static Optional<LocalDateTime> parse(String s) {
        try {
            return Optional.of(LocalDate.parse(s.substring(0, Math.min(10, s.length()))).atStartOfDay());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static LocalDateTime nearest(TreeSet<LocalDateTime> grid, LocalDateTime t) {
        return grid.stream().min(Comparator.comparing((LocalDateTime g) -> Duration.between(g, t).abs())).orElseThrow();
    }

    private static String show(LocalDateTime t, ForecastSet forecast) {
        return String.valueOf(QueryRunner.dateCell(forecast.series().get(0).frequency(), t));
    }
}
