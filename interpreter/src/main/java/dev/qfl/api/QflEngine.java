package dev.qfl.api;

import dev.qfl.check.Checker;
import dev.qfl.check.Scope;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.DiagnosticException;
import dev.qfl.diag.SourceFile;
import dev.qfl.diag.Span;
import dev.qfl.eval.Interpreter;
import dev.qfl.eval.DataCheck;
import dev.qfl.format.Formatter;
import dev.qfl.plan.Plan;
import dev.qfl.plan.Planner;
import dev.qfl.stdlib.io.FileAccess;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.Reporter;
import dev.qfl.syntax.ParseResult;
import dev.qfl.syntax.ScriptParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Entry point for embedding QFL in a Java application. An engine is immutable configuration
 * (model kinds, where progress goes, where trained models are cached); sessions hold state.
 * Nothing is static: engines and sessions in one JVM are independent.
 *
 * <pre>{@code
 * QflEngine engine = QflEngine.builder().build();
 * try (QflSession session = engine.openSession(Path.of("plans"))) {
 *     Result r = session.evaluate("weekly.qfl", source);
 *     Table q94 = r.lastTable().orElseThrow();
 * } catch (QflScriptException e) {
 *     e.diagnostics().forEach(d -> log.warn(d.message()));
 * }
 * }</pre>
 */
public final class QflEngine {
    private final ModelRegistry models;
    private final Reporter reporter;
    private final Path cacheDirectory;
    private final FileAccess fileAccess;

    private QflEngine(Builder b) {
        this.models = b.models;
        this.reporter = b.reporter;
        this.cacheDirectory = b.cacheDirectory;
        this.fileAccess = b.fileAccess();
    }

