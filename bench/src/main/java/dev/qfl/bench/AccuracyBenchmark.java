package dev.qfl.bench;

import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.dist.FlooredQuantileFunction;
import dev.qfl.stdlib.evaluation.Backtest;
import dev.qfl.stdlib.forecast.ForecastSet;
import dev.qfl.stdlib.forecast.SeriesForecast;
import dev.qfl.stdlib.io.AtomicFiles;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.models.naive.SeasonalNaiveKind;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code qfl bench accuracy}: every model, on its defaults, on every real panel, with the last
 * horizon held out and 3 rolling origins (the development set's protocol, so its statsforecast
 * peers print alongside). See {@link AccuracyOptions} for the arguments.
 *
 * <p>Relative scores divide by a seasonal naive on the same case: statsforecast's on the
 * development set (the peers' own reference, so the figures compare with theirs), QFL's
 * {@code seasonal_naive} on the other panels.
 */
public final class AccuracyBenchmark {
    private AccuracyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(AccuracyOptions.USAGE);
            return;
        }
        AccuracyOptions options;
        try {
            options = AccuracyOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("qfl bench accuracy: " + e.getMessage());
            System.err.println(AccuracyOptions.USAGE);
            System.exit(1);
            return;
        }
        try {
            run(options, System.out, System.err);
        } catch (IllegalArgumentException e) {
            // a missing data folder, an unknown model or option: the user's to fix, so no stack trace
            System.err.println("qfl bench accuracy: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(AccuracyOptions options, PrintStream out, PrintStream progress) throws Exception {
        ModelRegistry registry = ModelRegistry.standard();
        List<String> models = options.models().isEmpty() ? defaultModels(registry) : options.models();
        for (String m : models) {
            if (registry.find(m).isEmpty()) {
                throw new IllegalArgumentException("no model kind '" + m + "'");
            }
        }
        PeerScores peers = PeerScores.read(options.data().resolve("devset"));
        List<CaseScore> all = new ArrayList<>();
        StringBuilder quantiles = options.quantiles() == null ? null
                : new StringBuilder("panel,model,id,window,step,actual,q0.1,q0.2,q0.3,q0.4,q0.5,q0.6,q0.7,q0.8,q0.9\n");
        Map<String, Integer> skipped = new HashMap<>();
        Map<String, Double> seconds = new HashMap<>();
        for (AccuracyPanel panel : options.panels()) {
            Panel data = panel.load(options.data());
            List<Backtest.Window> windows = Backtest.windows(data, panel.horizon(), options.windows(), panel.horizon(),
                    panel.season());
            List<String> run = new ArrayList<>(models);
            if (!run.contains(SeasonalNaiveKind.NAME)) {
                run.add(0, SeasonalNaiveKind.NAME); // the reference of the relative scores
            }
            for (String model : run) {
                long t0 = System.nanoTime();
                int[] left = {0};
                List<CaseScore> cases = evaluate(registry.find(model).orElseThrow(), panel, data, windows, options, left,
                        quantiles);
                double s = (System.nanoTime() - t0) / 1e9;
                all.addAll(cases);
                skipped.put(panel.name() + "|" + model, left[0]);
                seconds.put(panel.name() + "|" + model, s);
                progress.printf(Locale.ROOT, "%s %s: %d cases, %d skipped, %.1f s%n", panel.name(), model, cases.size(),
                        left[0], s);
            }
        }
        Map<String, Double> ownNaive = new HashMap<>();
        for (CaseScore c : all) {
            if (c.model().equals(SeasonalNaiveKind.NAME)) {
                ownNaive.put(c.panel() + "|" + c.id() + "|" + c.window(), c.wql());
            }
        }
        for (String protocol : List.of("holdout", "rolling")) {
            out.println();
            out.println("== " + protocol + (protocol.equals("holdout") ? " (the last horizon)"
                    : " (" + options.windows() + " origins)") + "; gm_rel: devset vs statsforecast SeasonalNaive, "
                    + "other panels vs QFL seasonal_naive");
            AccuracySummary.header(out);
            List<String> groups = new ArrayList<>();
            options.panels().forEach(p -> groups.add(p.name()));
            if (options.panels().stream().filter(AccuracyPanel::devset).count() > 1) {
                groups.add("devset");
            }
            for (String group : groups) {
                for (String model : models) {
                    List<CaseScore> cases = AccuracySummary.select(all, c -> c.model().equals(model)
                            && inGroup(c, group, options) && (protocol.equals("rolling") || c.window() == 1));
                    int left = 0;
                    double fit = 0;
                    for (AccuracyPanel p : options.panels()) {
                        if (p.name().equals(group) || (group.equals("devset") && p.devset())) {
                            left += skipped.getOrDefault(p.name() + "|" + model, 0);
                            fit += seconds.getOrDefault(p.name() + "|" + model, 0.0);
                        }
                    }
                    AccuracySummary.print(out, AccuracySummary.row(group, model, cases, left,
                            c -> reference(c, options, peers, ownNaive), fit));
                }
                String peerGroup = group.equals("devset") ? "all" : group;
                peers.summaries(peerGroup, protocol).forEach(s -> AccuracySummary.printPeer(out, s));
            }
        }
        if (quantiles != null) {
            AtomicFiles.write(options.quantiles(), quantiles.toString().getBytes(StandardCharsets.UTF_8));
            progress.println("quantiles written to " + options.quantiles());
        }
        if (options.cases() != null) {
            writeCases(options.cases(), all);
            progress.println("per-case scores written to " + options.cases());
        }
    }

    /** Every kind but the joint networks (mqf2, slow to train), which run when named. */
    static List<String> defaultModels(ModelRegistry registry) {
        List<String> out = new ArrayList<>();
        for (ModelKind k : registry.all()) {
            if (!(k.joint() && k.neural())) {
                out.add(k.name());
            }
        }
        return out;
    }

    private static boolean inGroup(CaseScore c, String group, AccuracyOptions options) {
        if (group.equals("devset")) {
            return options.panels().stream().anyMatch(p -> p.devset() && p.name().equals(c.panel()));
        }
        return c.panel().equals(group);
    }

    private static double reference(CaseScore c, AccuracyOptions options, PeerScores peers, Map<String, Double> ownNaive) {
        boolean devset = options.panels().stream().anyMatch(p -> p.devset() && p.name().equals(c.panel()));
        Double ref = devset ? peers.naiveWql(c.id(), c.window()) : ownNaive.get(c.panel() + "|" + c.id() + "|" + c.window());
        return ref == null ? Double.NaN : ref;
    }

    private static List<CaseScore> evaluate(ModelKind kind, AccuracyPanel panel, Panel data, List<Backtest.Window> windows,
                                            AccuracyOptions options, int[] skipped, StringBuilder quantiles)
            throws Exception {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("horizon", panel.horizon());
        if (kind.options().stream().anyMatch(o -> o.name().equals("season"))) {
            given.put("season", panel.season());
        }
        options.settings().forEach((key, value) -> {
            String[] parts = key.split("\\.", 2);
            if (parts[0].equals(kind.name()) && kind.options().stream().anyMatch(o -> o.name().equals(parts[1]))) {
                given.put(parts[1], value);
            }
        });
        ModelSpec spec = kind.resolve(given, data.frequency());
        List<CaseScore> out = new ArrayList<>();
        for (Backtest.Window w : windows) {
            FitContext context = FitContext.silent(kind.name());
            TrainedModel model = kind.fit(w.train(), spec, context);
            try {
                ForecastSet forecast = model.forecast(kind.name(), w.train(), context);
                skipped[0] += forecast.skipped().size();
                int window = windows.size() - w.index();
                for (SeriesForecast s : forecast.series()) {
                    SeriesForecast f = data.support() == Support.NONNEGATIVE ? floored(s) : s;
                    double[] actual = w.actuals().get(s.id());
                    out.add(CaseScore.of(panel.name(), kind.name(), window, f, actual, w.scales().get(s.id())));
                    if (quantiles != null) {
                        appendQuantiles(quantiles, panel.name(), kind.name(), window, f, actual);
                    }
                }
            } finally {
                if (model instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
        }
        return out;
    }

    /** What a script's answers show for non-negative data (the interpreter floors every marginal at 0). */
    private static SeriesForecast floored(SeriesForecast s) {
        return new SeriesForecast(s.id(), s.frequency(), s.origin(),
                s.steps().stream().map(FlooredQuantileFunction::atZero).toList(), s.joint());
    }

    private static void appendQuantiles(StringBuilder sb, String panel, String model, int window, SeriesForecast f,
                                        double[] actual) {
        double[] q = new double[CaseScore.LEVELS.length];
        for (int h = 1; h <= Math.min(f.horizon(), actual.length); h++) {
            f.step(h).quantiles(CaseScore.LEVELS, q);
            sb.append(panel).append(',').append(model).append(',').append(f.id()).append(',').append(window).append(',')
                    .append(h).append(',').append(actual[h - 1]);
            for (double v : q) {
                sb.append(',').append(v);
            }
            sb.append('\n');
        }
    }

    private static void writeCases(Path file, List<CaseScore> cases) throws Exception {
        StringBuilder sb = new StringBuilder("panel,model,id,window,wql,cov80,mase\n");
        for (CaseScore c : cases) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%.6g,%.6g,%.6g%n", c.panel(), c.model(), c.id(), c.window(),
                    c.wql(), c.cov80(), c.mase()));
        }
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
