package dev.qfl.fuzz;

import dev.qfl.api.QflEngine;
import dev.qfl.api.QflScriptException;
import dev.qfl.api.QflSession;
import dev.qfl.ast.AstEquality;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.syntax.ParseResult;
import dev.qfl.syntax.ScriptParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs mutants of the example scripts through every pass a user can reach ({@code check},
 * {@code fmt}, {@code explain}, {@code run}) and collects the internal errors: a QF9xxx
 * diagnostic, or any exception or JVM error that escapes the API. Bad input must only ever
 * produce ordinary diagnostics. Also checks that formatting is stable: the formatted text parses
 * to the same tree and formats to itself.
 *
 * <p>Runs without training (see {@link StandInModels}), inside a scratch copy of the examples'
 * data (read-only, so a mutant cannot damage it), confined to that folder. Each mutant runs on a
 * worker thread with the default stack size, under a time limit.
 */
public final class Fuzzer {
    /** Where a mutant went. */
    public enum Pass { CHECK, FMT, EXPLAIN, RUN }

    /** A mutant that made QFL fail: which pass, what happened, and the mutant itself. */
    public record Finding(int index, String origin, Pass pass, String problem, String source) {
    }

    /** Per pass: mutants that reached it, that it accepted, that failed inside QFL, and the time spent. */
    public record PassCount(int tried, int accepted, int internal, long millis) {
        PassCount plus(Outcome o) {
            return new PassCount(tried + 1, accepted + (o.ok() ? 1 : 0), internal + (o.problem() != null ? 1 : 0),
                    millis + o.millis());
        }
    }

    /** The outcome of a run. */
    public record Report(int mutants, Map<Pass, PassCount> passes, List<Finding> findings, long millis) {
    }

    private final List<FuzzWorkspace.Seed> seeds;
    private final QflEngine engine;
    private final long seed;
    private final long timeoutMillis;

    /**
     * @param workspace     a prepared scratch copy of the examples
     * @param seed          the random seed: the same seed gives the same mutants
     * @param timeoutMillis the time one mutant may take through all passes
     */
    public Fuzzer(FuzzWorkspace workspace, long seed, long timeoutMillis) {
        this.seeds = workspace.seeds();
        this.seed = seed;
        this.timeoutMillis = timeoutMillis;
        this.engine = QflEngine.builder().models(StandInModels.of(ModelRegistry.standard()))
                .cacheDirectory(workspace.root().resolve(".qfl-cache")).fileRoot(workspace.root()).build();
    }