    /** Which files scripts may read and write, and whether diagnostics may quote data files. */
    public FileAccess fileAccess() {
        return fileAccess;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The model kinds scripts can use. */
    public ModelRegistry models() {
        return models;
    }

    /**
     * A new session whose relative paths (data files, exports, the model cache {@code .qfl/models})
     * resolve against {@code baseDirectory}: a script's folder, or the working directory.
     */
    public QflSession openSession(Path baseDirectory) {
        Path cache = cacheDirectory != null ? cacheDirectory : baseDirectory.resolve(".qfl").resolve("models");
        return new QflSession(this, baseDirectory, cache, reporter);
    }

    /** Parses and checks a script without loading data or training: the diagnostics found. */
    public List<Diagnostic> check(String sourceName, String source) {
        SourceFile file = new SourceFile(sourceName, source);
        return diagnosticsOf(file, "checking this script", () -> {
            ParseResult parsed = ScriptParser.parse(file);
            if (!parsed.ok()) {
                return parsed.diagnostics();
            }
            return new Checker(models, file).check(parsed.script(), Scope.empty()).diagnostics();
        });
    }

    /**
     * {@link #check(String, String)} plus the data: every declared series is read (relative to
     * {@code baseDirectory}) and series too short for a declared model are warned about. Nothing is
     * trained. This is what {@code qfl check} runs.
     */
    public List<Diagnostic> check(String sourceName, String source, Path baseDirectory) {
        SourceFile file = new SourceFile(sourceName, source);
        return diagnosticsOf(file, "checking this script and its data", () -> {
            ParseResult parsed = ScriptParser.parse(file);
            if (!parsed.ok()) {
                return parsed.diagnostics();
            }
            var checked = new Checker(models, file).check(parsed.script(), Scope.empty());
            if (checked.hasErrors()) {
                return checked.diagnostics();
            }
            List<Diagnostic> all = new ArrayList<>(checked.diagnostics());
            all.addAll(DataCheck.run(checked, file, models, baseDirectory, fileAccess));
            return all;
        });
    }

    /**
     * The script in canonical layout.
     *
     * @throws QflScriptException when it does not parse (only well-formed scripts are reformatted)
     */
    public String format(String sourceName, String source) throws QflScriptException {
        SourceFile file = new SourceFile(sourceName, source);
        ParseResult parsed = parse(file);
        if (!parsed.ok()) {
            throw new QflScriptException(parsed.diagnostics());
        }
        try {
            return Formatter.format(parsed, file);
        } catch (RuntimeException | Error e) {
            throw QflScriptException.of(Interpreter.failure(e, file, Span.NONE, "formatting this script"));
        }
    }

    /**
     * The plan of training and inference runs the script compiles to, without running it.
     *
     * @param baseDirectory where the script's relative paths point (to report cached models)
     * @throws QflScriptException when the script has errors
     */
    public Plan explain(String sourceName, String source, Path baseDirectory) throws QflScriptException {
        SourceFile file = new SourceFile(sourceName, source);
        ParseResult parsed = parse(file);
        if (!parsed.ok()) {
            throw new QflScriptException(parsed.diagnostics());
        }
        try {
            var checked = new Checker(models, file).check(parsed.script(), Scope.empty());
            List<Diagnostic> errors = new ArrayList<>(checked.diagnostics());
            errors.removeIf(d -> !d.isError());
            if (!errors.isEmpty()) {
                throw new QflScriptException(checked.diagnostics());
            }
            Path cache = cacheDirectory != null ? cacheDirectory : baseDirectory.resolve(".qfl").resolve("models");
            return Planner.plan(checked, sourceName, models, baseDirectory, cache);
        } catch (RuntimeException | Error e) {
            throw QflScriptException.of(Interpreter.failure(e, file, Span.NONE, "planning this script"));
        }
    }

    /** Parses, a failure of the parser itself being a diagnostic too. */
    private static ParseResult parse(SourceFile file) throws QflScriptException {
        try {
            return Interpreter.parse(file);
        } catch (DiagnosticException e) {
            throw QflScriptException.of(e);
        }
    }

    /**
     * Runs a step that answers with diagnostics; if QFL itself fails (an exception or a JVM error
     * such as running out of memory), the failure is one more diagnostic rather than an exception
     * the host has to know about.
     */
    private static List<Diagnostic> diagnosticsOf(SourceFile file, String doing, Supplier<List<Diagnostic>> step) {
        try {
            return step.get();
        } catch (RuntimeException | Error e) {
            return Interpreter.failure(e, file, Span.NONE, doing).diagnostics();
        }
    }

    /** Builds an engine; every setting has a sensible default. */
    public static final class Builder {
        private ModelRegistry models = ModelRegistry.standard();
        private Reporter reporter = Reporter.silent();
        private Path cacheDirectory;
        private Path fileRoot;
        private boolean quoteFileContent = true;

        private Builder() {
        }

        /** Model kinds to offer (default: the standard ones). */
        public Builder models(ModelRegistry registry) {
            this.models = registry;
            return this;
        }

        /** Where training progress and library warnings go (default: dropped). */
        public Builder reporter(Reporter r) {
            this.reporter = r;
            return this;
        }

        /** One model cache for every session, instead of {@code .qfl/models} under each base folder. */
        public Builder cacheDirectory(Path dir) {
            this.cacheDirectory = dir;
            return this;
        }

        /**
         * Confines scripts to {@code folder}: data files, exports, plots and saved or loaded models
         * outside it (after resolving {@code ..} and symbolic links) are refused with QF5021.
         * Default: none, scripts use any path the process can (as the CLI does).
         */
        public Builder fileRoot(Path folder) {
            this.fileRoot = folder;
            return this;
        }

        /**
         * Whether diagnostics may quote data files: the offending line, cell texts, column names
         * (default: true). Turn it off when the people reading diagnostics may not read the files.
         */
        public Builder quoteFileContent(boolean quote) {
            this.quoteFileContent = quote;
            return this;
        }

        private FileAccess fileAccess() {
            if (fileRoot == null) {
                return new FileAccess(null, quoteFileContent);
            }
            try {
                return FileAccess.within(fileRoot, quoteFileContent);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("fileRoot: " + e.getMessage(), e);
            }
        }

        public QflEngine build() {
            return new QflEngine(this);
        }
    }
}
