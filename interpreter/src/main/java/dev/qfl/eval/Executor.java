package dev.qfl.eval;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.ast.Statement;
import dev.qfl.check.CheckResult;
import dev.qfl.check.Constants;
import dev.qfl.check.HorizonBounds;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.check.Scope;
import dev.qfl.check.Symbol;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.DiagnosticException;
import dev.qfl.diag.Diagnostics;
import dev.qfl.diag.SourceFile;
import dev.qfl.format.Formatter;
import dev.qfl.plan.Plan;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.QflVersion;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.table.Table;
import dev.qfl.stdlib.plot.PlotFile;
import dev.qfl.stdlib.table.TableExporter;
import org.jfree.chart.ui.Drawable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Consumer;

/**
 * Runs an input's plan, statement by statement: first the steps that prepare the statement (read
 * a series or a saved model, fit a model, make a forecast), then the statement itself, which takes
 * its query and action steps from the plan as it reaches them. Nothing costly happens outside a
 * step, and a step the run reaches but the plan lacks (or the reverse) is an internal error, so
 * what {@code qfl explain} prints is what runs.
 */
final class Executor {
    private final SessionState state;
    private final SourceFile file;
    private final CheckResult checked;
    private final OutputSink out;
    private final ModelLifecycle models;
    private final Map<Integer, List<Plan.Step>> stepsByStatement = new HashMap<>();
    private final Consumer<Plan.Step> observer;
    private Statement current;
    private int currentIndex;
    /** The current statement's what-if forecast (its plan's what-if step), or null. */
    private ForecastSet whatIfForecast;
    /** The current statement's steps not yet run, in plan order. */
    private final Deque<Plan.Step> pending = new ArrayDeque<>();
    /** Models the current statement's plan fitted (a {@code fit} of any other says it already was). */
    private final Set<String> fittedHere = new HashSet<>();
    /** Whether the plots of this input on series read by earlier inputs have been checked. */
    private boolean earlierSeriesChecked;

    /**
     * @param plan     the input's plan, made from {@code checked}
     * @param observer told of every step as it starts (tests compare these with the plan)
     */
    Executor(SessionState state, SourceFile file, CheckResult checked, Plan plan, OutputSink out,
             Consumer<Plan.Step> observer) {
        this.state = state;
        this.file = file;
        this.checked = checked;
        this.out = out;
        this.observer = observer;
        this.models = new ModelLifecycle(state, out);
        for (Plan.Step step : plan.steps()) {
            stepsByStatement.computeIfAbsent(step.statement(), k -> new ArrayList<>()).add(step);
        }
    }

    /** Runs statement {@code index} of the input and the plan's steps for it. */
    void run(int index, Scope scope) throws DiagnosticException {
        if (!earlierSeriesChecked) {
            earlierSeriesChecked = true;
            // a series a previous input read (the REPL, a session) is loaded: its plots are checked
            // before this input runs anything, like those of the series it reads itself
            preflightPlots(0, series -> scope.lookup(series).orElse(null) instanceof Symbol.SeriesSymbol
                    ? state.panel(series) : null, scope);
        }
        current = checked.statement(index);
        currentIndex = index;
        whatIfForecast = null;
        pending.clear();
        pending.addAll(stepsByStatement.getOrDefault(index, List.of()));
        fittedHere.clear();
        while (!pending.isEmpty() && prepares(pending.peek())) {
            prepare(pending.poll(), scope);
        }
        statement(current, scope);
        if (!pending.isEmpty()) {
            throw new IllegalStateException(where() + ": the plan's step \"" + pending.peek().describe()
                    + "\" was never reached");
        }
    }

    /** Steps that prepare a statement rather than being the statement's own work. */
    private static boolean prepares(Plan.Step step) {
        return step instanceof Plan.Load || step instanceof Plan.LoadModel || step instanceof Plan.Train
                || step instanceof Plan.Infer || step instanceof Plan.WhatIf;
    }

