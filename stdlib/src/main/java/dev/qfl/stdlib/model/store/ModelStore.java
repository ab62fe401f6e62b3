package dev.qfl.stdlib.model.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qfl.stdlib.FilePosition;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.QflVersion;
import dev.qfl.stdlib.io.AtomicFiles;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.Reporter;
import dev.qfl.stdlib.model.TrainedModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Trained models on disk: a cache keyed by model spec and data fingerprint (so a re-run with the
 * same spec and data loads instead of training), and explicit model files for {@code save} and
 * {@code load}.
 *
 * <p>A model file is one container: the magic {@code QFLM}, a format version, JSON metadata (spec,
 * data fingerprint, QFL and engine versions, training summary), the parameters, and a SHA-256 of
 * all of it. Files are written to a temporary name and renamed, so a crash leaves the previous
 * file or none; a damaged, truncated or foreign file fails its checks and is never half-used.
 */
public final class ModelStore {
    /** Bumped whenever the container or a model's parameter layout changes. */
    public static final int FORMAT = 3;
    static final String SUFFIX = ".qflm";
    private static final byte[] MAGIC = {'Q', 'F', 'L', 'M'};
    private static final String CORRUPT = "QF4201";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    /** A cache in {@code directory} (created when the first model is stored). */
    public ModelStore(Path directory) {
        this.directory = directory;
    }

    /** A model file read back: its kind, the model, and the fingerprint of the data it was trained on. */
    public record Loaded(ModelKind kind, TrainedModel model, String dataFingerprint) {
    }

    /** The cache file for a spec and data: stable across runs and machines. */
    public Path entry(ModelSpec spec, String dataFingerprint) {
        return directory.resolve(spec.kind() + "-" + sha256((spec.canonical() + "|" + dataFingerprint + "|" + FORMAT)
                .getBytes(StandardCharsets.UTF_8)).substring(0, 20) + SUFFIX);
    }

    /**
     * The cached model for this spec and data, if a sound one is there. A damaged or stale entry is
     * reported and treated as absent (the caller retrains and overwrites it).
     */
    public Optional<TrainedModel> lookup(ModelKind kind, ModelSpec spec, String dataFingerprint, Reporter reporter) {
        Path file = entry(spec, dataFingerprint);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Container c = read(file);
            if (!c.spec().equals(spec) || !c.fingerprint().equals(dataFingerprint)) {
                reporter.warn("the cached model " + file.getFileName() + " belongs to another spec or data; retraining");
                return Optional.empty();
            }
            return Optional.of(kind.readParameters(spec, c.summary(), new ByteArrayInputStream(c.parameters())));
        } catch (IOException | QflException e) {
            reporter.warn("the cached model " + file.getFileName() + " is unusable (" + e.getMessage() + "); retraining");
            return Optional.empty();
        }
    }

    /** Puts a trained model in the cache; a failure to write is a warning, never lost work. */
    public void store(TrainedModel model, String dataFingerprint, Reporter reporter) {
        try {
            write(entry(model.spec(), dataFingerprint), model, dataFingerprint);
        } catch (IOException | RuntimeException e) {
            reporter.warn("could not cache the trained model in " + directory + ": " + e.getMessage());
        }
    }

    /** Writes a model file ({@code save m to "file"}). */
    public static void write(Path file, TrainedModel model, String dataFingerprint) throws IOException {
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        model.writeParameters(params);
        ObjectNode meta = JSON.createObjectNode();
        meta.put("format", FORMAT);
        meta.set("spec", SpecJson.spec(JSON, model.spec()));
        meta.put("canonical", model.spec().canonical());
        meta.put("data_fingerprint", dataFingerprint);
        meta.put("qfl_version", QflVersion.get());
        meta.set("summary", SpecJson.summary(JSON, model.summary()));
        meta.put("created", Instant.now().toString());
        byte[] metaBytes = JSON.writeValueAsBytes(meta);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(all);
        out.write(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(metaBytes.length);
        out.write(metaBytes);
        out.writeLong(params.size());
        params.writeTo(out);
        out.flush();
        byte[] body = all.toByteArray();
        byte[] digest = digest(body);
        byte[] bytes = Arrays.copyOf(body, body.length + digest.length);
        System.arraycopy(digest, 0, bytes, body.length, digest.length);
        AtomicFiles.write(file, bytes);
    }

    /**
     * Reads a model file ({@code model m = load("file")}).
     *
     * @throws QflException QF4201 when the file is missing, damaged, of another format or of an unknown kind
     */
    public static Loaded read(Path file, ModelRegistry registry) {
        try {
            Container c = read(file);
            ModelKind kind = registry.find(c.spec().kind()).orElseThrow(() -> new IOException(
                    "it holds a " + c.spec().kind() + " model, which this QFL does not know"));
            return new Loaded(kind, kind.readParameters(c.spec(), c.summary(), new ByteArrayInputStream(c.parameters())),
                    c.fingerprint());
        } catch (NoSuchFileException e) {
            throw new QflException(CORRUPT, "no model file at " + file.toAbsolutePath(), FilePosition.wholeFile(file),
                    "save one first with: save MODEL to \"" + file.getFileName() + "\"", e);
        } catch (IOException e) {
            throw new QflException(CORRUPT, "cannot load the model in " + file.getFileName() + ": " + e.getMessage(),
                    FilePosition.wholeFile(file), "save the model again", e);
        }
    }

    private record Container(ModelSpec spec, String fingerprint, dev.qfl.stdlib.model.TrainingSummary summary,
                             byte[] parameters) {
    }

    private static Container read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < MAGIC.length + 4 + 4 + 8 + 32 || !Arrays.equals(Arrays.copyOf(bytes, 4), MAGIC)) {
            throw new IOException("not a QFL model file");
        }
        byte[] body = Arrays.copyOf(bytes, bytes.length - 32);
        byte[] digest = Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length);
        if (!MessageDigest.isEqual(digest, digest(body))) {
            throw new IOException("its checksum does not match: the file is damaged or truncated");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body, 4, body.length - 4));
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("it has format " + format + ", this QFL reads format " + FORMAT);
        }
        byte[] meta = new byte[in.readInt()];
        in.readFully(meta);
        byte[] params = new byte[Math.toIntExact(in.readLong())];
        in.readFully(params);
        JsonNode node = JSON.readTree(meta);
        return new Container(SpecJson.spec(node.get("spec")), node.get("data_fingerprint").asText(),
                SpecJson.summary(node.get("summary")), params);
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }
}
