package dev.qfl.check;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.ast.PartialExprVisitor;
import dev.qfl.ast.Script;
import dev.qfl.ast.Statement;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.data.CsvOptions;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.models.combine.EnsembleKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The semantic pass between parsing and running. Checks every statement against the names in
 * scope, reporting all independent errors at once; a declaration with errors still defines its
 * name so later statements are checked too instead of drowning in "undefined name" echoes.
 */
public final class Checker {
    private final ModelRegistry models;
    private final SourceFile file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<Expr, ResolvedQuery> queries = new IdentityHashMap<>();
    private final Map<Expr, ResolvedEvaluate> evaluations = new IdentityHashMap<>();

    /** The model kinds scripts may declare, for the checks that ask what a kind does. */
    ModelRegistry models() {
        return models;
    }

    public Checker(ModelRegistry models, SourceFile file) {
        this.models = models;
        this.file = file;
    }

    public CheckResult check(Script script, Scope initial) {
        Scope scope = initial;
        List<Symbol> defined = new ArrayList<>();
        for (Statement s : script.statements()) {
            Optional<Symbol> symbol = s.accept(new StatementCheck(scope));
            defined.add(symbol.orElse(null));
            if (symbol.isPresent()) {
                scope = scope.with(symbol.get());
            }
        }
        return new CheckResult(script, diagnostics, defined, queries, evaluations, scope);
    }

    private void report(Diagnostic d) {
        diagnostics.add(d);
    }

    /** One statement: the symbol a declaration defines, or empty for a statement that acts. */
    private final class StatementCheck implements Statement.Visitor<Optional<Symbol>> {
        private final Scope scope;

        StatementCheck(Scope scope) {
            this.scope = scope;
        }

        @Override
        public Optional<Symbol> visitSeriesDecl(Statement.SeriesDecl d) {
            checkNewName(d.name(), scope);
            return Optional.of(series(d, scope));
        }

        @Override
        public Optional<Symbol> visitModelDecl(Statement.ModelDecl d) {
            checkNewName(d.name(), scope);
            return Optional.of(model(d, scope));
        }

        @Override
        public Optional<Symbol> visitLetDecl(Statement.LetDecl d) {
            checkNewName(d.name(), scope);
            return Optional.of(let(d, scope));
        }

        @Override
        public Optional<Symbol> visitFit(Statement.Fit f) {
            f.models().forEach(m -> requireModel(m, scope));
            return Optional.empty();
        }

        @Override
        public Optional<Symbol> visitExport(Statement.Export e) {
            export(e, scope);
            return Optional.empty();
        }

        @Override
        public Optional<Symbol> visitSave(Statement.Save v) {
            requireModel(v.model(), scope);
            return Optional.empty();
        }

        @Override
        public Optional<Symbol> visitPlot(Statement.Plot p) {
            plot(p, scope);
            return Optional.empty();
        }

        @Override
        public Optional<Symbol> visitExpressionStatement(Statement.ExpressionStatement x) {
            if (!misspeltKeyword(x.expr(), scope)) {
                expression(x.expr(), scope);
            }
            return Optional.empty();
        }
    }