    private void prepare(Plan.Step step, Scope scope) throws DiagnosticException {
        observer.accept(step);
        if (step instanceof Plan.Load) {
            Symbol.SeriesSymbol symbol = (Symbol.SeriesSymbol) symbolOf(step.statement());
            DataLoading.Loaded loaded = DataLoading.load(symbol, state.resolve(symbol.path()), state.files());
            state.putPanel(loaded.panel());
            Panel read = loaded.panel();
            preflightPlots(step.statement(), series -> series.equals(read.name()) ? read : null, scope);
            loaded.notes().forEach(n -> out.message(n));
            loaded.diagnostics(file, current.span()).forEach(w -> out.warning(w));
        } else if (step instanceof Plan.LoadModel) {
            models.load((Symbol.ModelSymbol) symbolOf(step.statement()));
        } else if (step instanceof Plan.Train train) {
            models.fit(train.model());
            fittedHere.add(train.model());
        } else if (step instanceof Plan.Infer infer) {
            ModelSlot slot = models.fitted(infer.model());
            Panel panel = state.panel(infer.series());
            if (slot.loaded()) {
                // a saved model answers only for data of the frequency it was trained on
                ModelLifecycle.checkUse(slot, panel, 0, infer.model());
            }
            state.forecast(infer.model(), slot, infer.series());
        } else if (step instanceof Plan.WhatIf whatIf) {
            whatIfForecast = WhatIfForecasts.forecast(whatIf.model(), models.fitted(whatIf.model()),
                    state.panel(whatIf.series()), whatIf.changes(), state.reporter(), file, state.models());
        } else {
            throw new IllegalStateException(where() + ": \"" + step.describe() + "\" is not a step that prepares");
        }
    }

    /**
     * The next step of the current statement, which the run has reached: it must be of the kind
     * the run is about to do.
     */
    private Plan.Step take(Class<? extends Plan.Step> kind) {
        Plan.Step next = pending.poll();
        if (!kind.isInstance(next)) {
            throw new IllegalStateException(where() + ": the run reached a " + kind.getSimpleName().toLowerCase(Locale.ROOT)
                    + " step, and the plan has " + (next == null ? "none left" : "\"" + next.describe() + "\""));
        }
        observer.accept(next);
        return next;
    }

    /** The current statement's position, as an internal error names it (never its syntax tree). */
    private String where() {
        return where(current.span());
    }

    private static String where(dev.qfl.diag.Span span) {
        return "line " + span.line() + ", column " + span.column();
    }

    /** The statement's own work, once its preparing steps have run. */
    private void statement(Statement s, Scope scope) {
        s.accept(new StatementWork(scope));
    }

    /** What each kind of statement does itself; the compiler asks for a new kind's work here. */
    private final class StatementWork implements Statement.Visitor<Void> {
        private final Scope scope;

        StatementWork(Scope scope) {
            this.scope = scope;
        }

        @Override
        public Void visitSeriesDecl(Statement.SeriesDecl s) {
            return null; // read by its load step
        }

        @Override
        public Void visitModelDecl(Statement.ModelDecl s) {
            Symbol.ModelSymbol symbol = (Symbol.ModelSymbol) symbolOf(currentIndex);
            if (symbol.loadPath() == null) {
                models.declare(symbol); // a saved model was read by its step
            }
            return null;
        }

        @Override
        public Void visitFit(Statement.Fit f) {
            Set<String> said = new HashSet<>();
            for (Identifier m : f.models()) {
                if (!fittedHere.contains(m.name()) || !said.add(m.name())) {
                    models.sayAlreadyFitted(m.name());
                }
            }
            return null;
        }

        @Override
        public Void visitLetDecl(Statement.LetDecl d) {
            Object v = value(d.value(), scope);
            if (v instanceof Table t) {
                state.putTable(d.name().name(), t);
            }
            return null;
        }

        @Override
        public Void visitExport(Statement.Export e) {
            ResolvedQuery q = checked.query(e.value()).orElse(null);
            if (q != null && !e.toTable() && StreamedExport.applies(q, e.path().value())) {
                exportStreamed(q, e, scope);
                return null;
            }
            Table table = (Table) value(e.value(), scope);
            take(Plan.Action.class);
            if (e.toTable()) {
                out.message(TableExports.run(table, e, scope, state));
            } else {
                export(table, e.path().value(), ExportSafety.flag(e, "append", scope), ExportSafety.flag(e, "overwrite", scope));
            }
            return null;
        }

        @Override
        public Void visitSave(Statement.Save v) {
            take(Plan.Action.class);
            models.save(v.model().name(), v.path().value());
            return null;
        }

        @Override
        public Void visitPlot(Statement.Plot p) {
            plot(p, scope);
            return null;
        }

        @Override
        public Void visitExpressionStatement(Statement.ExpressionStatement x) {
            Object v = value(x.expr(), scope);
            if (v instanceof Table t) {
                out.table(Formatter.expr(x.expr()), t);
            } else {
                out.message(String.valueOf(v instanceof java.math.BigDecimal b ? b.toPlainString() : v));
            }
            return null;
        }
    }

    private Symbol symbolOf(int statement) {
        return checked.definedBy(statement).orElseThrow(() -> new IllegalStateException(where()
                + ": the checker defined no name here"));
    }

