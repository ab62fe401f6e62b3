package dev.qfl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every arrow between the interpreter's packages points down the layers of docs/architecture.md:
 * a package uses only its own layer's code and the layers below it. Read from the source files
 * (imports and fully qualified names, comments left out), so the failure names the file and the
 * offending package.
 */
class LayersTest {
    /**
     * Packages by layer, lowest first; one number per layer, and packages of one layer do not use
     * each other. The libraries below the interpreter (stdlib, the generated parser, the benchmarks)
     * are layer 0.
     */
    static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("stdlib", 0), Map.entry("grammar", 0), Map.entry("bench", 0),
            Map.entry("diag", 1),
            Map.entry("ast", 2),
            Map.entry("syntax", 3),
            Map.entry("format", 4),
            Map.entry("check", 5),
            Map.entry("plan", 6),
            Map.entry("eval", 7),
            Map.entry("api", 8),
            Map.entry("terminal", 9),
            Map.entry("repl", 10), Map.entry("fuzz", 10),
            Map.entry("cli", 11));

    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.qfl\\.([a-z]+)\\.");
    /** A string literal (kept: a class named in a string is a dependency too) or a comment (dropped). */
    private static final Pattern STRING_OR_COMMENT = Pattern.compile("\"(?:\\\\.|[^\"\\\\\\n])*\"|/\\*.*?\\*/|//[^\\n]*",
            Pattern.DOTALL);

    @Test
    void everyPackageUsesOnlyLowerLayers() {
        Path main = ExampleScripts.repoRoot().resolve("interpreter/src/main/java/dev/qfl");
        List<String> wrong = new ArrayList<>();
        TreeSet<String> unknown = new TreeSet<>();
        int files = 0;
        for (Path file : javaFiles(main)) {
            String from = main.relativize(file).getName(0).toString();
            Integer fromLayer = LAYERS.get(from);
            if (fromLayer == null) {
                unknown.add(from);
                continue;
            }
            files++;
            for (String to : referencedPackages(file)) {
                Integer toLayer = LAYERS.get(to);
                if (toLayer == null) {
                    unknown.add(to);
                } else if (!to.equals(from) && toLayer >= fromLayer) {
                    wrong.add(main.relativize(file) + " (" + from + ", layer " + fromLayer + ") uses " + to
                            + " (layer " + toLayer + ")");
                }
            }
        }
        assertEquals(new TreeSet<>(), unknown, "packages without a layer: give them one in LAYERS and docs/architecture.md");
        assertEquals(List.of(), wrong, "arrows pointing up or sideways");
        assertTrue(files > 100, "the interpreter's sources were found: " + files);
    }

    @Test
    void theStandardLibraryNeverUsesTheInterpreter() {
        Path stdlib = ExampleScripts.repoRoot().resolve("stdlib/src/main/java");
        List<String> wrong = new ArrayList<>();
        for (Path file : javaFiles(stdlib)) {
            for (String to : referencedPackages(file)) {
                if (!to.equals("stdlib")) {
                    wrong.add(stdlib.relativize(file) + " uses dev.qfl." + to);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theCheckFindsAnArrowPointingUp() {
        assertEquals(List.of("api", "cli", "diag"), List.copyOf(new TreeSet<>(references("""
                package dev.qfl.eval;
                import dev.qfl.api.Output; // dev.qfl.cli.Main in a comment does not count
                /* nor dev.qfl.repl.Repl here */
                class X { dev.qfl.diag.Span span; String glob = "sales/*.parquet"; String k = "dev.qfl.cli.Main"; }
                """))));
    }

    private static List<Path> javaFiles(Path folder) {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> referencedPackages(Path file) {
        try {
            return references(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dev.qfl packages a source text refers to, its own package line and comments left out. */
    static List<String> references(String source) {
        String code = STRING_OR_COMMENT.matcher(source)
                .replaceAll(r -> r.group().startsWith("\"") ? Matcher.quoteReplacement(r.group()) : " ")
                .replaceFirst("(?m)^package [\\w.]+;", "");
        List<String> found = new ArrayList<>();
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
