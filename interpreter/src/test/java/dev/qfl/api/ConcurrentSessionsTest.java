package dev.qfl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.ExampleScripts;
import dev.qfl.stdlib.model.Reporter;
import dev.qfl.stdlib.table.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README: "two sessions in one JVM are independent". The tensor engine's training state is
 * process-wide, so two sessions training neural models at the same moment used to fail with "A
 * PtGradientCollector is already collecting"; now one waits for the other and both succeed.
 */
class ConcurrentSessionsTest {
    private static final Path EXAMPLES = ExampleScripts.repoRoot().resolve("examples");

    @TempDir
    Path cacheA;
    @TempDir
    Path cacheB;

    /** Keeps what the engine reports, so the test can see who waited. */
    private static final class Messages implements Reporter {
        final List<String> infos = new CopyOnWriteArrayList<>();

        @Override
        public void info(String message) {
            infos.add(message);
        }

        @Override
        public void warn(String message) {
        }
    }

    private static Table forecast(QflEngine engine, String kind, CyclicBarrier start) throws Exception {
        try (QflSession session = engine.openSession(EXAMPLES)) {
            session.evaluate("data.qfl",
                    "series demand = csv(\"data/retail.csv\", time: \"date\", value: \"units\", id: \"sku\")");
            start.await(30, TimeUnit.SECONDS);   // both sessions start training together
            return session.evaluate("fit.qfl", "model m = " + kind + "(demand, horizon: 7, epochs: 1, refit: false, hidden: 8, "
                    + "batch: 16, ensemble: 1, seed: 3)\nquantile(demand, 0.9) using m where horizon == 1")
                    .lastTable().orElseThrow();
        }
    }

    @Test
    void twoSessionsTrainNeuralModelsAtTheSameTime() throws Exception {
        Messages messagesA = new Messages();
        Messages messagesB = new Messages();
        QflEngine a = QflEngine.builder().cacheDirectory(cacheA).reporter(messagesA).build();
        QflEngine b = QflEngine.builder().cacheDirectory(cacheB).reporter(messagesB).build();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Table>> runs = new ArrayList<>();
            runs.add(pool.submit(() -> forecast(a, "iqf", start)));
            runs.add(pool.submit(() -> forecast(b, "gaussian", start)));
            for (Future<Table> run : runs) {
                Table t = run.get(5, TimeUnit.MINUTES);   // a failure in either session surfaces here
                assertEquals(8, t.rowCount(), "one row per SKU");
                for (int row = 0; row < t.rowCount(); row++) {
                    assertTrue(Double.isFinite(t.getDouble(row, "value")));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> all = new ArrayList<>(messagesA.infos);
        all.addAll(messagesB.infos);
        assertTrue(all.stream().anyMatch(m -> m.contains("waiting for another training in this JVM")),
                "the session that waited says so: " + all);
    }
}
