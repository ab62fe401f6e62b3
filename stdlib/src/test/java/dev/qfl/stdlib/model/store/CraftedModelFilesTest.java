package dev.qfl.stdlib.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.neural.IqfKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files with a valid checksum and crafted content, one per kind of field: each is refused
 * with QF4201 and a reason (never a NullPointerException, NegativeArraySizeException or
 * OutOfMemoryError), and a crafted cache entry is retrained with a warning.
 */
class CraftedModelFilesTest {
    private static final Panel PANEL = StoreWriterMain.panel();
    private static TrainedModel model;

    @TempDir
    Path dir;
    private Path good;
    private Path file;

    @BeforeAll
    static void train() {
        model = new IqfKind().fit(PANEL, StoreWriterMain.spec(1), FitContext.silent("m"));
    }

    @BeforeEach
    void writeGoodFile() throws IOException {
        good = dir.resolve("good.qflm");
        file = dir.resolve("crafted.qflm");
        ModelStore.write(good, model, PANEL.fingerprint());
    }

    /** The good file with one change to its metadata, sealed again. */
    private void craft(Consumer<CraftedFiles.Parts> change) throws IOException {
        CraftedFiles.Parts parts = CraftedFiles.parts(good);
        change.accept(parts);
        CraftedFiles.write(file, parts.meta(), parts.params());
    }

    private void craftParams(byte[] params) throws IOException {
        CraftedFiles.write(file, CraftedFiles.parts(good).meta(), params);
    }

