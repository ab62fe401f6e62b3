package dev.qfl.stdlib.model.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qfl.stdlib.FilePosition;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.QflVersion;
import dev.qfl.stdlib.diag.DiagnosticCode;
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
import java.io.EOFException;
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
    private static final DiagnosticCode CORRUPT = DiagnosticCode.BAD_MODEL_FILE;
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
            return Optional.of(parameters(kind, c));
        } catch (IOException | QflException e) {
            reporter.warn("the cached model " + file.getFileName() + " is unusable (" + e.getMessage() + "); retraining");
            return Optional.empty();
        } catch (RuntimeException e) {
            // the cache only saves time: content no check foresaw costs a retrain, never the run
            reporter.warn("the cached model " + file.getFileName() + " is unusable (" + e + "); retraining");
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
        AtomicFiles.write(file, container(FORMAT, JSON.writeValueAsBytes(meta), params.toByteArray()));
    }

    /**
     * The container's bytes: magic, format, metadata and parameters with their lengths, and the
     * SHA-256 of all of it. Package-private so tests can build files with a valid checksum around
     * crafted content.
     */
    static byte[] container(int format, byte[] meta, byte[] params) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(all);
        out.write(MAGIC);
        out.writeInt(format);
        out.writeInt(meta.length);
        out.write(meta);
        out.writeLong(params.length);
        out.write(params);
        out.flush();
        byte[] body = all.toByteArray();
        byte[] digest = digest(body);
        byte[] bytes = Arrays.copyOf(body, body.length + digest.length);
        System.arraycopy(digest, 0, bytes, body.length, digest.length);
        return bytes;
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
            SpecBounds.check(kind, c.spec());
            return new Loaded(kind, parameters(kind, c), c.fingerprint());
        } catch (NoSuchFileException e) {
            throw new QflException(CORRUPT, "no model file at " + file.toAbsolutePath(), FilePosition.wholeFile(file),
                    "save one first with: save MODEL to \"" + file.getFileName() + "\"", e);
        } catch (IOException e) {
            throw new QflException(CORRUPT, "cannot load the model in " + file.getFileName() + ": " + e.getMessage(),
                    FilePosition.wholeFile(file), "save the model again", e);
        } catch (QflException e) {
            throw e;
        } catch (RuntimeException e) {
            // every field is checked above; this is content no check foresaw, still the file's fault
            throw new QflException(CORRUPT, "cannot load the model in " + file.getFileName() + ": its content does not "
                    + "make a model (" + e + ")", FilePosition.wholeFile(file), "save the model again", e);
        }
    }

    private record Container(ModelSpec spec, String fingerprint, dev.qfl.stdlib.model.TrainingSummary summary,
                             byte[] parameters) {
    }

    /**
     * The kind's model from the container's parameters. A stream that ends early says so (an
     * {@link EOFException} has no message of its own: it used to read "null").
     */
    private static TrainedModel parameters(ModelKind kind, Container c) throws IOException {
        try {
            return kind.readParameters(c.spec(), c.summary(), new ByteArrayInputStream(c.parameters()));
        } catch (EOFException e) {
            throw new IOException("its parameters end early: the file is truncated or not of this model", e);
        }
    }

    /** Largest file read: what one Java array can hold. */
    private static final long MAX_FILE = Integer.MAX_VALUE - 64;
    /** Fixed bytes around the metadata and parameters: magic, format, two lengths, the digest. */
    private static final int FRAME = MAGIC.length + 4 + 4 + 8 + 32;

    private static Container read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE) {
            throw new IOException("it is too large to be a QFL model file (" + Files.size(file) + " bytes)");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < FRAME || !Arrays.equals(Arrays.copyOf(bytes, 4), MAGIC)) {
            throw new IOException("not a QFL model file");
        }
        byte[] body = Arrays.copyOf(bytes, bytes.length - 32);
        byte[] digest = Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length);
        if (!MessageDigest.isEqual(digest, digest(body))) {
            throw new IOException("its checksum does not match: the file is damaged or truncated");
        }
        // the checksum only says the bytes are as written; every length is still checked against
        // what is actually there before anything is allocated
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body, 4, body.length - 4));
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("it has format " + format + ", this QFL reads format " + FORMAT);
        }
        int metaLength = in.readInt();
        if (metaLength < 2 || metaLength > in.available() - 8) {
            throw new IOException("its metadata length " + metaLength + " does not fit the file's "
                    + body.length + " bytes");
        }
        byte[] meta = new byte[metaLength];
        in.readFully(meta);
        long paramsLength = in.readLong();
        if (paramsLength != in.available()) {
            throw new IOException("its parameter length " + paramsLength + " does not match the " + in.available()
                    + " bytes that follow");
        }
        byte[] params = new byte[(int) paramsLength];
        in.readFully(params);
        JsonNode node;
        try {
            node = JSON.readTree(meta);
        } catch (IOException e) {
            throw new IOException("its metadata is not valid JSON", e);
        }
        if (node == null || !node.isObject()) {
            throw new IOException("its metadata is not a JSON object");
        }
        JsonNode spec = MetadataFields.object(node, "spec", "metadata");
        return new Container(SpecJson.spec(spec), MetadataFields.text(node, "data_fingerprint", "metadata"),
                SpecJson.summary(MetadataFields.object(node, "summary", "metadata")), params);
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
