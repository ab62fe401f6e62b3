package dev.qfl.stdlib.model.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Model files whose checksum is valid but whose content is made by hand: a good file is taken
 * apart, one field changed, and put back together through the store's own container format
 * ({@link ModelStore#container}), or sealed with a fresh SHA-256 when a length field itself is
 * the lie. They test that the store checks content, not just integrity.
 */
final class CraftedFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CraftedFiles() {
    }

    /** A model file taken apart: its JSON metadata (editable) and its parameter bytes. */
    record Parts(ObjectNode meta, byte[] params) {
        ObjectNode spec() {
            return (ObjectNode) meta.get("spec");
        }

        ObjectNode option(String name) {
            return (ObjectNode) spec().get("options").get(name);
        }
    }

    static Parts parts(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 4, bytes.length - 4 - 32));
        in.readInt();   // format
        byte[] meta = new byte[in.readInt()];
        in.readFully(meta);
        byte[] params = new byte[(int) in.readLong()];
        in.readFully(params);
        return new Parts((ObjectNode) JSON.readTree(meta), params);
    }

    /** Writes the parts as a container with a valid checksum. */
    static void write(Path file, JsonNode meta, byte[] params) throws IOException {
        Files.write(file, ModelStore.container(ModelStore.FORMAT, JSON.writeValueAsBytes(meta), params));
    }

    /** Writes raw metadata bytes (not necessarily JSON) as a container with a valid checksum. */
    static void writeRaw(Path file, byte[] meta, byte[] params) throws IOException {
        Files.write(file, ModelStore.container(ModelStore.FORMAT, meta, params));
    }

    /** Rewrites the metadata length field of a good file, then seals it with a matching checksum. */
    static void withMetadataLength(Path file, int length) throws IOException {
        byte[] body = body(file);
        ByteBuffer.wrap(body).putInt(8, length);
        seal(file, body);
    }

    /** Rewrites the parameter length field of a good file, then seals it with a matching checksum. */
    static void withParameterLength(Path file, long length) throws IOException {
        byte[] body = body(file);
        int metaLength = ByteBuffer.wrap(body).getInt(8);
        ByteBuffer.wrap(body).putLong(12 + metaLength, length);
        seal(file, body);
    }

    private static byte[] body(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return Arrays.copyOf(bytes, bytes.length - 32);
    }

    private static void seal(Path file, byte[] body) throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            byte[] out = Arrays.copyOf(body, body.length + 32);
            System.arraycopy(digest, 0, out, body.length, 32);
            Files.write(file, out);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The offset of the first occurrence of {@code text} written as Java's modified UTF-8 (writeUTF). */
    static int utfOffset(byte[] bytes, String text) {
        byte[] needle = new byte[text.length() + 2];
        needle[1] = (byte) text.length();
        System.arraycopy(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, needle, 2, text.length());
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("no " + text + " in the parameters");
    }
}
