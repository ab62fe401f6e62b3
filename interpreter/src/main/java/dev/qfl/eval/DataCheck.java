package dev.qfl.eval;

import dev.qfl.ast.Statement;
import dev.qfl.check.CheckResult;
import dev.qfl.check.Symbol;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.Diagnostics;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.io.FileAccess;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data half of {@code qfl check}: reads every declared series (so a broken file fails in CI,
 * not at 3 a.m.) and warns about series too short for a declared model. Trains nothing.
 */
public final class DataCheck {
    private DataCheck() {
    }

    public static List<Diagnostic> run(CheckResult checked, SourceFile file, ModelRegistry models, Path baseDirectory) {
        return run(checked, file, models, baseDirectory, FileAccess.unrestricted());
    }

    /** The data check with reads confined as {@code files} says (an embedding server's sandbox). */
    public static List<Diagnostic> run(CheckResult checked, SourceFile file, ModelRegistry models, Path baseDirectory,
                                       FileAccess files) {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, Panel> panels = new HashMap<>();
        for (int i = 0; i < checked.script().statements().size(); i++) {
            Statement statement = checked.statement(i);
            Symbol symbol = checked.definedBy(i).orElse(null);
            try {
                statement.accept(new Preflight(checked, file, models, baseDirectory, files, symbol, panels, out));
            } catch (QflException e) {
                out.add(Diagnostics.fromLibrary(e, file, culprit(statement), baseDirectory));
            } catch (IllegalArgumentException e) {
                out.add(Diagnostic.error(DiagnosticCode.OPTION_OUT_OF_RANGE, file, statement.span(), e.getMessage()));
            }
        }
        return out;
    }

    /**
     * What one statement needs checked against the data, decided per kind of statement so that a
     * new statement kind must say whether it reads data before it compiles. Series are loaded
     * into {@code panels} in script order, so a model or plot below them finds its panel.
     */
    private record Preflight(CheckResult checked, SourceFile file, ModelRegistry models, Path baseDirectory,
                             FileAccess files, Symbol symbol, Map<String, Panel> panels, List<Diagnostic> out)
            implements Statement.Visitor<Void> {

        /** A file source is read (a query source is read only when the script runs). */
        @Override
        public Void visitSeriesDecl(Statement.SeriesDecl d) {
            if (symbol instanceof Symbol.SeriesSymbol s && s.path() != null) {
                DataLoading.Loaded loaded = DataLoading.load(s, baseDirectory.resolve(s.path()).normalize(), files);
                panels.put(s.name(), loaded.panel());
                out.addAll(loaded.diagnostics(file, d.span()));
            }
            return null;
        }

        /** Series too short for the declared model are warned about (an ensemble's members are declared themselves). */
        @Override
        public Void visitModelDecl(Statement.ModelDecl d) {
            if (symbol instanceof Symbol.ModelSymbol m && m.modelKind() != null && m.members().isEmpty()
                    && panels.containsKey(m.series())) {
                ModelKind kind = models.find(m.modelKind()).orElseThrow();
                Panel panel = panels.get(m.series());
                ModelSpec spec = kind.resolve(m.options(), panel.frequency());
                int need = kind.minimumLength(spec);
                for (TimeSeries ts : panel.series()) {
                    if (ts.length() < need) {
                        out.add(Diagnostic.warning(DiagnosticCode.SHORT_SERIES, file, d.span(),
                                "series \"" + ts.id() + "\" has " + ts.length() + " observations; " + m.name()
                                        + " needs at least " + need + ", so it will be left out of its answers"));
                    }
                }
            }
            return null;
        }

        /** A plot's selection is checked against the loaded series (a fan of 0 or 21 series). */
        @Override
        public Void visitPlot(Statement.Plot plot) {
            PlotPreflight.check(checked, plot, panels::get, checked.scope(), models)
                    .ifPresent(e -> out.add(Diagnostics.fromLibrary(e, file, plot.span(), baseDirectory)));
            return null;
        }

        // the rest read no data of their own: what they use was declared, and is checked, above them

        @Override
        public Void visitLetDecl(Statement.LetDecl s) {
            return null;
        }

        @Override
        public Void visitFit(Statement.Fit s) {
            return null;
        }

        @Override
        public Void visitExport(Statement.Export s) {
            return null;
        }

        @Override
        public Void visitSave(Statement.Save s) {
            return null;
        }

        @Override
        public Void visitExpressionStatement(Statement.ExpressionStatement s) {
            return null;
        }
    }

    /**
     * Where in the script a library error without a place of its own belongs: for a series, the
     * source call that named the file or query (a missing or empty file is that call's problem),
     * otherwise the whole statement.
     */
    static dev.qfl.diag.Span culprit(Statement statement) {
        return statement instanceof Statement.SeriesDecl d ? d.value().span() : statement.span();
    }
}
