package dev.qfl.bench;

import dev.qfl.stdlib.dist.Isqf;
import dev.qfl.stdlib.evaluation.Metric;
import dev.qfl.stdlib.evaluation.Scorecard;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code qfl bench scoring}: how many forecast rows (one series, one step, one outcome) the
 * backtest scoring handles per second with every metric on, for learned quantile functions
 * (20 knots). Training and inference are not included.
 */
public final class ScoringBenchmark {
    private ScoringBenchmark() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        SplittableRandom r = new SplittableRandom(3);
        int distinct = 10_000;
        Isqf[] forecasts = new Isqf[distinct];
        double[] levels = new double[20];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = (k + 1.0) / 21;
        }
        for (int i = 0; i < distinct; i++) {
            double[] values = new double[20];
            values[0] = r.nextDouble() * 10;
            for (int k = 1; k < values.length; k++) {
                values[k] = values[k - 1] + 0.05 + r.nextDouble();
            }
            forecasts[i] = Isqf.of(levels, values, 1, null, null, 0.5 + r.nextDouble(), 0.5 + r.nextDouble());
        }
        double[] outcomes = new double[distinct];
        for (int i = 0; i < distinct; i++) {
            outcomes[i] = forecasts[i].quantile(r.nextDouble());
        }
        List<Metric> all = List.of(new Metric.Wql(), new Metric.Crps(), new Metric.Coverage(0.8), new Metric.Mase(),
                new Metric.Msis(), new Metric.Crossing());
        score(forecasts, outcomes, all, rows / 4);   // warm-up
        long t0 = System.nanoTime();
        double wql = score(forecasts, outcomes, all, rows);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "scored_rows_per_s %.3g%nrows %d%nwql %.4f%n", rows / seconds, rows, wql);
    }

    private static double score(Isqf[] forecasts, double[] outcomes, List<Metric> metrics, int rows) {
        Scorecard card = new Scorecard(metrics);
        String[] ids = new String[100];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "s" + i;
        }
        for (int i = 0; i < rows; i++) {
            int j = i % forecasts.length;
            card.add(ids[j % ids.length], forecasts[j], outcomes[j], 1.0);
        }
        return card.value(metrics.get(0));
    }
}
