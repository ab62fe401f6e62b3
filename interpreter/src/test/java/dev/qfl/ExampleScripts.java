package dev.qfl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the repository's example scripts for tests that run over all of them. */
public final class ExampleScripts {
    private ExampleScripts() {
    }

    public static Path repoRoot() {
        String prop = System.getProperty("qfl.repo.root");
        Path p = prop != null && !prop.isBlank() ? Path.of(prop) : Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** Every {@code .qfl} file under examples/, broken ones included. */
    public static List<Path> all() {
        try (Stream<Path> s = Files.walk(repoRoot().resolve("examples"))) {
            return s.filter(p -> p.toString().endsWith(".qfl") && Files.isRegularFile(p)).filter(p -> !p.toString().contains("/target/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
