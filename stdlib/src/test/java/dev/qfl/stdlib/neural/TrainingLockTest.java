package dev.qfl.stdlib.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.Reporter;
import dev.qfl.stdlib.model.TrainedModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fits in one JVM take turns on the tensor engine's training state: a fit that finds another
 * training under way says it is waiting, then trains; two fits started together both succeed
 * (they used to fail with "A PtGradientCollector is already collecting").
 */
class TrainingLockTest {
    private static final Panel PANEL = SyntheticPanels.weekly(3, 40, 4);

    private static final class Infos implements Reporter {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void info(String message) {
            seen.add(message);
        }

        @Override
        public void warn(String message) {
        }
    }

    private static TrainedModel tinyFit(NeuralKind kind, Reporter reporter) {
        return kind.fit(PANEL, kind.resolve(Map.of("horizon", 7, "epochs", 1, "hidden", 8, "batch", 16, "ensemble", 1,
                "refit", false),
                Frequency.DAY), new FitContext("m", reporter));
    }

    private static void waitFor(List<String> seen, String text) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (seen.stream().noneMatch(m -> m.contains(text))) {
            assertTrue(System.nanoTime() < end, "never said '" + text + "': " + seen);
            Thread.sleep(20);
        }
    }

    @Test
    void aFitWaitsVisiblyWhileAnotherTrainsThenTrains() throws Exception {
        Infos infos = new Infos();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<TrainedModel> fit;
            try (TrainingLock.Held held = TrainingLock.acquire(FitContext.silent("other"))) {
                fit = pool.submit(() -> tinyFit(new IqfKind(), infos));
                waitFor(infos.seen, "m: waiting for another training in this JVM");
                assertFalse(fit.isDone());
            }
            assertEquals(3, fit.get(2, TimeUnit.MINUTES).summary().seriesUsed(), "then it trains");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWaitingFitCanBeCancelled() throws Exception {
        Infos infos = new Infos();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (TrainingLock.Held held = TrainingLock.acquire(FitContext.silent("other"))) {
            Future<TrainedModel> fit = pool.submit(() -> tinyFit(new GaussianKind(), infos));
            waitFor(infos.seen, "waiting for another training");
            pool.shutdownNow();   // interrupts the waiting thread, as Ctrl-C in the REPL does
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> fit.get(30, TimeUnit.SECONDS));
            assertInstanceOf(CancellationException.class, e.getCause());
        }
    }

    @Test
    void twoFitsStartedTogetherBothSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<TrainedModel> a = pool.submit(() -> tinyFit(new IqfKind(), Reporter.silent()));
            Future<TrainedModel> b = pool.submit(() -> tinyFit(new GaussianKind(), Reporter.silent()));
            assertEquals(3, a.get(2, TimeUnit.MINUTES).summary().seriesUsed());
            assertEquals(3, b.get(2, TimeUnit.MINUTES).summary().seriesUsed());
        } finally {
            pool.shutdownNow();
        }
        assertFalse(TrainingLock.busy(), "the lock is released after training");
    }
}
