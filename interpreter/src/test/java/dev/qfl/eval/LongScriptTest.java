package dev.qfl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.api.Output;
import dev.qfl.api.QflEngine;
import dev.qfl.api.QflSession;
import dev.qfl.api.Result;
import dev.qfl.check.Scope;
import dev.qfl.check.Symbol;
import dev.qfl.diag.Span;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checking and running cost time in proportion to the script's length (issue #12: lets were quadratic). */
class LongScriptTest {
    @TempDir
    Path dir;

    @Test
    void aMegabyteOfLetsRunsInSeconds() throws Exception {
        StringBuilder script = new StringBuilder();
        int n = 60_000;
        for (int i = 0; i < n; i++) {
            script.append("let a").append(i).append(" = ").append(i).append(" + 1\n");
        }
        script.append("a").append(n - 1).append(" + a1\n");
        assertTrue(script.length() > 1_000_000);
        long start = System.nanoTime();
        try (QflSession s = QflEngine.builder().build().openSession(dir)) {
            Result r = s.evaluate("long.qfl", script.toString());
            Output last = r.outputs().get(r.outputs().size() - 1);
            assertEquals(new Output.Message(String.valueOf(n + 2)), last);
        }
        // about 2 s here; the quadratic scope took over 2 minutes. A bound only a return to that breaks.
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 60, "60,000 lets took " + seconds + " s");
    }

    @Test
    void aScopeDerivedFromAnOlderSnapshotDoesNotSeeLaterNames() {
        Scope base = Scope.empty().with(series("a"));
        Scope newer = base.with(series("b"));
        Scope branch = base.with(series("c"));
        assertTrue(newer.lookup("b").isPresent() && newer.lookup("c").isEmpty());
        assertTrue(branch.lookup("c").isPresent() && branch.lookup("b").isEmpty());
        assertTrue(base.lookup("b").isEmpty() && base.lookup("c").isEmpty() && base.lookup("a").isPresent());
        assertTrue(Scope.empty().lookup("a").isEmpty(), "the empty scope is never written to");
        // a redeclared name is seen at its latest declaration, and listed once, at its new place
        Scope again = newer.with(series("a"));
        assertEquals(java.util.List.of("b", "a"), again.symbols().stream().map(Symbol::name).toList());
        assertEquals(java.util.List.of("a", "b"), newer.symbols().stream().map(Symbol::name).toList());
    }

    private static Symbol series(String name) {
        return new Symbol.SeriesSymbol(name, Span.NONE, name + ".csv", Map.of(), null);
    }
}
