package dev.qfl.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmarks {@code qfl bench NAME} can run: a name, what it measures, and the class whose
 * {@code main(String[])} runs it. Classes are found by reflection, so the command line compiles
 * before a benchmark exists and says so plainly when one is missing from the build.
 */
public final class Benchmarks {
    /** A benchmark entry point. */
    public record Entry(String name, String className, String summary) {
    }

    private final Map<String, Entry> entries;

    public Benchmarks(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** The benchmarks QFL ships. */
    public static Benchmarks standard() {
        Map<String, Entry> m = new LinkedHashMap<>();
        add(m, "accuracy", "dev.qfl.stdlib.bench.AccuracyBenchmark",
                "every model on the real panels and the development set: holdout and 3 rolling origins, beside statsforecast (--help for arguments)");
        add(m, "classics", "dev.qfl.stdlib.bench.ClassicsBenchmark",
                "series/s of ets, theta, arima and auto on generated monthly series, beside R's forecast package when installed (arg: series, default 1,000)");
        add(m, "iqf", "dev.qfl.stdlib.neural.IqfBenchmark",
                "iqf training and query throughput, model load time and memory (arg: epochs, default 8)");
        add(m, "scoring", "dev.qfl.stdlib.evaluation.ScoringBenchmark",
                "backtest scoring throughput, every metric on (arg: rows, default 1,000,000)");
        add(m, "joint", "dev.qfl.stdlib.neural.JointExperiment",
                "the article's joint experiment: mqf2 against iqf on AR(1) data, rho 0.9 and 0.5 (arg: epochs, default 30)");
        add(m, "mqf2", "dev.qfl.stdlib.neural.Mqf2Benchmark",
                "mqf2 training steps/s at horizon 7 and 14, joint sampling paths/s, memory by epoch (arg: epochs, default 6)");
        add(m, "mixture", "dev.qfl.stdlib.neural.MixtureExperiment",
                "the article's experiment: 5 vs 20 knots on a three-peak mixture (arg: epochs)");
        add(m, "query", "dev.qfl.stdlib.dist.IsqfQueryBenchmark",
                "quantile and CDF evaluations per second of learned quantile functions");
        add(m, "fuzz", "dev.qfl.fuzz.FuzzBenchmark",
                "mutants of the example scripts through check, fmt, explain and run, without training; internal errors found (arg: mutants, default 2,000)");
        return new Benchmarks(m);
    }

    private static void add(Map<String, Entry> m, String name, String className, String summary) {
        m.put(name, new Entry(name, className, summary));
    }

    public Optional<Entry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** One line per benchmark, sorted by name. */
    public String list() {
        StringBuilder sb = new StringBuilder();
        entries.values().stream().sorted(java.util.Comparator.comparing(Entry::name))
                .forEach(e -> sb.append(String.format("  %-8s %s%n", e.name(), e.summary())));
        return sb.toString();
    }

    /** The entry's {@code public static void main(String[])}, if this build has it. */
    public static Optional<Method> mainOf(Entry entry) {
        try {
            Method main = Class.forName(entry.className()).getMethod("main", String[].class);
            return Modifier.isStatic(main.getModifiers()) ? Optional.of(main) : Optional.empty();
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Runs a benchmark's main; its own exceptions come out unwrapped. */
    public static void invoke(Method main, String[] args) throws Exception {
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