    private Object value(Expr e, Scope scope) {
        ResolvedQuery q = checked.query(e).orElse(null);
        if (q != null) {
            return query(q, scope);
        }
        var evaluation = checked.evaluation(e);
        if (evaluation.isPresent()) {
            take(Plan.Action.class);
            return BacktestRunner.run(evaluation.get(), state, text -> out.message(text));
        }
        if (e instanceof Expr.Name n) {
            Symbol sym = scope.lookup(n.name()).orElseThrow();
            if (sym instanceof Symbol.LetSymbol let) {
                return let.constant() != null ? let.constant() : state.table(n.name()).orElseThrow();
            }
            return sym.name();
        }
        return Constants.fold(e, scope).orElseThrow(() -> new IllegalStateException("no value for the expression at "
                + where(e.span()) + " (in the statement at " + where() + ")"));
    }

    private Table query(ResolvedQuery q, Scope scope) {
        take(Plan.Query.class);
        ModelSlot slot = models.fitted(q.model());
        ForecastSet forecast = queriedForecast(q, slot, scope);
        Table answer = QueryRunner.run(q, forecast, scope, provenance(q, slot, forecast));
        EmptyAnswer.explain(q, answer, forecast, scope, file).ifPresent(w -> out.warning(w));
        return answer;
    }

    /** The forecast a query reads, once the series it leaves out have been reported. */
    private ForecastSet queriedForecast(ResolvedQuery q, ModelSlot slot, Scope scope) {
        ForecastSet forecast = forecastFor(q, slot, scope);
        if (!forecast.skipped().isEmpty() && slot.firstSkipReport()) {
            for (ForecastSet.Skipped skipped : forecast.skipped()) {
                out.warning(Diagnostic.warning(DiagnosticCode.SHORT_SERIES, file, current.span(),
                        "series \"" + skipped.id() + "\" is left out of " + q.model() + "'s answers: " + skipped.reason()));
            }
        }
        return forecast;
    }

    /**
     * {@code export <query> to "file"} for CSV and Parquet files: the same steps, checks and
     * messages as answering the query and then writing the table, but the rows are made and
     * written a chunk of series at a time ({@link StreamedExport}).
     */
    private void exportStreamed(ResolvedQuery q, Statement.Export e, Scope scope) {
        take(Plan.Query.class);
        ModelSlot slot = models.fitted(q.model());
        ForecastSet forecast = queriedForecast(q, slot, scope);
        take(Plan.Action.class);
        String path = e.path().value();
        Path target = state.resolve(path);
        boolean append = ExportSafety.flag(e, "append", scope);
        if (!ExportSafety.flag(e, "overwrite", scope)) {
            ExportSafety.refuseDataFile(target, path, state.dataFiles());
        }
        long rows;
        try {
            rows = StreamedExport.toFile(q, forecast, scope, target, append);
        } catch (TableExporter.HeaderMismatch x) {
            throw new QflException(DiagnosticCode.BAD_EXPORT,
                    state.files().quoteContent() ? x.getMessage() : x.withoutContent(), null,
                    "append to a file of the same columns, or export to a new file", x);
        } catch (IOException x) {
            throw new QflException(DiagnosticCode.WRITE_FAILED, "cannot write " + target + ": " + x.getMessage());
        }
        if (rows == 0) {
            Table empty = new Table(StreamedExport.columns(q, scope), List.of(), List.of(), Map.of());
            EmptyAnswer.explain(q, empty, forecast, scope, file).ifPresent(w -> out.warning(w));
        }
        out.message((append ? "appended to " : "wrote ") + Diagnostics.display(target, state.baseDirectory()) + " ("
                + rows + (rows == 1 ? " row)" : " rows)"));
    }

