package dev.qfl.stdlib.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one registry of codes, docs/diagnostics.md and the main code agree. */
class DiagnosticCodeTest {
    private static final Pattern DOCUMENTED = Pattern.compile("(?m)^\\| (QF\\d{4}) \\|");
    private static final Pattern LITERAL = Pattern.compile("\"QF\\d{4}\"");
    /** Comments may show codes (a JSON example in a Javadoc); code may not. */
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("docs/diagnostics.md"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no docs/diagnostics.md above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    @Test
    void everyDocumentedCodeIsRegisteredAndEveryRegisteredCodeDocumented() throws IOException {
        Matcher m = DOCUMENTED.matcher(Files.readString(repoRoot().resolve("docs/diagnostics.md")));
        List<String> documented = new ArrayList<>();
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertEquals(documented.size(), new TreeSet<>(documented).size(), "a code documented twice: " + documented);
        Set<String> registered = Arrays.stream(DiagnosticCode.values()).map(DiagnosticCode::code)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(documented), registered);
    }

    @Test
    void codesAreUniqueAndLookedUpByTheirText() {
        DiagnosticCode[] all = DiagnosticCode.values();
        assertEquals(all.length, Arrays.stream(all).map(DiagnosticCode::code).distinct().count());
        for (DiagnosticCode c : all) {
            assertTrue(c.code().matches("QF[1-59]\\d{3}"), c.code());
            assertEquals(c, DiagnosticCode.of(c.code()).orElseThrow());
            assertEquals(c.code(), c.toString());
            assertTrue(!c.title().isBlank(), c.name());
        }
        assertTrue(DiagnosticCode.of("QF0000").isEmpty());
    }

    @Test
    void mainCodeNamesCodesOnlyThroughTheRegistry() throws IOException {
        Path root = repoRoot();
        List<String> literals = new ArrayList<>();
        for (String module : List.of("stdlib", "interpreter", "bench", "spark")) {
            Path main = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (f.endsWith(Path.of("dev/qfl/stdlib/diag/DiagnosticCode.java"))) {
                        continue;
                    }
                    Matcher m = LITERAL.matcher(COMMENT.matcher(Files.readString(f)).replaceAll(" "));
                    while (m.find()) {
                        literals.add(root.relativize(f) + ": " + m.group());
                    }
                }
            }
        }
        assertEquals(List.of(), literals, "codes written as string literals instead of DiagnosticCode constants");
    }
}
