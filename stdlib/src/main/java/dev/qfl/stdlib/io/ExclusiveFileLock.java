package dev.qfl.stdlib.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a file, held against other processes (an OS file lock) and against other
 * threads of this process. Java's file locks belong to the whole JVM: a second {@code lock()} on
 * the same file from another thread fails with {@link OverlappingFileLockException} instead of
 * waiting, so that case waits and retries here. No lock table is kept: the OS already has one.
 */
public final class ExclusiveFileLock implements AutoCloseable {
    private static final long RETRY_MILLIS = 2;

    private final FileChannel channel;
    private final FileLock lock;

    private ExclusiveFileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file that guards {@code target}: a hidden file beside it. */
    public static Path sidecar(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + ".qfl-lock");
    }

    /** Blocks until the lock on {@code lockFile} (created when absent) is held. */
    public static ExclusiveFileLock acquire(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            while (true) {
                try {
                    return new ExclusiveFileLock(channel, channel.lock());
                } catch (OverlappingFileLockException heldByThisProcess) {
                    Thread.sleep(RETRY_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            throw new InterruptedIOException("interrupted while waiting for the lock on " + lockFile);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
