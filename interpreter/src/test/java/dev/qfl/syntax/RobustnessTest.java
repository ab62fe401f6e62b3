package dev.qfl.syntax;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.ExampleScripts;
import dev.qfl.api.QflEngine;
import dev.qfl.diag.Diagnostic;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Feeds thousands of randomly damaged example scripts to the checker: every one must end in a
 * list of diagnostics (possibly empty), never an uncaught exception or a hang.
 */
class RobustnessTest {
    private static final String[] FRAGMENTS = {
        "(", ")", "[", "]", ",", ":", "..", " step ", " where ", " using ", " and ", " or ", " not ", "\"", "#",
        "==", "<=", "0.5", "-", "1e400", "quantile(", "sum(", " over horizon ", "series ", "model ", "let ", "=",
        "@", "\n", "10m", "horizon", "csv(", "fit ", "export ", " to ", "assuming independence", "999999999999"};

    @Test
    void mutatedAndTruncatedScriptsNeverCrashTheChecker() {
        QflEngine engine = QflEngine.builder().build();
        List<String> sources = ExampleScripts.all().stream().map(ExampleScripts::read).toList();
        assertFalse(sources.isEmpty());
        SplittableRandom random = new SplittableRandom(20261124L);
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (int i = 0; i < 3000; i++) {
                String mutated = mutate(sources.get(random.nextInt(sources.size())), random);
                List<Diagnostic> diagnostics = engine.check("fuzz.qfl", mutated);
                for (Diagnostic d : diagnostics) {
                    assertTrue(d.code().matches("QF\\d{4}"), d.toString());
                    assertFalse(d.message().isBlank(), d.toString());
                }
            }
        });
    }

    private static String mutate(String source, SplittableRandom random) {
        StringBuilder sb = new StringBuilder(source);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.setLength(at);
                case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(12)));
                case 2 -> sb.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                default -> {
                    int other = random.nextInt(sb.length());
                    char c = sb.charAt(at);
                    sb.setCharAt(at, sb.charAt(other));
                    sb.setCharAt(other, c);
                }
            }
        }
        return sb.toString();
    }
}
