package dev.qfl.eval;

import dev.qfl.check.CheckResult;
import dev.qfl.check.Checker;
import dev.qfl.check.Scope;
import dev.qfl.check.Symbol;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.DiagnosticException;
import dev.qfl.diag.Diagnostics;
import dev.qfl.diag.SourceFile;
import dev.qfl.diag.Span;
import dev.qfl.plan.Plan;
import dev.qfl.plan.Planner;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.io.FileAccess;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.Reporter;
import dev.qfl.stdlib.table.Table;
import dev.qfl.syntax.ParseResult;
import dev.qfl.syntax.ScriptParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The evaluator behind a session: parse, check against what the session already knows, then run
 * the statements in order. A statement's names enter the session only once it has run, so an
 * input that fails half-way keeps exactly what its successful statements defined.
 */
public final class Interpreter implements AutoCloseable {
    private final ModelRegistry models;
    private final SessionState state;
    private Scope scope = Scope.empty();
    private Consumer<Plan.Step> stepObserver = step -> {
    };

    public Interpreter(ModelRegistry models, Path baseDirectory, Path cacheDirectory, Reporter reporter) {
        this(models, baseDirectory, cacheDirectory, reporter, FileAccess.unrestricted());
    }

    /** An interpreter whose scripts may use only the files {@code files} allows. */
    public Interpreter(ModelRegistry models, Path baseDirectory, Path cacheDirectory, Reporter reporter,
                       FileAccess files) {
        this.models = models;
        this.state = new SessionState(models, baseDirectory, cacheDirectory, reporter, files);
    }

    /**
     * Parses, checks, plans and runs an input, handing each result to {@code sink} as its
     * statement finishes.
     *
     * @throws DiagnosticException when the input has errors (nothing ran) or a statement failed
     *                             (the statements before it keep what they defined)
     */
    public void evaluate(String sourceName, String source, OutputSink sink) throws DiagnosticException {
        SourceFile file = new SourceFile(sourceName, source);
        ParseResult parsed = parse(file);
        if (!parsed.ok()) {
            throw new DiagnosticException(parsed.diagnostics());
        }
        CheckResult checked;
        try {
            checked = new Checker(models, file).check(parsed.script(), scope);
        } catch (RuntimeException | Error e) {
            throw failure(e, file, Span.NONE, "checking this input");
        }
        if (checked.hasErrors()) {
            throw new DiagnosticException(checked.diagnostics());
        }
        Plan plan;
        try {
            plan = Planner.plan(checked, sourceName, models, state.baseDirectory(), state.cacheDirectory(), earlier());
        } catch (RuntimeException | Error e) {
            throw failure(e, file, Span.NONE, "planning this input");
        }
        checked.diagnostics().forEach(sink::warning);
        Executor executor = new Executor(state, file, checked, plan, sink, stepObserver);
        for (int i = 0; i < checked.script().statements().size(); i++) {
            var statement = checked.statement(i);
            try {
                // the session scope grows as statements succeed, so it is exactly the names defined
                // before this statement: one scope per definition, not one rebuilt per statement
                executor.run(i, scope);
            } catch (QflException e) {
                throw new DiagnosticException(List.of(Diagnostics.fromLibrary(e, file, DataCheck.culprit(statement),
                        state.baseDirectory())), e);
            } catch (CancellationException e) {
                throw new DiagnosticException(List.of(Diagnostic.error(DiagnosticCode.CANCELLED, file, statement.span(),
                        "cancelled; the session keeps everything defined before this statement")), e);
            } catch (RuntimeException | Error e) {
                throw failure(e, file, statement.span(), "running this statement");
            }
            Optional<Symbol> defined = checked.definedBy(i);
            if (defined.isPresent()) {
                scope = scope.with(defined.get());
            }
        }
    }

    /** What this session's earlier inputs did, for the plan of the next one. */
    private Planner.Earlier earlier() {
        Scope before = scope;
        return new Planner.Earlier() {
            @Override
            public Optional<Symbol.ModelSymbol> model(String name) {
                return before.lookup(name).filter(s -> s instanceof Symbol.ModelSymbol).map(s -> (Symbol.ModelSymbol) s);
            }

            @Override
            public boolean fitted(String model) {
                return model(model).isPresent() && state.slot(model).fitted();
            }

            @Override
            public boolean forecast(String model, String series) {
                return model(model).isPresent() && state.slot(model).forecast(series) != null;
            }
        };
    }

