package dev.qfl.api;

import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.DiagnosticException;
import dev.qfl.eval.Interpreter;
import dev.qfl.stdlib.model.Reporter;
import dev.qfl.stdlib.table.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A stateful conversation with QFL: declared series, models (trained lazily, once), and bound
 * tables persist across {@link #evaluate} calls, as in the REPL. An input with errors changes
 * nothing; an input that fails while running keeps what its earlier statements defined.
 *
 * <p>A session is not thread-safe; use one per thread. Close it to release trained models.
 */
public final class QflSession implements AutoCloseable {
    private final Interpreter interpreter;

    QflSession(QflEngine engine, Path baseDirectory, Path cacheDirectory, Reporter reporter) {
        this.interpreter = new Interpreter(engine.models(), baseDirectory, cacheDirectory, reporter,
                engine.fileAccess());
    }

    /**
     * Runs QFL source.
     *
     * @param sourceName shown in diagnostics (a file name, or {@code <repl>})
     * @throws QflScriptException with every diagnostic when the source has errors or a statement fails
     */
    public Result evaluate(String sourceName, String source) throws QflScriptException {
        return evaluate(sourceName, source, output -> { });
    }

    /** Runs QFL source, handing each output to {@code sink} as soon as its statement finishes. */
    public Result evaluate(String sourceName, String source, Consumer<Output> sink) throws QflScriptException {
        List<Output> outputs = new ArrayList<>();
        try {
            interpreter.evaluate(sourceName, source, Output.into(collecting(outputs, sink)));
        } catch (DiagnosticException e) {
            throw QflScriptException.of(e);
        }
        return new Result(outputs);
    }

    /**
     * Runs a script from another folder in this session: its relative paths (data, exports)
     * resolve against {@code folder} for this call only, as when the REPL loads
     * {@code :load plans/weekly.qfl}. Names it defines stay in the session.
     */
    public Result evaluate(String sourceName, String source, Path folder, Consumer<Output> sink)
            throws QflScriptException {
        List<Output> outputs = new ArrayList<>();
        try {
            interpreter.evaluate(sourceName, source, folder, Output.into(collecting(outputs, sink)));
        } catch (DiagnosticException e) {
            throw QflScriptException.of(e);
        }
        return new Result(outputs);
    }

    /** Hands each output to {@code sink} as it comes, and keeps it for the call's {@link Result}. */
    private static Consumer<Output> collecting(List<Output> outputs, Consumer<Output> sink) {
        return o -> {
            outputs.add(o);
            sink.accept(o);
        };
    }

    /**
     * Binds the rows of {@code rows} (a query the application ran itself) to the series
     * {@code name}, read now: scripts then use {@code name} like a declared series
     * ({@code model m = ets(name, horizon: 8)}). Every remaining row is read; the caller keeps and
     * closes the result set. No file is involved, so this also works in a session confined to a
     * folder.
     *
     * @throws QflScriptException when the name is taken or not a valid name, or the rows do not
     *                            make a panel (a missing column, a wrong type, a gap without fill)
     */
    public void bind(String name, java.sql.ResultSet rows, BindOptions options) throws QflScriptException {
        bind(name, () -> dev.qfl.stdlib.data.sql.BoundRows.fromResultSet(name, rows, options.toOptions()));
    }

    /** Binds the rows of {@code table} to the series {@code name}, as {@link #bind(String, java.sql.ResultSet, BindOptions)}. */
    public void bind(String name, Table table, BindOptions options) throws QflScriptException {
        bind(name, () -> dev.qfl.stdlib.data.sql.BoundRows.fromTable(name, table, options.toOptions()));
    }

    private void bind(String name, java.util.function.Supplier<dev.qfl.stdlib.data.LoadedPanel> read)
            throws QflScriptException {
        Bindings.requireFreeName(name, names());
        try {
            interpreter.bind(read.get().panel());
        } catch (dev.qfl.stdlib.QflException e) {
            throw Bindings.failed(name, e, baseDirectory());
        }
    }

    /** Checks source against this session's names without running it. */
    public List<Diagnostic> check(String sourceName, String source) {
        return interpreter.check(sourceName, source);
    }

    /** Names declared so far (series, models, lets), in declaration order. */
    public Set<String> names() {
        return interpreter.names();
    }

    /** A table bound with {@code let}. */
    public Optional<Table> table(String name) {
        return interpreter.table(name);
    }

    /** One line per declared name: what it is (for {@code :models}, {@code :tables}, {@code :describe}). */
    public List<String> describe() {
        return interpreter.describe();
    }

    /** The folder relative paths resolve against. */
    public Path baseDirectory() {
        return interpreter.baseDirectory();
    }

    @Override
    public void close() {
        interpreter.close();
    }
}
