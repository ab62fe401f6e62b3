package dev.qfl.cli;

import dev.qfl.bench.AccuracyBenchmark;
import dev.qfl.bench.ClassicsBenchmark;
import dev.qfl.bench.IsqfQueryBenchmark;
import dev.qfl.bench.ScoringBenchmark;
import dev.qfl.bench.neural.IqfBenchmark;
import dev.qfl.bench.neural.JointExperiment;
import dev.qfl.bench.neural.MixtureExperiment;
import dev.qfl.bench.neural.Mqf2Benchmark;
import dev.qfl.fuzz.FuzzBenchmark;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmarks {@code qfl bench NAME} can run: a name, what it measures, and its entry point,
 * bound at compile time (the benchmarks live in the {@code bench} module, the fuzzer here), so a
 * renamed or removed benchmark is a build error rather than a message at run time.
 */
public final class Benchmarks {
    /** What a benchmark runs: its {@code main}, given the arguments after its name. */
    @FunctionalInterface
    public interface EntryPoint {
        void run(String[] args) throws Exception;
    }

    /** A benchmark: its name on the command line, a one-line summary and its entry point. */
    public record Entry(String name, String summary, EntryPoint entryPoint) {
    }

    private final Map<String, Entry> entries;

    public Benchmarks(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** The benchmarks QFL ships. */
    public static Benchmarks standard() {
        Map<String, Entry> m = new LinkedHashMap<>();
        add(m, "accuracy", AccuracyBenchmark::main,
                "every model on the real panels and the development set: holdout and 3 rolling origins, beside statsforecast (--help for arguments)");
        add(m, "classics", ClassicsBenchmark::main,
                "series/s of ets, theta, arima and auto on generated monthly series, beside R's forecast package when installed (arg: series, default 1,000)");
        add(m, "iqf", IqfBenchmark::main,
                "iqf training and query throughput, model load time and memory (arg: epochs, default 8)");
        add(m, "scoring", ScoringBenchmark::main,
                "backtest scoring throughput, every metric on (arg: rows, default 1,000,000)");
        add(m, "joint", JointExperiment::main,
                "the article's joint experiment: mqf2 against iqf on AR(1) data, rho 0.9 and 0.5 (arg: epochs, default 30)");
        add(m, "mqf2", Mqf2Benchmark::main,
                "mqf2 training steps/s at horizon 7 and 14, joint sampling paths/s, memory by epoch (arg: epochs, default 6)");
        add(m, "mixture", MixtureExperiment::main,
                "the article's experiment: 5 vs 20 knots on a three-peak mixture (arg: epochs)");
        add(m, "query", IsqfQueryBenchmark::main,
                "quantile and CDF evaluations per second of learned quantile functions");
        add(m, "fuzz", FuzzBenchmark::main,
                "mutants of the example scripts through check, fmt, explain and run, without training; internal errors found (arg: mutants, default 2,000)");
        return new Benchmarks(m);
    }

    private static void add(Map<String, Entry> m, String name, EntryPoint entryPoint, String summary) {
        m.put(name, new Entry(name, summary, entryPoint));
    }

    public Optional<Entry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** One line per benchmark, sorted by name. */
    public String list() {
        StringBuilder sb = new StringBuilder();
        entries.values().stream().sorted(Comparator.comparing(Entry::name))
                .forEach(e -> sb.append(String.format("  %-8s %s%n", e.name(), e.summary())));
        return sb.toString();
    }
}