    /**
     * Checks the fan and quantile-function plots of this input from statement {@code from} on whose
     * series {@code panels} knows, before any later statement trains a model or writes a file; the
     * error points at the plot.
     *
     * @param panels the read series by name, null for those not (yet) read
     * @param scope  the names visible at statement {@code from}
     */
    private void preflightPlots(int from, Function<String, Panel> panels, Scope scope) throws DiagnosticException {
        List<Statement> statements = checked.script().statements();
        Scope visible = scope;
        List<Diagnostic> problems = new ArrayList<>();
        for (int i = from; i < statements.size(); i++) {
            if (statements.get(i) instanceof Statement.Plot p) {
                Optional<QflException> problem = PlotPreflight.check(checked, p, panels, visible, state.models());
                if (problem.isPresent()) {
                    problems.add(Diagnostics.fromLibrary(problem.get(), file, p.span(), state.baseDirectory()));
                }
            }
            Optional<Symbol> defined = checked.definedBy(i);
            if (defined.isPresent()) {
                visible = visible.with(defined.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new DiagnosticException(problems);
        }
    }

    /** The forecast the plan made for the query; a loaded model is checked against the query first. */
    private ForecastSet forecastFor(ResolvedQuery q, ModelSlot slot, Scope scope) {
        if (slot.loaded()) {
            // a total's last step counts as much as a bound in where: both must be within the model's horizon
            int bound = q.condition() == null ? 0 : HorizonBounds.upper(q.condition(), scope)
                    .map(HorizonBounds.Bound::value).orElse(0);
            int requested = Math.max(q.sumTo(), bound);
            ModelLifecycle.checkUse(slot, state.panel(q.series()), requested, q.model());
        }
        ForecastSet forecast = slot.forecast(q.series());
        if (forecast == null) {
            throw new IllegalStateException(where() + ": the plan made no forecast of " + q.series() + " with " + q.model());
        }
        if (!q.whatIfs().isEmpty()) {
            // a what-if question reads its own forecast (the plan's what-if step); the plain one stays as it is
            if (whatIfForecast == null) {
                throw new IllegalStateException(where() + ": the plan made no what-if forecast with " + q.model());
            }
            return whatIfForecast;
        }
        return forecast;
    }

    private Map<String, Object> provenance(ResolvedQuery q, ModelSlot slot, ForecastSet forecast) {
        Panel panel = state.panel(q.series());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("script", file.name());
        p.put("query", Formatter.expr(q.node()));
        p.put("model", q.model());
        p.put("model_spec", slot.spec().canonical());
        p.put("series", panel.name());
        p.put("data_source", panel.source());
        if (panel.path() != null) {
            p.put("data_path", panel.path().toString());
        }
        p.put("data_fingerprint", panel.fingerprint());
        Map<String, String> origins = new LinkedHashMap<>();
        for (SeriesForecast s : forecast.series()) {
            origins.put(s.id(), String.valueOf(QueryRunner.dateCell(s.frequency(), s.origin())));
        }
        p.put("forecast_origin", origins);
        Map<String, String> chosen = slot.trained().choices();
        if (!chosen.isEmpty()) {
            Map<String, String> answered = new LinkedHashMap<>();
            for (SeriesForecast s : forecast.series()) {
                if (chosen.containsKey(s.id())) {
                    answered.put(s.id(), chosen.get(s.id()));
                }
            }
            p.put("model_choices", answered);
        }
        p.put("qfl_version", QflVersion.get());
        return p;
    }

    private void plot(Statement.Plot p, Scope scope) {
        Drawable picture;
        ResolvedQuery q = checked.query(p.value()).orElse(null);
        if (q != null && q.kind().plotOnly()) {
            take(Plan.Query.class);
            ModelSlot slot = models.fitted(q.model());
            ForecastSet forecast = forecastFor(q, slot, scope);
            Panel panel = state.panel(q.series());
            picture = q.accept(new QueryPictures(panel, forecast, scope));
        } else {
            Table table = (Table) value(p.value(), scope);
            String title = p.value() instanceof Expr.Name n ? "backtest metrics: " + n.name() : Formatter.expr(p.value());
            if (PlotRunner.isTradeoff(table)) {
                picture = PlotRunner.tradeoff(title, table);
            } else if (q != null) {
                throw new QflException(DiagnosticCode.WRONG_TYPE, "plot draws fan, quantile_function and "
                        + "tradeoff queries, and tables made by evaluate; " + q.kind().function() + " is not one of them");
            } else {
                picture = PlotRunner.metrics(title, table);
            }
        }
        take(Plan.Action.class);
        Path target;
        try {
            target = p.path() != null ? state.resolve(p.path().value()) : Files.createTempFile("qfl-plot-", ".png");
            PlotFile.write(picture, target, PlotFile.WIDTH, PlotFile.HEIGHT);
        } catch (IOException e) {
            throw new QflException(DiagnosticCode.WRITE_FAILED, "cannot write the plot: " + e.getMessage());
        }
        out.message("plot written to " + Diagnostics.display(target, state.baseDirectory()));
    }

    private void export(Table table, String path, boolean append, boolean overwrite) {
        Path target = state.resolve(path);
        if (!overwrite) {
            ExportSafety.refuseDataFile(target, path, state.dataFiles());
        }
        try {
            if (append) {
                TableExporter.append(table, target);
            } else {
                TableExporter.write(table, target);
            }
        } catch (TableExporter.HeaderMismatch e) {
            throw new QflException(DiagnosticCode.BAD_EXPORT,
                    state.files().quoteContent() ? e.getMessage() : e.withoutContent(), null,
                    "append to a file of the same columns, or export to a new file", e);
        } catch (IOException e) {
            throw new QflException(DiagnosticCode.WRITE_FAILED, "cannot write " + target + ": " + e.getMessage());
        }
        out.message((append ? "appended to " : "wrote ") + Diagnostics.display(target, state.baseDirectory()) + " ("
                + table.rowCount() + (table.rowCount() == 1 ? " row)" : " rows)"));
    }

}
