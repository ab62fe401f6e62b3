package dev.qfl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code is reached by its name in Java, never by a class-name string (#15: the benchmarks were
 * loaded with Class.forName, which hid a dependency from the compiler and from LayersTest). Reads
 * the main sources of the library, the benchmarks and the interpreter; comments are skipped.
 */
class NoClassByNameTest {
    private static final Pattern BY_NAME = Pattern.compile("\\bClass\\.forName\\s*\\(|\\.loadClass\\s*\\(");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void noMainSourceLoadsAClassByItsName() {
        Path root = ExampleScripts.repoRoot();
        List<String> found = new ArrayList<>();
        int files = 0;
        for (String module : List.of("stdlib", "bench", "interpreter")) {
            for (Path file : javaFiles(root.resolve(module).resolve("src/main/java"))) {
                files++;
                if (loadsByName(read(file))) {
                    found.add(root.relativize(file).toString());
                }
            }
        }
        assertEquals(List.of(), found, "load the class by its name in code, so the compiler sees the dependency");
        assertTrue(files > 300, "the sources were found: " + files);
    }

    @Test
    void theScanSeesACallButNotAComment() {
        assertTrue(loadsByName("class X { Object k = Class.forName(\"dev.qfl.bench.AccuracyBenchmark\"); }"));
        assertTrue(loadsByName("class X { Object k = loader.loadClass(name); }"));
        assertEquals(false, loadsByName("class X { /* Class.forName(x) */ // loader.loadClass(y)\n }"));
        assertEquals(false, loadsByName("class X { java.nio.charset.Charset c = Charset.forName(\"UTF-8\"); }"));
    }

    private static boolean loadsByName(String source) {
        return BY_NAME.matcher(COMMENT.matcher(source).replaceAll(" ")).find();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
