package dev.qfl.terminal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A script named on the command line.
 *
 * @param name the path exactly as the user typed it (shown in diagnostics)
 * @param path the file
 * @param text its contents
 */
public record ScriptFile(String name, Path path, String text) {

    /** Reads a UTF-8 script; every way this can fail is the user's to fix. */
    public static ScriptFile read(String typed) throws UserError {
        Path path;
        try {
            path = Path.of(typed);
        } catch (InvalidPathException e) {
            throw new UserError("'" + typed + "' is not a valid file name");
        }
        if (Files.isDirectory(path)) {
            throw new UserError(typed + " is a folder, not a script");
        }
        try {
            byte[] bytes = Files.readAllBytes(path);
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            // editors on some systems start UTF-8 files with a byte-order mark; it is not part of the script
            return new ScriptFile(typed, path, text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (NoSuchFileException e) {
            throw new UserError("cannot read " + typed + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UserError("cannot read " + typed + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new UserError("cannot read " + typed + ": it is not UTF-8 text");
        } catch (IOException e) {
            throw new UserError("cannot read " + typed + ": " + e.getMessage());
        }
    }

    /** The folder relative paths in the script resolve against. */
    public Path folder() {
        return path.toAbsolutePath().normalize().getParent();
    }
}
