package dev.qfl.eval;

import dev.qfl.api.Output;
import dev.qfl.api.QflScriptException;
import dev.qfl.api.QflVersion;
import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.ast.Statement;
import dev.qfl.check.CheckResult;
import dev.qfl.check.Constants;
import dev.qfl.check.HorizonBounds;
import dev.qfl.check.QueryKind;
import dev.qfl.check.ResolvedQuery;
import dev.qfl.check.Scope;
import dev.qfl.check.Symbol;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.DiagnosticCode;
import dev.qfl.diag.Diagnostics;
import dev.qfl.diag.SourceFile;
import dev.qfl.format.Formatter;
import dev.qfl.stdlib.QflException;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Consumer;

/** Runs checked statements against the session state, one at a time. */
final class Executor {
    private final SessionState state;
    private final SourceFile file;
    private final CheckResult checked;
    private final Consumer<Output> out;
    private final ModelLifecycle models;
    private Statement current;
    /** Whether the plots of this input on series read by earlier inputs have been checked. */
    private boolean earlierSeriesChecked;

    Executor(SessionState state, SourceFile file, CheckResult checked, Consumer<Output> out) {
        this.state = state;
        this.file = file;
        this.checked = checked;
        this.out = out;
        this.models = new ModelLifecycle(state, out);
    }

    void run(Statement s, Scope scope) throws QflScriptException {
        if (!earlierSeriesChecked) {
            earlierSeriesChecked = true;
            // a series a previous input read (the REPL, a session) is loaded: its plots are checked
            // before this input runs anything, like those of the series it reads itself
            preflightPlots(0, series -> scope.lookup(series).orElse(null) instanceof Symbol.SeriesSymbol
                    ? state.panel(series) : null, scope);
        }
        current = s;
        if (s instanceof Statement.SeriesDecl d) {
            Symbol.SeriesSymbol symbol = (Symbol.SeriesSymbol) symbolOf(d.name(), s);
            DataLoading.Loaded loaded = DataLoading.load(symbol, state.resolve(symbol.path()), state.files());
            state.putPanel(loaded.panel());
            Panel read = loaded.panel();
            preflightPlots(indexOf(s), series -> series.equals(read.name()) ? read : null,
                    scope);
            loaded.notes().forEach(n -> out.accept(new Output.Message(n)));
            loaded.diagnostics(file, s.span()).forEach(w -> out.accept(new Output.Warning(w)));
        } else if (s instanceof Statement.ModelDecl d) {
            models.declare((Symbol.ModelSymbol) symbolOf(d.name(), s));
        } else if (s instanceof Statement.Fit f) {
            for (Identifier m : f.models()) {
                models.fit(m.name(), true);
            }
        } else if (s instanceof Statement.LetDecl d) {
            Object v = value(d.value(), scope);
            if (v instanceof Table t) {
                state.putTable(d.name().name(), t);
            }
        } else if (s instanceof Statement.Export e && e.toTable()) {
            out.accept(new Output.Message(TableExports.run((Table) value(e.value(), scope), e, scope, state)));
        } else if (s instanceof Statement.Export e) {
            export((Table) value(e.value(), scope), e.path().value(), ExportSafety.flag(e, "append", scope),
                    ExportSafety.flag(e, "overwrite", scope));
        } else if (s instanceof Statement.Save v) {
            models.save(v.model().name(), v.path().value());
        } else if (s instanceof Statement.Plot p) {
            plot(p, scope);
        } else if (s instanceof Statement.ExpressionStatement x) {
            Object v = value(x.expr(), scope);
            if (v instanceof Table t) {
                out.accept(new Output.TableOutput(Formatter.expr(x.expr()), t));
            } else {
                out.accept(new Output.Message(String.valueOf(v instanceof java.math.BigDecimal b ? b.toPlainString() : v)));
            }
        }
    }

    private Symbol symbolOf(Identifier name, Statement s) {
        return checked.definedBy(indexOf(s)).orElseThrow(() -> new IllegalStateException("no symbol for " + name.name()));
    }

    /** Statement positions by identity, built once: a search per declaration made long scripts quadratic. */
    private java.util.Map<Statement, Integer> positions;

    private int indexOf(Statement s) {
        if (positions == null) {
            positions = new java.util.IdentityHashMap<>();
            List<Statement> all = checked.script().statements();
            for (int i = 0; i < all.size(); i++) {
                positions.put(all.get(i), i);
            }
        }
        return positions.getOrDefault(s, -1);
    }

