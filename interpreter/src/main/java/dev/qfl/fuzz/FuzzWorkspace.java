package dev.qfl.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A scratch copy of the example scripts' folders for the fuzzer: every data folder copied and
 * made read-only (a mutant that exports over a data file gets an ordinary error instead of
 * damaging the data the next mutants read), plus writable {@code out/} folders for exports and
 * plots. The scripts themselves are read from the repository and never written.
 */
public final class FuzzWorkspace implements AutoCloseable {
    /** An example script: its name (for diagnostics), text, and the scratch folder it runs in. */
    public record Seed(String name, String text, Path folder) {
    }

    private final Path root;
    private final List<Seed> seeds;

    private FuzzWorkspace(Path root, List<Seed> seeds) {
        this.root = root;
        this.seeds = List.copyOf(seeds);
    }

    /** Copies every folder of {@code examples} that holds scripts (with its {@code data/}) into a temporary folder. */
    public static FuzzWorkspace prepare(Path examples) throws IOException {
        Path root = Files.createTempDirectory("qfl-fuzz-").toRealPath();
        List<Seed> seeds = new ArrayList<>();
        List<Path> scripts;
        try (Stream<Path> s = Files.walk(examples)) {
            scripts = s.filter(p -> p.toString().endsWith(".qfl") && Files.isRegularFile(p))
                    .filter(p -> !examples.relativize(p).toString().startsWith("target"))
                    .sorted().toList();
        }
        for (Path script : scripts) {
            Path relativeFolder = examples.relativize(script.getParent());
            Path folder = root.resolve(relativeFolder.toString());
            if (!Files.isDirectory(folder.resolve("out"))) {
                Files.createDirectories(folder.resolve("out"));
                Path data = script.getParent().resolve("data");
                if (Files.isDirectory(data)) {
                    copyReadOnly(data, folder.resolve("data"));
                }
            }
            seeds.add(new Seed(examples.relativize(script).toString(), Files.readString(script), folder));
        }
        if (seeds.isEmpty()) {
            throw new IOException("no .qfl scripts under " + examples);
        }
        return new FuzzWorkspace(root, seeds);
    }

    /** Folders too are made read-only: exports replace files by renaming, which a writable folder allows. */
    private static void copyReadOnly(Path from, Path to) throws IOException {
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                    folders.add(target);
                } else {
                    Files.copy(p, target);
                    target.toFile().setWritable(false, false);
                }
            }
        }
        folders.forEach(f -> f.toFile().setWritable(false, false));
    }

    public Path root() {
        return root;
    }

    public List<Seed> seeds() {
        return seeds;
    }

    /** Deletes the scratch folder. */
    @Override
    public void close() {
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> all = s.sorted(Comparator.reverseOrder()).toList();
            all.forEach(p -> p.toFile().setWritable(true, false));
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the fuzzer's scratch folder " + root, e);
        }
    }
}
