package dev.qfl.eval;

import dev.qfl.check.Scope;
import dev.qfl.check.Symbol;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.io.FileAccess;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.Reporter;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.table.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run-time values of a session: loaded panels, model slots (trained lazily, forecast once),
 * and bound tables. Only the {@link Executor} changes it, one statement at a time.
 */
final class SessionState implements AutoCloseable {
    private final ModelRegistry models;
    private Path baseDirectory;
    private final Path cacheDirectory;
    private final Reporter reporter;
    private final Map<String, Panel> panels = new HashMap<>();
    private final Map<String, ModelSlot> slots = new HashMap<>();
    private final Map<String, Table> tables = new HashMap<>();
    private final FileAccess files;

    SessionState(ModelRegistry models, Path baseDirectory, Path cacheDirectory, Reporter reporter) {
        this(models, baseDirectory, cacheDirectory, reporter, FileAccess.unrestricted());
    }

    SessionState(ModelRegistry models, Path baseDirectory, Path cacheDirectory, Reporter reporter, FileAccess files) {
        this.models = models;
        this.baseDirectory = baseDirectory;
        this.cacheDirectory = cacheDirectory;
        this.reporter = reporter;
        this.files = files;
    }

    /** Which files scripts may use, and whether diagnostics may quote them. */
    FileAccess files() {
        return files;
    }

    /** The data files the session's panels were read from (an export must not silently replace one). */
    List<Path> dataFiles() {
        return panels.values().stream().map(Panel::path).filter(java.util.Objects::nonNull).toList();
    }

    ModelRegistry models() {
        return models;
    }

    Path baseDirectory() {
        return baseDirectory;
    }

    Path cacheDirectory() {
        return cacheDirectory;
    }

    Reporter reporter() {
        return reporter;
    }

    /**
     * Points relative paths at another folder (the REPL's {@code :load} of a script elsewhere).
     *
     * @return the folder they pointed at before
     */
    Path rebase(Path folder) {
        Path previous = baseDirectory;
        baseDirectory = folder;
        return previous;
    }

    /**
     * A path from a script, resolved against the session's base folder; refused (QF5021) when the
     * session is confined to a folder that does not hold it.
     */
    Path resolve(String path) {
        return files.check(baseDirectory.resolve(path).normalize());
    }

    void putPanel(Panel panel) {
        panels.put(panel.name(), panel);
    }

    Panel panel(String name) {
        Panel p = panels.get(name);
        if (p == null) {
            throw new IllegalStateException("series " + name + " was checked but never loaded");
        }
        return p;
    }

    void putSlot(String name, ModelSlot slot) {
        slots.put(name, slot);
    }

    ModelSlot slot(String name) {
        ModelSlot s = slots.get(name);
        if (s == null) {
            throw new IllegalStateException("model " + name + " was checked but never declared");
        }
        return s;
    }

    void putTable(String name, Table table) {
        tables.put(name, table);
    }

    Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** The forecast of a fitted model for a series panel: one batched inference, then reused. */
    ForecastSet forecast(String modelName, ModelSlot slot, String series) {
        if (slot.forecast(series) == null) {
            Panel panel = panel(series);
            TrainedModel trained = slot.trained();
            slot.forecast(series, Forecasts.floored(trained.forecast(modelName, panel, new FitContext(modelName, reporter)),
                    panel.support()));
        }
        return slot.forecast(series);
    }

    List<String> describe(Scope scope) {
        List<String> out = new ArrayList<>();
        for (Symbol s : scope.symbols()) {
            if (s instanceof Symbol.SeriesSymbol) {
                Panel p = panels.get(s.name());
                out.add("series " + s.name() + (p == null ? "" : ": " + p.series().size() + " series, "
                        + p.frequency().keyword() + ", " + p.support().keyword() + ", from " + p.source()));
            } else if (s instanceof Symbol.ModelSymbol m) {
                ModelSlot slot = slots.get(s.name());
                ModelSpec spec = slot == null ? null : slot.spec();
                out.add("model " + s.name() + ": " + (spec != null ? spec.canonical() : m.modelKind()) + " on " + m.series()
                        + (slot != null && slot.fitted() ? " — fitted: " + slot.trained().describe() : " — not fitted yet"));
            } else if (s instanceof Symbol.LetSymbol l) {
                Table t = tables.get(s.name());
                out.add("let " + s.name() + ": " + (t != null ? "table " + t.columnNames() + ", " + t.rowCount() + " rows"
                        : l.kind().description() + (l.constant() != null ? " = " + l.constant() : "")));
            }
        }
        return out;
    }

    @Override
    public void close() {
        for (ModelSlot slot : slots.values()) {
            if (slot.trained() instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // Releasing native memory at the end of a session; nothing useful to report.
                }
            }
        }
        slots.clear();
    }
}