    /** Mutant {@code index}: the same index and seed always give the same text. */
    public String mutant(int index) {
        FuzzWorkspace.Seed origin = origin(index);
        return Mutator.mutate(origin.text(), new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index));
    }

    public FuzzWorkspace.Seed origin(int index) {
        return seeds.get(index % seeds.size());
    }

    /** Runs mutants {@code 0..count-1}, reporting each finding as it is found. */
    public Report run(int count, Consumer<Finding> onFinding) {
        return run(count, onFinding, report -> { });
    }

    /**
     * Runs mutants {@code 0..count-1}, reporting each finding as it is found and the report so
     * far after every 500 mutants (a long run can be stopped and still say what it did).
     */
    public Report run(int count, Consumer<Finding> onFinding, Consumer<Report> progress) {
        long start = System.nanoTime();
        Map<Pass, PassCount> passes = new EnumMap<>(Pass.class);
        for (Pass p : Pass.values()) {
            passes.put(p, new PassCount(0, 0, 0, 0));
        }
        List<Finding> findings = new ArrayList<>();
        ExecutorService worker = newWorker();
        int tried = 0;
        try {
            for (int i = 0; i < count; i++) {
                int index = i;
                String source = mutant(index);
                List<Outcome> outcomes = new ArrayList<>();
                AtomicReference<Pass> current = new AtomicReference<>(Pass.CHECK);
                Future<?> done = worker.submit(() -> runPasses(source, origin(index), outcomes, current));
                try {
                    done.get(timeoutMillis, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    String where = whereStuck();
                    done.cancel(true);
                    worker.shutdownNow();
                    worker = newWorker(); // the stuck thread is a daemon and is left behind
                    outcomes.add(new Outcome(current.get(), false,
                            "took longer than " + timeoutMillis + " ms (stopped), in " + where, timeoutMillis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome(Pass.CHECK, false, "the fuzzer itself failed: " + e.getCause(), 0));
                }
                synchronized (outcomes) {
                    for (Outcome o : outcomes) {
                        passes.put(o.pass(), passes.get(o.pass()).plus(o));
                        if (o.problem() != null) {
                            Finding f = new Finding(index, origin(index).name(), o.pass(), o.problem(), source);
                            findings.add(f);
                            onFinding.accept(f);
                        }
                    }
                }
                tried++;
                if ((i + 1) % 500 == 0) {
                    progress.accept(new Report(i + 1, new EnumMap<>(passes), List.copyOf(findings),
                            (System.nanoTime() - start) / 1_000_000));
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return new Report(tried, passes, findings, (System.nanoTime() - start) / 1_000_000);
    }

    private final AtomicReference<Thread> workerThread = new AtomicReference<>();

    private ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "qfl-fuzz");
            t.setDaemon(true);
            workerThread.set(t);
            return t;
        });
    }

    /** The QFL frames the worker is in, so a hang says where it hangs. */
    private String whereStuck() {
        Thread t = workerThread.get();
        if (t == null) {
            return "?";
        }
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("dev.qfl.") && !frame.getClassName().startsWith("dev.qfl.fuzz.")
                    && shown++ < 4) {
                sb.append(shown == 1 ? "" : " < ").append(frame.getClassName().replace("dev.qfl.", ""))
                        .append('.').append(frame.getMethodName());
            }
        }
        return sb.isEmpty() ? "?" : sb.toString();
    }

    /** What one pass did with a mutant: accepted it, rejected it with diagnostics, or failed (problem). */
    private record Outcome(Pass pass, boolean ok, String problem, long millis) {
    }

    private void runPasses(String source, FuzzWorkspace.Seed origin, List<Outcome> outcomes, AtomicReference<Pass> current) {
        String name = origin.name();
        Path folder = origin.folder();
        boolean checked = attempt(Pass.CHECK, outcomes, () -> {
            List<Diagnostic> diagnostics = engine.check(name, source, folder);
            return verdict(diagnostics);
        });
        current.set(Pass.FMT);
        attempt(Pass.FMT, outcomes, () -> formatVerdict(name, source));
        current.set(Pass.EXPLAIN);
        attempt(Pass.EXPLAIN, outcomes, () -> {
            try {
                engine.explain(name, source, folder);
                return null;
            } catch (QflScriptException e) {
                return verdict(e.diagnostics());
            }
        });
        if (checked) {
            current.set(Pass.RUN);
            attempt(Pass.RUN, outcomes, () -> {
                try (QflSession session = engine.openSession(folder)) {
                    session.evaluate(name, source);
                    return null;
                } catch (QflScriptException e) {
                    return verdict(e.diagnostics());
                }
            });
        }
    }

    /** A pass's verdict: null when it accepted the mutant, else "rejected" or the internal problem. */
    private interface Step {
        String run() throws Exception;
    }

    private static final String REJECTED = "";

    /** @return whether the pass accepted the mutant */
    private static boolean attempt(Pass pass, List<Outcome> outcomes, Step step) {
        String verdict;
        long start = System.nanoTime();
        try {
            verdict = step.run();
        } catch (Throwable t) { // the point of the exercise: nothing may escape
            verdict = "uncaught " + t;
        }
        boolean ok = verdict == null;
        long millis = (System.nanoTime() - start) / 1_000_000;
        synchronized (outcomes) {
            outcomes.add(new Outcome(pass, ok, ok || verdict.equals(REJECTED) ? null : verdict, millis));
        }
        return ok;
    }

    /** Null for no errors, {@link #REJECTED} for ordinary errors, the text of an internal one. */
    private static String verdict(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            if (d.code().startsWith("QF9")) {
                return d.code() + " " + d.message();
            }
            if (!d.code().matches("QF\\d{4}") || d.message() == null || d.message().isBlank()) {
                return "malformed diagnostic " + d;
            }
        }
        return diagnostics.stream().anyMatch(Diagnostic::isError) ? REJECTED : null;
    }

    /** Formats, then checks the result parses to the same tree and is its own canonical layout. */
    private String formatVerdict(String name, String source) {
        String formatted;
        try {
            formatted = engine.format(name, source);
        } catch (QflScriptException e) {
            return verdict(e.diagnostics());
        }
        ParseResult before = ScriptParser.parse(new SourceFile(name, source));
        ParseResult after = ScriptParser.parse(new SourceFile(name, formatted));
        if (!after.ok()) {
            return "formatted text does not parse: " + after.diagnostics().get(0).message() + "\n--- formatted:\n"
                    + formatted;
        }
        if (!AstEquality.equalIgnoringSpans(before.script(), after.script())) {
            return "formatting changed the meaning at " + AstEquality.firstDifference(before.script(), after.script(),
                    "script") + "\n--- formatted:\n" + formatted;
        }
        try {
            String again = engine.format(name, formatted);
            if (!again.equals(formatted)) {
                return "formatting is not stable: formatting the output changes it\n--- formatted:\n" + formatted;
            }
        } catch (QflScriptException e) {
            return "formatted text is rejected: " + e.diagnostics().get(0).message();
        }
        return null;
    }
}
