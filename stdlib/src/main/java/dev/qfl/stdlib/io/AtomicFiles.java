package dev.qfl.stdlib.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Write-then-rename: the bytes go to a temporary file in the target's folder, are flushed to disk,
 * and the temporary file is renamed over the target in one step. A crash at any point leaves the
 * old file or the new one, never a mixture, and no stray temporary file survives a normal failure;
 * one left by a killed process is removed by the next write to that folder ({@link StaleTemporaries}).
 *
 * <p>{@link #rewrite} adds a lock around a read-modify-write (an append), so concurrent writers,
 * in this process or in others, never lose each other's changes.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Computes a file's new content from its current one. */
    @FunctionalInterface
    public interface Change {
        /**
         * @param current the file's bytes, or null when it does not exist
         * @return the bytes to write
         */
        byte[] apply(byte[] current) throws IOException;
    }

    /**
     * Temporary files are private (rw-------); the result should have the permissions a plain
     * write would give: those of the file it replaces, or rw-r--r--.
     */
    private static void readableByOthers(Path tmp, Path target) throws IOException {
        try {
            Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        StaleTemporaries.clean(dir);
        Path tmp = Files.createTempFile(dir, StaleTemporaries.prefix(target), StaleTemporaries.SUFFIX);
        try {
            readableByOthers(tmp, target);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads the target, computes its new content and writes it atomically, all while holding an
     * exclusive lock on a sidecar lock file beside it ({@link ExclusiveFileLock}): two rewrites of
     * one file, from threads or processes, run one after the other, so neither loses the other's
     * change. The lock file stays behind (removing it safely would need a second protocol).
     */
    public static void rewrite(Path target, Change change) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        try (ExclusiveFileLock lock = ExclusiveFileLock.acquire(ExclusiveFileLock.sidecar(absolute))) {
            byte[] current;
            try {
                current = Files.readAllBytes(absolute);
            } catch (NoSuchFileException e) {
                current = null;
            }
            write(absolute, change.apply(current));
        }
    }
}