    private void plot(Statement.Plot p, Scope scope) {
        p.value().accept(new PartialExprVisitor<Void>() {
            /** A question: checked with the plot-only kinds allowed, then refused if it is not drawable. */
            @Override
            public Void visitQuery(Expr.Query q) {
                new QueryChecker(Checker.this, file, scope, true).query(q);
                plottableQuery(q);
                return null;
            }

            /** A table bound with let. */
            @Override
            public Void visitName(Expr.Name n) {
                ValueKind kind = expression(n, scope);
                if (kind != ValueKind.TABLE && kind != ValueKind.ERROR) {
                    report(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, n.span(),
                            "plot draws tables bound with let, and '" + n.name() + "' is " + kind.description()));
                } else if (kind == ValueKind.TABLE) {
                    plottableTable(n, scope);
                }
                return null;
            }

            @Override
            protected Void otherwise(Expr v) {
                report(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, v.span(), "plot draws a query or a table",
                        "e.g. plot fan(demand, MODEL) where id == \"A-17\""));
                return null;
            }
        });
        if (p.path() != null && !dev.qfl.stdlib.plot.PlotFile.supported(p.path().value())) {
            report(Diagnostic.error(DiagnosticCode.BAD_EXPORT, file, p.path().span(), "QFL draws .png and .svg files",
                    "end the file name with .png or .svg"));
        }
    }

    /** The queries plot draws; the others are tables, and failing on them only mid-run (after earlier exports) is too late. */
    private static final List<QueryKind> PLOTTED = List.of(QueryKind.FAN, QueryKind.QUANTILE_FUNCTION,
            QueryKind.TRADEOFF, QueryKind.SUM_TRADEOFF);

    private void plottableQuery(Expr v) {
        ResolvedQuery q = queries.get(v);
        if (q != null && !PLOTTED.contains(q.kind())) {
            report(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, v.span(), "plot draws fan, quantile_function and "
                    + "tradeoff queries, and tables made by evaluate; " + q.kind().function() + " is not one of them",
                    "e.g. plot fan(" + q.series() + ", " + q.model() + ") where id == \"...\", or export the table"));
        }
    }

    /** A table bound with let is drawn only when it is a trade-off curve or an evaluate's scores. */
    private void plottableTable(Expr.Name n, Scope scope) {
        List<String> columns = tableColumns(n, scope);
        if (columns.isEmpty() || columns.contains("model") || columns.equals(QueryKind.TRADEOFF.columnNames())
                || columns.equals(QueryKind.SUM_TRADEOFF.columnNames())) {
            return;
        }
        String what = java.util.Arrays.stream(QueryKind.values()).filter(k -> k.columnNames().equals(columns))
                .findFirst().map(k -> "a " + k.function() + " table").orElse("a table of " + String.join(", ", columns));
        report(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, n.span(), "plot NAME draws tables made by evaluate or "
                + "tradeoff, and '" + n.name() + "' is " + what,
                "for forecasts, plot the query itself, e.g. plot fan(demand, MODEL) where id == \"...\""));
    }

    /**
     * A lone unknown word such as {@code usin} in {@code quantile(d, 0.5) usin m} parses as a
     * statement of its own (statements need no separator), so the parser cannot flag it; when the
     * word is close to a keyword and to no declared name, that keyword is what was meant.
     */
    private boolean misspeltKeyword(Expr e, Scope scope) {
        if (!(e instanceof Expr.Name n) || scope.lookup(n.name()).isPresent()) {
            return false;
        }
        Optional<String> keyword = Suggestions.keyword(n.name());
        if (keyword.isEmpty() || Suggestions.closest(n.name(), scope.symbols().stream().map(Symbol::name).toList())
                .isPresent()) {
            return false;
        }
        report(Diagnostic.error(DiagnosticCode.UNDEFINED_NAME, file, n.span(), "'" + n.name() + "' is not defined",
                "did you mean the keyword '" + keyword.get() + "'?"));
        return true;
    }

    private void checkNewName(Identifier name, Scope scope) {
        scope.lookup(name.name()).ifPresent(previous -> report(Diagnostic.error(DiagnosticCode.DUPLICATE_NAME, file,
                name.span(), "'" + name.name() + "' is already defined",
                previous.span().line() > 0 ? "first defined at line " + previous.span().line() + "; pick another name"
                        : "it was defined earlier in this session; pick another name")));
    }

    // ---- series ------------------------------------------------------------------------------

    private Symbol series(Statement.SeriesDecl d, Scope scope) {
        String name = d.name().name();
        if (d.value() instanceof Expr.Call source && QuerySourceChecker.handles(source.callee().name())) {
            return new QuerySourceChecker(file, this::report).check(d, source, scope);
        }
        if (!(d.value() instanceof Expr.Call call) || !call.callee().name().equals(SeriesSources.CSV)) {
            report(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, d.value().span(),
                    "a series is read from a data source", "e.g. series " + name
                            + " = csv(\"data/sales.csv\", time: \"date\", value: \"units\", id: \"sku\")"));
            return new Symbol.SeriesSymbol(name, d.name().span(), null, Map.of(), null);
        }
        List<Expr.Argument> positional = call.positional();
        String path = null;
        if (positional.size() != 1 || !(positional.get(0).value() instanceof Expr.StringLit p)) {
            report(Diagnostic.error(DiagnosticCode.WRONG_ARGUMENTS, file, positional.isEmpty() ? call.span()
                            : positional.get(positional.size() > 1 ? 1 : 0).span(),
                    "csv takes one positional argument, the file path in quotes",
                    "e.g. csv(\"data/sales.csv\", time: \"date\")"));
        } else {
            path = p.value();
        }
        Map<String, Object> options = new CsvSourceCheck(file, scope, this::report).check(call);
        Frequency freq = options.get("freq") instanceof String f ? Frequency.fromKeyword(f).orElse(null) : null;
        if (options.get("until") instanceof String until && CsvOptions.parseUntil(until).isEmpty()) {
            Expr at = call.named().stream().filter(a -> a.name().name().equals("until")).findFirst().orElseThrow().value();
            report(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, at.span(), "until is an ISO date such as \"2024-06-15\""));
        }
        return new Symbol.SeriesSymbol(name, d.name().span(), path, options, freq);
    }

    // ---- models ------------------------------------------------------------------------------

    private Symbol model(Statement.ModelDecl d, Scope scope) {
        String name = d.name().name();
        Symbol.ModelSymbol invalid = new Symbol.ModelSymbol(name, d.name().span(), null, null, Map.of(), 0, false, null, List.of());
        if (!(d.value() instanceof Expr.Call call)) {
            report(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, d.value().span(),
                    "a model is made by a model function", "e.g. model " + name + " = seasonal_naive(demand, horizon: 14)"));
            return invalid;
        }
        String kindName = call.callee().name();
        if (kindName.equals(LOAD)) {
            return new LoadedModelCheck(file, this::report, this).check(d, call, scope);
        }
        if (kindName.equals(EnsembleKind.NAME)) {
            return new EnsembleChecker(file, this::report, this).check(d, call, scope);
        }
        Optional<ModelKind> kind = models.find(kindName);
        if (kind.isEmpty()) {
            List<String> names = models.all().stream().map(ModelKind::name).collect(Collectors.toList());
            names.add(EnsembleKind.NAME);
            String hint = Suggestions.didYouMean(kindName, names);
            report(Diagnostic.error(DiagnosticCode.UNKNOWN_FUNCTION, file, call.callee().span(),
                    "there is no model kind '" + kindName + "'",
                    hint != null ? hint : "model kinds: " + String.join(", ", names) + ", and ensemble(m1, m2, ...)"));
            return invalid;
        }
        String series = null;
        List<Expr.Argument> positional = call.positional();
        if (positional.isEmpty()) {
            report(Diagnostic.error(DiagnosticCode.WRONG_ARGUMENTS, file, call.span(),
                    kindName + " needs the series to learn from as its first argument",
                    "e.g. " + kindName + "(demand, horizon: 14)"));
        } else {
            series = seriesReference(positional.get(0).value(), scope).orElse(null);
            for (Expr.Argument extra : positional.subList(1, positional.size())) {
                report(Diagnostic.error(DiagnosticCode.WRONG_ARGUMENTS, file, extra.span(),
                        kindName + " takes one series; other settings are options such as horizon: 14"));
            }
        }
        Map<String, Object> options = new OptionChecker(file, scope, this::report)
                .check(kindName, call, kind.get().options());
        int horizon = options.get("horizon") instanceof Integer h ? h : 0;
        return new Symbol.ModelSymbol(name, d.name().span(), kindName, series, options, horizon, kind.get().joint(options), null, List.of());
    }

    /** The function that reads a saved model: {@code model m = load("file" [, series])}. */
    static final String LOAD = "load";

    /** The series a name refers to, reporting anything else. */
    Optional<String> seriesReference(Expr e, Scope scope) {
        if (e instanceof Expr.Name n) {
            Optional<Symbol> s = scope.lookup(n.name());
            if (s.isEmpty()) {
                undefined(n, scope);
                return Optional.empty();
            }
            if (s.get() instanceof Symbol.SeriesSymbol) {
                return Optional.of(n.name());
            }
            report(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, e.span(),
                    "expected a series, but '" + n.name() + "' is " + s.get().kind().description()));
            return Optional.empty();
        }
        report(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, e.span(), "expected the name of a series"));
        return Optional.empty();
    }

    private Optional<Symbol.ModelSymbol> requireModel(Identifier id, Scope scope) {
        Optional<Symbol> s = scope.lookup(id.name());
        if (s.isEmpty()) {
            undefinedModel(id, scope, null);
            return Optional.empty();
        }
        if (s.get() instanceof Symbol.ModelSymbol m) {
            return Optional.of(m);
        }
        report(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, id.span(),
                "expected a model, but '" + id.name() + "' is " + s.get().kind().description()));
        return Optional.empty();
    }

    /**
     * An undefined name where a model is expected ({@code using}, {@code fit}, {@code save},
     * {@code evaluate}, an ensemble's members): the hint suggests a close model name, or declaring
     * a model on the series in question (not a series, as for names in general).
     */
    void undefinedModel(Identifier id, Scope scope, String series) {
        List<String> models = scope.symbols().stream().filter(s -> s instanceof Symbol.ModelSymbol).map(Symbol::name).toList();
        String hint = Suggestions.didYouMean(id.name(), models);
        if (hint == null) {
            hint = Suggestions.didYouMean(id.name(), scope.symbols().stream().map(Symbol::name).toList());
        }
        String on = series != null ? series : scope.symbols().stream().filter(s -> s instanceof Symbol.SeriesSymbol)
                .map(Symbol::name).findFirst().orElse("demand");
        report(Diagnostic.error(DiagnosticCode.UNDEFINED_NAME, file, id.span(), "'" + id.name() + "' is not defined",
                hint != null ? hint : "declare it first, e.g. model " + id.name() + " = iqf(" + on + ", horizon: 14)"));
    }

    void undefined(Expr.Name n, Scope scope) {
        List<String> names = scope.symbols().stream().map(Symbol::name).toList();
        String hint = Suggestions.didYouMean(n.name(), names);
        report(Diagnostic.error(DiagnosticCode.UNDEFINED_NAME, file, n.span(), "'" + n.name() + "' is not defined",
                hint != null ? hint : "declare it first, e.g. series " + n.name() + " = csv(...)"));
    }

    // ---- let, export, expressions ------------------------------------------------------------

    private Symbol let(Statement.LetDecl d, Scope scope) {
        ValueKind kind = expression(d.value(), scope);
        List<String> columns = kind == ValueKind.TABLE ? tableColumns(d.value(), scope) : List.of();
        Object constant = Constants.fold(d.value(), scope).orElse(null);
        return new Symbol.LetSymbol(d.name().name(), d.name().span(), kind, columns, constant);
    }

    private List<String> tableColumns(Expr e, Scope scope) {
        ResolvedQuery q = queries.get(e);
        if (q != null) {
            return q.kind().columnNames();
        }
        ResolvedEvaluate ev = evaluations.get(e);
        if (ev != null) {
            return ev.columns().stream().map(dev.qfl.stdlib.table.Column::name).toList();
        }
        if (e instanceof Expr.Name n && scope.lookup(n.name()).orElse(null) instanceof Symbol.LetSymbol l) {
            return l.columns();
        }
        return List.of();
    }

    private void export(Statement.Export e, Scope scope) {
        ValueKind kind = expression(e.value(), scope);
        if (kind != ValueKind.TABLE && kind != ValueKind.ERROR) {
            report(Diagnostic.error(DiagnosticCode.WRONG_TYPE, file, e.value().span(),
                    "only tables can be exported, and this is " + kind.description()));
        }
        ExportTargetCheck.check(e, scope, file, this::report);
    }

    /** Checks an expression used as a value and says what kind of value it is. */
    ValueKind expression(Expr e, Scope scope) {
        return e.accept(new ValueCheck(this, file, scope, models));
    }

    void add(Diagnostic d) {
        report(d);
    }

    void resolved(Expr node, ResolvedQuery q) {
        queries.put(node, q);
    }

    void resolvedEvaluate(Expr node, ResolvedEvaluate e) {
        evaluations.put(node, e);
    }
}
