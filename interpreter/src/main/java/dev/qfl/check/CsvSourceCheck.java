package dev.qfl.check;

import dev.qfl.ast.Expr;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.data.CsvOptions;
import dev.qfl.stdlib.data.DataShape;
import dev.qfl.stdlib.data.DateFormat;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks the options of {@code csv(...)} before anything runs: the ordinary ones against
 * {@link SeriesSources#CSV_OPTIONS}, and what a type alone cannot say about the shape options: an
 * {@code id:} that is one column or a list of distinct columns, a one-character {@code delimiter:},
 * a {@code date_format:} java.time can read dates with, a {@code decimal:} of {@code "."} or
 * {@code ","} that is not also the delimiter, and an {@code as_of:} date not after {@code until:}.
 * Whether the columns exist is known only from the file, which {@code qfl check} reads next.
 */
final class CsvSourceCheck {
    /** Columns of the answers, which key columns (one column each in the answers) must not shadow. */
    private static final Set<String> RESERVED = reserved();

    private final SourceFile file;
    private final Scope scope;
    private final Consumer<Diagnostic> report;

    CsvSourceCheck(SourceFile file, Scope scope, Consumer<Diagnostic> report) {
        this.file = file;
        this.scope = scope;
        this.report = report;
    }

    /** The checked options (a list {@code id:} as a List of String); problems are reported. */
    Map<String, Object> check(Expr.Call call) {
        Map<String, Object> options = new LinkedHashMap<>(new OptionChecker(file, scope, report)
                .check(SeriesSources.CSV, withoutIdList(call), SeriesSources.CSV_OPTIONS));
        idList(call, options);
        new CovariateOptionsCheck(file, scope, report).check(call, options);
        new FutureOptionCheck(file, scope, report).check(call, options);
        Map<String, Expr> at = new LinkedHashMap<>();
        call.named().forEach(a -> at.putIfAbsent(a.name().name(), a.value()));
        boolean wide = !options.containsKey("value") && at.get("value") == null;
        if (wide && at.containsKey("id") && options.get("id") instanceof List) {
            error(DiagnosticCode.BAD_ID_COLUMNS, at.get("id"), "a wide file (no value column) has one column per series,"
                    + " so id: does not apply", "give value: \"COLUMN\" for a long file");
        }
        String delimiter = text(options, "delimiter");
        if (delimiter != null && (delimiter.length() != 1 || "\"\r\n".contains(delimiter))) {
            error(DiagnosticCode.BAD_DELIMITER, at.get("delimiter"), delimiter.length() != 1
                    ? "delimiter is one character, not " + delimiter.length() : "a quote or line break cannot separate fields",
                    "e.g. delimiter: \";\" or delimiter: \"\\t\" (a tab)");
            options.remove("delimiter");
        }
        String decimal = text(options, "decimal");
        if (decimal != null && !decimal.equals(".") && !decimal.equals(",")) {
            error(DiagnosticCode.BAD_DECIMAL, at.get("decimal"), "decimal is \".\" or \",\", not \"" + decimal + "\"",
                    "numbers such as 12,5 need decimal: \",\"");
            options.remove("decimal");
        } else if (",".equals(decimal) && ",".equals(delimiter == null ? "," : delimiter)) {
            error(DiagnosticCode.BAD_DECIMAL, at.get("decimal"), "with a decimal comma, fields cannot be separated by "
                    + "commas too", "files with decimal commas are usually separated by semicolons: delimiter: \";\"");
            options.remove("decimal");
        }
        String pattern = text(options, "date_format");
        if (pattern != null) {
            Optional<String> problem = DateFormat.problem(pattern);
            problem.ifPresent(p -> {
                error(DiagnosticCode.BAD_DATE_FORMAT, at.get("date_format"), "date_format \"" + pattern
                        + "\" cannot read dates: " + p, "a java.time pattern such as \"dd.MM.yyyy\", \"MM/dd/yyyy\" "
                        + "or \"dd.MM.yyyy HH:mm\"");
                options.remove("date_format");
            });
        }
        String asOf = text(options, "as_of");
        if (asOf != null) {
            Optional<LocalDateTime> origin = DataShape.parseAsOf(asOf);
            Optional<LocalDateTime> until = options.get("until") instanceof String u ? CsvOptions.parseUntil(u)
                    : Optional.empty();
            if (origin.isEmpty()) {
                error(DiagnosticCode.BAD_AS_OF, at.get("as_of"), "as_of is an ISO date such as \"2024-06-24\" "
                        + "(or a date and time for hourly data)", null);
                options.remove("as_of");
            } else if (until.isPresent() && origin.get().isAfter(until.get())) {
                error(DiagnosticCode.BAD_AS_OF, at.get("as_of"), "as_of " + asOf + " is after until "
                        + options.get("until") + ": the rows in between are held out, so they cannot be taken as known",
                        "drop until:, or give an as_of no later than it");
                options.remove("as_of");
            }
        }
        return options;
    }

    /** The key columns of a list {@code id:}: quoted names, at least one, none twice. */
    /** The list-valued {@code id:} of a source call, if it has one. */
    private static Expr.Argument idListArgument(Expr.Call call) {
        return call.named().stream().filter(a -> a.name().name().equals("id") && a.value() instanceof Expr.ListLit)
                .findFirst().orElse(null);
    }

    /**
     * The call without its list-valued {@code id:}, for the option checker, which knows {@code id} as
     * one column name; {@link #idList} checks the list. Shared by every row source (csv, sql, parquet).
     */
    static Expr.Call withoutIdList(Expr.Call call) {
        call = CovariateOptionsCheck.withoutLists(call);   // lists of covariate columns are checked apart too
        Expr.Argument ids = idListArgument(call);
        if (ids == null) {
            return call;
        }
        List<Expr.Argument> rest = new ArrayList<>(call.arguments());
        rest.remove(ids);
        return new Expr.Call(call.callee(), rest, call.span());
    }

    /** Checks a list-valued {@code id:} of the call and puts its key columns into {@code options}. */
    void idList(Expr.Call call, Map<String, Object> options) {
        Expr.Argument ids = idListArgument(call);
        if (ids != null && call.named().stream().filter(a -> a.name().name().equals("id")).count() > 1) {
            report.accept(Diagnostic.error(DiagnosticCode.DUPLICATE_OPTION, file, ids.name().span(),
                    "option 'id' is given twice"));
        } else if (ids != null) {
            keys((Expr.ListLit) ids.value()).ifPresent(keys -> options.put("id", keys.size() == 1 ? keys.get(0) : keys));
        }
    }

    private Optional<List<String>> keys(Expr.ListLit list) {
        if (list.elements().isEmpty()) {
            error(DiagnosticCode.BAD_ID_COLUMNS, list, "id lists no column", "e.g. id: [\"sku\", \"store\"]");
            return Optional.empty();
        }
        List<String> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        for (Expr e : list.elements()) {
            Object v = Constants.fold(e, scope).orElse(null);
            if (!(v instanceof String name) || name.isBlank()) {
                error(DiagnosticCode.BAD_ID_COLUMNS, e, "id lists column names in quotes", "e.g. id: [\"sku\", \"store\"]");
                ok = false;
            } else if (RESERVED.contains(name)) {
                error(DiagnosticCode.BAD_ID_COLUMNS, e, "a key column cannot be named \"" + name + "\": answers keep "
                        + "each key as a column of that name, beside their own \"" + name + "\" column",
                        "rename the column in the file");
                ok = false;
            } else if (!seen.add(name)) {
                error(DiagnosticCode.BAD_ID_COLUMNS, e, "column \"" + name + "\" is named twice in id", null);
                ok = false;
            } else {
                keys.add(name);
            }
        }
        return ok ? Optional.of(List.copyOf(keys)) : Optional.empty();
    }

    private static Set<String> reserved() {
        Set<String> names = new HashSet<>();
        for (QueryKind k : QueryKind.values()) {
            names.addAll(k.columnNames());
        }
        return Set.copyOf(names);
    }

    private static String text(Map<String, Object> options, String name) {
        return options.get(name) instanceof String s ? s : null;
    }

    private void error(DiagnosticCode code, Expr at, String message, String hint) {
        report.accept(hint == null ? Diagnostic.error(code, file, at.span(), message)
                : Diagnostic.error(code, file, at.span(), message, hint));
    }
}
