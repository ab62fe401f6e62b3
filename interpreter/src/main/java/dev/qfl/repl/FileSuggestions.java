package dev.qfl.repl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** File-name completion relative to a folder (the REPL session's), for {@code :load} and {@code csv("...")}. */
public final class FileSuggestions {
    private final Path base;

    public FileSuggestions(Path base) {
        this.base = base;
    }

    /**
     * Folders and files (with the given extension, or any when empty) that continue {@code typed}.
     *
     * @param closeWord whether a completed file name may be followed by a space
     */
    public List<QflCompleter.Suggestion> list(String typed, String extension, boolean closeWord) {
        int slash = typed.lastIndexOf('/');
        String folderPart = typed.substring(0, slash + 1);
        String namePart = typed.substring(slash + 1);
        Path folder;
        try {
            folder = folderPart.isEmpty() ? base : base.resolve(folderPart);
        } catch (InvalidPathException e) {
            return List.of();
        }
        List<QflCompleter.Suggestion> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
            dir.forEach(entries::add);
        } catch (IOException e) {
            return out;  // an unreadable folder simply offers nothing
        }
        entries.sort(null);
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (!name.startsWith(namePart) || name.startsWith(".") && !namePart.startsWith(".")) {
                continue;
            }
            if (Files.isDirectory(p)) {
                out.add(new QflCompleter.Suggestion(folderPart + name + "/", name + "/", "folder", null, false));
            } else if (extension.isEmpty() || name.endsWith(extension)) {
                out.add(new QflCompleter.Suggestion(folderPart + name, name, "file", null, closeWord));
            }
        }
        return out;
    }
}
