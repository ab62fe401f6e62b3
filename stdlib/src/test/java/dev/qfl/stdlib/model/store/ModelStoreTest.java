package dev.qfl.stdlib.model.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.Reporter;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.neural.IqfKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
    private static final Panel PANEL = StoreWriterMain.panel();
    private static TrainedModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        model = new IqfKind().fit(PANEL, StoreWriterMain.spec(1), FitContext.silent("m"));
    }

    private static double[] medians(TrainedModel m) {
        return m.forecast("m", PANEL, FitContext.silent("m")).series().get(0).steps().stream()
                .mapToDouble(q -> q.quantile(0.5)).toArray();
    }

    static final class Warnings implements Reporter {
        final List<String> seen = new ArrayList<>();

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
            seen.add(message);
        }
    }

    @Test
    void aCachedModelForecastsExactlyLikeTheTrainedOne() {
        ModelStore store = new ModelStore(dir);
        ModelSpec spec = model.spec();
        assertTrue(store.lookup(new IqfKind(), spec, PANEL.fingerprint(), Reporter.silent()).isEmpty());
        store.store(model, PANEL.fingerprint(), Reporter.silent());
        Optional<TrainedModel> back = store.lookup(new IqfKind(), spec, PANEL.fingerprint(), Reporter.silent());
        assertArrayEquals(medians(model), medians(back.orElseThrow()));
        assertEquals(model.summary().describe(), back.get().summary().describe());
        assertTrue(store.lookup(new IqfKind(), spec, "other-data", Reporter.silent()).isEmpty(), "keyed by data too");
    }

    @Test
    void savedFilesLoadBackWithTheirKind() {
        Path file = dir.resolve("m.qflm");
        try {
            ModelStore.write(file, model, PANEL.fingerprint());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        ModelStore.Loaded loaded = ModelStore.read(file, ModelRegistry.standard());
        assertEquals("iqf", loaded.kind().name());
        assertEquals(PANEL.fingerprint(), loaded.dataFingerprint());
        assertArrayEquals(medians(model), medians(loaded.model()));
    }

    @Test
    void damagedTruncatedAndForeignFilesAreDetected() throws Exception {
        ModelStore store = new ModelStore(dir);
        store.store(model, PANEL.fingerprint(), Reporter.silent());
        Path entry = store.entry(model.spec(), PANEL.fingerprint());
        byte[] good = Files.readAllBytes(entry);

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x40;
        Files.write(entry, flipped);
        Warnings warnings = new Warnings();
        assertTrue(store.lookup(new IqfKind(), model.spec(), PANEL.fingerprint(), warnings).isEmpty());
        assertTrue(warnings.seen.get(0).contains("checksum"), warnings.seen.toString());

        Files.write(entry, java.util.Arrays.copyOf(good, good.length - 100));
        QflException truncated = assertThrows(QflException.class, () -> ModelStore.read(entry, ModelRegistry.standard()));
        assertEquals("QF4201", truncated.code());

        byte[] otherFormat = good.clone();
        otherFormat[7] = 99;   // the format number, with a checksum to match: a file from a future QFL
        byte[] body = java.util.Arrays.copyOf(otherFormat, otherFormat.length - 32);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body);
        System.arraycopy(digest, 0, otherFormat, body.length, 32);
        Files.write(entry, otherFormat);
        QflException future = assertThrows(QflException.class, () -> ModelStore.read(entry, ModelRegistry.standard()));
        assertTrue(future.getMessage().contains("format 99"), future.getMessage());

        Files.writeString(entry, "not a model");
        assertThrows(QflException.class, () -> ModelStore.read(entry, ModelRegistry.standard()));
        assertEquals("QF4201", assertThrows(QflException.class,
                () -> ModelStore.read(dir.resolve("absent.qflm"), ModelRegistry.standard())).code());
    }

    private Process child(String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), StoreWriterMain.class.getName(), mode, dir.toString())
                .redirectErrorStream(true).start();
    }

    private static void waitFor(Process p, String line, Duration limit) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long end = System.nanoTime() + limit.toNanos();
        String read;
        StringBuilder seen = new StringBuilder();
        while ((read = out.readLine()) != null) {
            if (read.equals(line)) {
                return;
            }
            seen.append(read).append('\n');
            if (System.nanoTime() > end) {
                break;
            }
        }
        throw new AssertionError("child never said '" + line + "'; it printed:\n" + seen);
    }

    @Test
    void killedWhileTrainingLeavesNoModel() throws Exception {
        Process p = child("train");
        try {
            waitFor(p, "training", Duration.ofSeconds(60));
            Thread.sleep(1500);
        } finally {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.filter(f -> f.toString().endsWith(".qflm")).count());
        }
    }

    @Test
    void killedWhileWritingLeavesACompleteModel() throws Exception {
        Process p = child("rewrite");
        try {
            waitFor(p, "written", Duration.ofSeconds(60));
            Thread.sleep(40 + new java.util.Random().nextInt(200));
        } finally {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        ModelStore store = new ModelStore(dir);
        Warnings warnings = new Warnings();
        ModelSpec spec = StoreWriterMain.spec(1);
        Optional<TrainedModel> back = store.lookup(new IqfKind(), spec, PANEL.fingerprint(), warnings);
        assertTrue(back.isPresent(), "the entry must be the old or the new file, whole: " + warnings.seen);
    }
}
