package dev.qfl.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.qfl.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every example script through the real command line and compares its output with the
 * expected output checked in beside it: {@code examples/expected/NAME.out} for scripts that run,
 * {@code examples/errors/NAME.expected} (the rendered diagnostics of {@code qfl check}) for broken
 * ones. Regenerate after an intended change with {@code mvn -B verify -Dqfl.updateGolden=true}
 * and review the diff.
 *
 * <p>Numbers may differ by a relative tolerance, 1e-6 unless a script states its own in a
 * {@code # tolerance: 0.05} comment (scripts with trained models do, so results stay comparable
 * across CPUs).
 */
class ExamplesTest {
    private static final Pattern TOLERANCE = Pattern.compile("(?m)^#\\s*tolerance:\\s*([0-9.eE-]+)");

    static Path examplesDir() {
        return Path.of(System.getProperty("qfl.examples.dir", ".")).toAbsolutePath().normalize();
    }

    static boolean update() {
        return Boolean.getBoolean("qfl.updateGolden");
    }

    static Stream<Path> scripts() throws IOException {
        try (Stream<Path> s = Files.list(examplesDir())) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".qfl") && Files.isRegularFile(p)).sorted().toList();
            assertTrue(all.size() >= 3, "expected at least three example scripts");
            return all.stream();
        }
    }

    static Stream<Path> brokenScripts() throws IOException {
        try (Stream<Path> s = Files.list(examplesDir().resolve("errors"))) {
            return s.filter(p -> p.toString().endsWith(".qfl") && Files.isRegularFile(p)).sorted().toList().stream();
        }
    }

    record Run(int exit, String out, String err) {
    }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void exampleRunsAndMatchesItsExpectedOutput(Path script) throws IOException {
        Run run = cli("--quiet", "run", relative(script));
        assertEquals(0, run.exit(), () -> "exit " + run.exit() + "\n" + run.err());
        String name = script.getFileName().toString().replace(".qfl", ".out");
        String output = GoldenText.maskColumns(run.out(), java.util.Set.of("train_s", "predict_s"));
        compare(examplesDir().resolve("expected").resolve(name), output, tolerance(script));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenScripts")
    void brokenExampleFailsCheckWithItsExpectedDiagnostics(Path script) throws IOException {
        Run run = cli("check", relative(script));
        assertEquals(1, run.exit(), () -> "check should exit 1 on " + script + "\n" + run.out() + run.err());
        assertFalse(run.err().isBlank());
        assertTrue(run.err().contains("error[QF"), run.err());
        compare(script.resolveSibling(script.getFileName().toString().replace(".qfl", ".expected")), run.err(), 0);
    }

    /** Paths as a user in the repository root would type them, so diagnostics show stable names. */
    private static String relative(Path script) {
        return examplesDir().getParent().relativize(script).toString();
    }

    private static double tolerance(Path script) throws IOException {
        Matcher m = TOLERANCE.matcher(Files.readString(script));
        return m.find() ? Double.parseDouble(m.group(1)) : 1e-6;
    }

    private static void compare(Path expectedFile, String actual, double tolerance) throws IOException {
        if (update()) {
            Files.createDirectories(expectedFile.getParent());
            Files.writeString(expectedFile, actual);
            return;
        }
        if (!Files.exists(expectedFile)) {
            fail("no expected output " + expectedFile + "; create it with -Dqfl.updateGolden=true. Output was:\n" + actual);
        }
        String diff = GoldenText.difference(Files.readString(expectedFile), actual, tolerance);
        assertNull(diff, () -> diff + "\n--- actual output ---\n" + actual);
    }
}