    private Object value(Expr e, Scope scope) {
        ResolvedQuery q = checked.query(e).orElse(null);
        if (q != null) {
            return query(q, scope);
        }
        var evaluation = checked.evaluation(e);
        if (evaluation.isPresent()) {
            return BacktestRunner.run(evaluation.get(), state, text -> out.accept(new Output.Message(text)));
        }
        if (e instanceof Expr.Name n) {
            Symbol sym = scope.lookup(n.name()).orElseThrow();
            if (sym instanceof Symbol.LetSymbol let) {
                return let.constant() != null ? let.constant() : state.table(n.name()).orElseThrow();
            }
            return sym.name();
        }
        return Constants.fold(e, scope).orElseThrow(() -> new IllegalStateException("cannot evaluate " + e));
    }

    private Table query(ResolvedQuery q, Scope scope) {
        ModelSlot slot = models.fit(q.model(), false);
        ForecastSet forecast = forecastFor(q, slot, scope);
        if (!forecast.skipped().isEmpty() && slot.firstSkipReport()) {
            for (ForecastSet.Skipped skipped : forecast.skipped()) {
                out.accept(new Output.Warning(Diagnostic.warning(DiagnosticCode.SHORT_SERIES, file, current.span(),
                        "series \"" + skipped.id() + "\" is left out of " + q.model() + "'s answers: " + skipped.reason())));
            }
        }
        Table answer = QueryRunner.run(q, forecast, scope, provenance(q, slot, forecast));
        EmptyAnswer.explain(q, answer, forecast, scope, file).ifPresent(w -> out.accept(new Output.Warning(w)));
        return answer;
    }

    /**
     * Checks the fan and quantile-function plots of this input from statement {@code from} on whose
     * series {@code panels} knows, before any later statement trains a model or writes a file; the
     * error points at the plot.
     *
     * @param panels the read series by name, null for those not (yet) read
     * @param scope  the names visible at statement {@code from}
     */
    private void preflightPlots(int from, Function<String, Panel> panels, Scope scope) throws QflScriptException {
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
            throw new QflScriptException(problems);
        }
    }

    /** The model's forecast of the query's series; a loaded model is checked against it first. */
    private ForecastSet forecastFor(ResolvedQuery q, ModelSlot slot, Scope scope) {
        if (slot.loaded()) {
            // a total's last step counts as much as a bound in where: both must be within the model's horizon
            int requested = Math.max(q.sumTo(), HorizonBounds.upper(q.condition(), scope)
                    .map(HorizonBounds.Bound::value).orElse(0));
            ModelLifecycle.checkUse(slot, state.panel(q.series()), requested, q.model());
        }
        return state.forecast(q.model(), slot, q.series());
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
        if (q != null && (q.kind() == QueryKind.FAN || q.kind() == QueryKind.QUANTILE_FUNCTION)) {
            ModelSlot slot = models.fit(q.model(), false);
            ForecastSet forecast = forecastFor(q, slot, scope);
            Panel panel = state.panel(q.series());
            picture = q.kind() == QueryKind.FAN ? PlotRunner.fan(q, panel, forecast, scope)
                    : PlotRunner.quantileFunction(q, panel, forecast, scope);
        } else {
            Table table = (Table) value(p.value(), scope);
            String title = p.value() instanceof Expr.Name n ? "backtest metrics: " + n.name() : Formatter.expr(p.value());
            if (PlotRunner.isTradeoff(table)) {
                picture = PlotRunner.tradeoff(title, table);
            } else if (q != null) {
                throw new QflException(DiagnosticCode.WRONG_TYPE.code(), "plot draws fan, quantile_function and "
                        + "tradeoff queries, and tables made by evaluate; " + q.kind().function() + " is not one of them");
            } else {
                picture = PlotRunner.metrics(title, table);
            }
        }
        Path target;
        try {
            target = p.path() != null ? state.resolve(p.path().value()) : Files.createTempFile("qfl-plot-", ".png");
            PlotFile.write(picture, target, PlotFile.WIDTH, PlotFile.HEIGHT);
        } catch (IOException e) {
            throw new QflException(DiagnosticCode.WRITE_FAILED.code(), "cannot write the plot: " + e.getMessage());
        }
        out.accept(new Output.Message("plot written to " + Diagnostics.display(target, state.baseDirectory())));
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
            throw new QflException(DiagnosticCode.BAD_EXPORT.code(),
                    state.files().quoteContent() ? e.getMessage() : e.withoutContent(), null,
                    "append to a file of the same columns, or export to a new file", e);
        } catch (IOException e) {
            throw new QflException(DiagnosticCode.WRITE_FAILED.code(), "cannot write " + target + ": " + e.getMessage());
        }
        out.accept(new Output.Message((append ? "appended to " : "wrote ") + Diagnostics.display(target, state.baseDirectory()) + " ("
                + table.rowCount() + (table.rowCount() == 1 ? " row)" : " rows)")));
    }

}