    /**
     * Tells {@code observer} of every plan step this session runs, as it starts (tests check that
     * the run performs exactly the plan's steps).
     */
    public void observeSteps(Consumer<Plan.Step> observer) {
        this.stepObserver = observer;
    }

    /** Parses, turning a failure of the parser itself (e.g. out of memory) into a diagnostic. */
    public static ParseResult parse(SourceFile file) throws DiagnosticException {
        try {
            return ScriptParser.parse(file);
        } catch (RuntimeException | Error e) {
            throw failure(e, file, Span.NONE, "reading this input");
        }
    }

    /**
     * What a host sees when QFL itself fails: a diagnostic, never a raw exception or JVM error.
     * Running out of memory is a resource limit (QF9001: a smaller input or a larger heap helps);
     * anything else, a stack overflow included (the nesting limit keeps the default stack safe),
     * is QFL's fault (QF9000). Catching a {@link VirtualMachineError} is safe here: the stack has
     * unwound to this frame and what the failed work allocated is garbage.
     *
     * @param doing what QFL was doing, e.g. "running this statement"
     */
    public static DiagnosticException failure(Throwable e, SourceFile file, Span at, String doing) {
        if (e instanceof OutOfMemoryError) {
            return new DiagnosticException(List.of(Diagnostic.error(DiagnosticCode.OUT_OF_MEMORY, file, at,
                    "QFL ran out of memory while " + doing,
                    "give Java more memory (e.g. QFL_JAVA_OPTS=-Xmx4g), or use less data or smaller models")), e);
        }
        String what = e instanceof StackOverflowError ? "ran out of stack space" : "failed";
        return new DiagnosticException(List.of(Diagnostic.error(DiagnosticCode.INTERNAL, file, at,
                "QFL " + what + " while " + doing + " (a bug in QFL, not in the script): " + oneLine(e),
                "rerun with --debug to see the stack trace, and please report it")), e);
    }

    /**
     * The failure as one short line: a message may hold a syntax tree, a stack of causes or a
     * file's content, and the diagnostic already points at the statement (the trace is in --debug).
     */
    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline).strip() + " ...";
        }
        if (message.length() > 200) {
            message = message.substring(0, 197) + "...";
        }
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /**
     * Runs source whose relative paths resolve against {@code folder} rather than the session's
     * base folder, which is restored afterwards (the REPL's {@code :load dir/script.qfl}).
     */
    public void evaluate(String sourceName, String source, Path folder, OutputSink sink)
            throws DiagnosticException {
        Path previous = state.rebase(folder);
        try {
            evaluate(sourceName, source, sink);
        } finally {
            state.rebase(previous);
        }
    }

    public List<Diagnostic> check(String sourceName, String source) {
        SourceFile file = new SourceFile(sourceName, source);
        ParseResult parsed;
        try {
            parsed = parse(file);
        } catch (DiagnosticException e) {
            return e.diagnostics();
        }
        if (!parsed.ok()) {
            return parsed.diagnostics();
        }
        try {
            return new Checker(models, file).check(parsed.script(), scope).diagnostics();
        } catch (RuntimeException | Error e) {
            return failure(e, file, Span.NONE, "checking this input").diagnostics();
        }
    }

    public Set<String> names() {
        Set<String> out = new LinkedHashSet<>();
        scope.symbols().forEach(s -> out.add(s.name()));
        return out;
    }

    /** The current scope (for completion and describing names). */
    public Scope scope() {
        return scope;
    }

    public Optional<Table> table(String name) {
        return state.table(name);
    }

    public List<String> describe() {
        return state.describe(scope);
    }

    public Path baseDirectory() {
        return state.baseDirectory();
    }

    /**
     * Makes {@code panel} the series {@code panel.name()} of this session, as if a {@code series}
     * declaration had read it: the embedding API's {@code bind}, for rows the host already holds.
     *
     * @throws IllegalArgumentException when the name is already defined
     */
    public void bind(dev.qfl.stdlib.data.Panel panel) {
        if (scope.lookup(panel.name()).isPresent()) {
            throw new IllegalArgumentException("'" + panel.name() + "' is already defined in this session");
        }
        state.putPanel(panel);
        scope = scope.with(new Symbol.SeriesSymbol(panel.name(), dev.qfl.diag.Span.NONE, null, java.util.Map.of(),
                panel.frequency()));
    }

    @Override
    public void close() {
        state.close();
    }
}
