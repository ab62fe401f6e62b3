package dev.qfl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qfl.api.QflEngine;
import dev.qfl.diag.Diagnostic;
import java.util.List;

/** Checks a script as {@code qfl check} does, through the embedding API, for the checker's tests. */
final class CheckedScripts {
    private CheckedScripts() {
    }

    /** Every diagnostic of the script, named plan.qfl. */
    static List<Diagnostic> check(String source) {
        return QflEngine.builder().build().check("plan.qfl", source);
    }

    /** The script's one diagnostic; fails when it has none or several. */
    static Diagnostic only(String source) {
        List<Diagnostic> d = check(source);
        assertEquals(1, d.size(), d.toString());
        return d.get(0);
    }
}