    private void assertRefused(String reason) {
        QflException e = assertThrows(QflException.class, () -> ModelStore.read(file, ModelRegistry.standard()));
        assertEquals("QF4201", e.code());
        assertTrue(e.getMessage().contains(reason), "expected '" + reason + "' in: " + e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
    }

    @Test
    void theGoodFileLoads() {
        assertEquals("iqf", ModelStore.read(good, ModelRegistry.standard()).kind().name());
    }

    @Test
    void missingMetadataFields() throws IOException {
        craft(p -> p.meta().remove("spec"));
        assertRefused("no spec");
        craft(p -> p.meta().remove("summary"));
        assertRefused("no summary");
        craft(p -> p.meta().remove("data_fingerprint"));
        assertRefused("no data_fingerprint");
        craft(p -> p.spec().remove("kind"));
        assertRefused("no kind");
        craft(p -> p.spec().remove("options"));
        assertRefused("no options");
        craft(p -> p.option("knots").remove("type"));
        assertRefused("no type");
        craft(p -> ((ObjectNode) p.meta().get("summary")).remove("epochs"));
        assertRefused("no epochs");
    }

    @Test
    void requiredOptionsMissing() throws IOException {
        craft(p -> ((ObjectNode) p.spec().get("options")).remove("horizon"));
        assertRefused("no horizon");
    }

    @Test
    void fieldsOfTheWrongType() throws IOException {
        craft(p -> p.option("horizon").put("value", "seven"));
        assertRefused("whole number");
        craft(p -> p.option("horizon").put("value", 7.5));
        assertRefused("whole number");
        craft(p -> p.option("horizon").put("type", "number").put("value", 7.0));
        assertRefused("horizon");
        craft(p -> p.option("lr").put("value", "fast"));
        assertRefused("finite number");
        craft(p -> ((ObjectNode) p.meta().get("summary")).put("elapsed_ms", -5));
        assertRefused("elapsed_ms");
        craft(p -> p.option("knots").put("type", "colour"));
        assertRefused("unknown type");
        craft(p -> p.meta().put("data_fingerprint", 12));
        assertRefused("text");
    }

    @Test
    void hugeAndNegativeNumbersInTheSpec() throws IOException {
        craft(p -> p.option("knots").put("value", 2_000_000_000));
        assertRefused("knots is 2000000000, outside 1..200");
        craft(p -> p.option("hidden").put("value", -3));
        assertRefused("hidden");
        craft(p -> p.option("horizon").put("value", 1L << 40));
        assertRefused("whole number");
        craft(p -> p.option("encoder").put("value", "transformer"));
        assertRefused("encoder");
    }

    @Test
    void badDurations() throws IOException {
        craft(p -> ((ObjectNode) p.spec().get("options")).putObject("max_time").put("type", "duration")
                .put("value", "ten minutes"));
        assertRefused("not a duration");
        craft(p -> ((ObjectNode) p.spec().get("options")).putObject("max_time").put("type", "duration")
                .put("value", "PT-5M"));
        assertRefused("negative duration");
    }

    @Test
    void metadataThatIsNotJsonOrNotAnObject() throws IOException {
        CraftedFiles.writeRaw(file, "{\"spec\": ".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                CraftedFiles.parts(good).params());
        assertRefused("not valid JSON");
        CraftedFiles.writeRaw(file, "[1, 2]".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                CraftedFiles.parts(good).params());
        assertRefused("not a JSON object");
    }

    @Test
    void negativeAndHugeLengths() throws IOException {
        Files.copy(good, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CraftedFiles.withMetadataLength(file, -7);
        assertRefused("metadata length -7");
        Files.copy(good, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CraftedFiles.withMetadataLength(file, Integer.MAX_VALUE);
        assertRefused("metadata length");
        Files.copy(good, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CraftedFiles.withParameterLength(file, -1);
        assertRefused("parameter length -1");
        Files.copy(good, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CraftedFiles.withParameterLength(file, 1L << 40);
        assertRefused("parameter length");
    }

    @Test
    void absurdParameterHeaders() throws IOException {
        byte[] params = CraftedFiles.parts(good).params();
        byte[] hugeContext = params.clone();
        ByteBuffer.wrap(hugeContext).putInt(4, 2_000_000_000);
        craftParams(hugeContext);
        assertRefused("context 2000000000");
        byte[] negativeMembers = params.clone();
        ByteBuffer.wrap(negativeMembers).putInt(8, -1);
        craftParams(negativeMembers);
        assertRefused("-1 members");
    }

    @Test
    void absurdArrayShapes() throws IOException {
        byte[] params = CraftedFiles.parts(good).params();
        // the first array's shape: its dimension count follows the data type's name
        int dims = CraftedFiles.utfOffset(params, "FLOAT32") + 2 + "FLOAT32".length();
        for (int count : new int[] {Integer.MAX_VALUE, -1, 3}) {
            byte[] crafted = params.clone();
            ByteBuffer.wrap(crafted).putInt(dims, count);
            craftParams(crafted);
            assertRefused("shapes its spec implies");
        }
        byte[] longDimension = params.clone();
        ByteBuffer.wrap(longDimension).putLong(dims + 4, 1L << 34);
        craftParams(longDimension);
        assertRefused("shapes its spec implies");
    }

    @Test
    void parameterValuesThatAreNotNumbers() throws IOException {
        byte[] params = CraftedFiles.parts(good).params();
        // the last four bytes are the head's right-tail offset, a float
        ByteBuffer.wrap(params).putFloat(params.length - 4, Float.NaN);
        craftParams(params);
        assertRefused("not finite");
    }

    @Test
    void truncatedParametersSayTheyEndEarly() throws IOException {
        byte[] params = CraftedFiles.parts(good).params();
        for (int keep : new int[] {0, 6, 12, 40, params.length / 2, params.length - 2}) {
            craftParams(Arrays.copyOf(params, keep));
            assertRefused("end");
        }
    }

    @Test
    void aCraftedCacheEntryIsRetrainedWithAWarning() throws IOException {
        ModelStore store = new ModelStore(dir);
        Path entry = store.entry(model.spec(), PANEL.fingerprint());
        byte[] params = CraftedFiles.parts(good).params();
        CraftedFiles.write(entry, CraftedFiles.parts(good).meta(), Arrays.copyOf(params, params.length / 2));
        ModelStoreTest.Warnings warnings = new ModelStoreTest.Warnings();
        ModelKind kind = new IqfKind();
        assertTrue(store.lookup(kind, model.spec(), PANEL.fingerprint(), warnings).isEmpty());
        assertEquals(1, warnings.seen.size());
        assertTrue(warnings.seen.get(0).contains("end early") && warnings.seen.get(0).contains("retraining"),
                warnings.seen.toString());
    }

    @Test
    void mqf2HeadArraysAreCheckedBeforeTheyAreDecoded() throws IOException {
        ModelKind mqf2 = ModelRegistry.standard().find("mqf2").orElseThrow();
        TrainedModel joint = mqf2.fit(PANEL, mqf2.resolve(Map.of("horizon", 7, "epochs", 1, "hidden", 8, "batch", 16,
                "refit", false), dev.qfl.stdlib.data.Frequency.DAY), FitContext.silent("j"));
        ModelStore.write(good, joint, PANEL.fingerprint());
        assertEquals("mqf2", ModelStore.read(good, ModelRegistry.standard()).kind().name(), "a real file loads");
        byte[] params = CraftedFiles.parts(good).params();
        int headArrays = headListStart(params, 7);
        for (int count : new int[] {Integer.MAX_VALUE, -5}) {
            byte[] crafted = params.clone();
            ByteBuffer.wrap(crafted).putInt(headArrays, count);
            craftParams(crafted);
            assertRefused("arrays");
        }
        byte[] hugeLength = params.clone();
        ByteBuffer.wrap(hugeLength).putInt(headArrays - 4, Integer.MAX_VALUE);
        craftParams(hugeLength);
        assertRefused("bytes");
    }

    /**
     * Where mqf2's head list starts in a one-member file: the head writes its list's byte count L,
     * the list (beginning with its array count), then a scale and one location per step; so the
     * list ends 4 · (1 + horizon) bytes before the end, and L is the int just before the list.
     */
    private static int headListStart(byte[] params, int horizon) {
        int end = params.length - 4 * (1 + horizon);
        // the first such int from the start: the last array's own byte count also ends there
        for (int at = 0; at + 8 <= end; at++) {
            if (ByteBuffer.wrap(params).getInt(at) == end - at - 4) {
                return at + 4;
            }
        }
        throw new AssertionError("no head list in the parameters");
    }

    @Test
    void everyKindsResolvedSpecPassesTheBounds() throws IOException {
        for (ModelKind kind : ModelRegistry.standard().all()) {
            if (kind.cached()) {
                SpecBounds.check(kind, kind.resolve(Map.of("horizon", 7), dev.qfl.stdlib.data.Frequency.DAY));
            }
        }
    }
}
