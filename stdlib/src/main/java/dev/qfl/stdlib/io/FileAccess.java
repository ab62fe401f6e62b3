package dev.qfl.stdlib.io;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.diag.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Which files a session may read and write, and whether its diagnostics may quote them. The CLI
 * and REPL run as the user's own process and are unrestricted; a server embedding QFL for many
 * users can confine scripts to one folder, and keep file content (a line of a CSV file, a header)
 * out of the diagnostics it returns.
 *
 * @param root         the folder outside which nothing is read or written (its real path), or null
 * @param quoteContent whether diagnostics may quote lines and cells of data files
 */
public record FileAccess(Path root, boolean quoteContent) {
    /** A path outside the sandbox's root folder. */
    public static final DiagnosticCode OUTSIDE_ROOT = DiagnosticCode.OUTSIDE_ROOT;

    /** Everything the process can reach; diagnostics quote data lines (the CLI and REPL). */
    public static FileAccess unrestricted() {
        return new FileAccess(null, true);
    }

    /**
     * Reads and writes confined to {@code root} (symbolic links and {@code ..} resolved first).
     *
     * @throws IOException when the folder does not exist
     */
    public static FileAccess within(Path root, boolean quoteContent) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("the sandbox root " + root + " is not a folder");
        }
        return new FileAccess(root.toRealPath(), quoteContent);
    }

    public boolean restricted() {
        return root != null;
    }

    /**
     * {@code path} itself when it lies inside the root, after resolving {@code ..} and every
     * symbolic link of the part of it that exists (the rest is about to be created, so it holds
     * none).
     *
     * @throws QflException (QF5021) when it lies outside
     */
    public Path check(Path path) {
        if (root == null) {
            return path;
        }
        Path absolute = path.toAbsolutePath().normalize();
        if (!real(absolute).startsWith(root)) {
            // no file position: the diagnostic points at the statement that named the path
            throw new QflException(OUTSIDE_ROOT, "cannot use " + path.getFileName()
                    + ": it is outside the folder this session may read and write", null,
                    "paths must stay inside the session's root folder (no .. or links leading out of it)", null);
        }
        return absolute;
    }

    private static Path real(Path absolute) {
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            // a dangling link or an unreadable folder: it cannot be shown to lie inside the root
            return Path.of("/").resolve("unresolvable");
        }
    }
}
