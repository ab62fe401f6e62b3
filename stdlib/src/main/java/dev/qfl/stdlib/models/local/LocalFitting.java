package dev.qfl.stdlib.models.local;

import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.TimeSeries;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fits a local model to every series of a panel, one series per task on all cores: local models
 * share nothing between series, so the work divides evenly and the wall time falls with the cores.
 * The calling thread only waits, so a cancelled fit (Ctrl-C interrupts it) stops the workers.
 */
final class LocalFitting {
    private LocalFitting() {
    }

    /** What fitting one series gave: a fit, or why the series is left out. */
    record Outcome(SeriesFit fit, String skipReason) {
        static Outcome skipped(String reason) {
            return new Outcome(null, reason);
        }
    }

    static Map<String, Outcome> fitAll(Panel panel, ModelSpec spec, int season, int minimum, SeriesFitter fitter,
                                       FitContext context) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), panel.series().size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "qfl-" + spec.kind() + "-fit");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (TimeSeries series : panel.series()) {
                futures.add(pool.submit(() -> fitOne(panel, series, spec, season, minimum, fitter)));
            }
            Map<String, Outcome> out = new LinkedHashMap<>();
            for (int i = 0; i < futures.size(); i++) {
                out.put(panel.series().get(i).id(), await(futures.get(i), context));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome await(Future<Outcome> future, FitContext context) {
        while (true) {
            context.checkCancelled();
            try {
                return future.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // keep waiting, checking for cancellation in between
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("cancelled");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private static Outcome fitOne(Panel panel, TimeSeries series, ModelSpec spec, int season, int minimum,
                                  SeriesFitter fitter) {
        double[] values = Gaps.interpolated(series);
        if (values.length < minimum) {
            return Outcome.skipped("has " + values.length + " observations; " + spec.kind() + " with season " + season
                    + " needs at least " + minimum);
        }
        try {
            return new Outcome(fitter.fit(panel, series, values, season, spec), null);
        } catch (IllegalArgumentException e) {
            return Outcome.skipped(e.getMessage());
        }
    }
}
