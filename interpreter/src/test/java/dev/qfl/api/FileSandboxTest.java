package dev.qfl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.diag.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A planning server confines scripts to one folder and keeps file content out of diagnostics. */
class FileSandboxTest {
    private static final String DATA = "date,units\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n";

    @TempDir
    Path dir;

    private QflSession confined(boolean quote) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.writeString(root.resolve("d.csv"), DATA);
        Files.writeString(dir.resolve("secret.csv"), "root:x:0:0:root:/root:/bin/bash\n2024-01-01,1\n");
        return QflEngine.builder().cacheDirectory(dir.resolve("cache")).fileRoot(root).quoteFileContent(quote).build()
                .openSession(root);
    }

    @Test
    void readsAndWritesOutsideTheRootAreRefused() throws Exception {
        try (QflSession s = confined(true)) {
            for (String read : new String[] {"../secret.csv", dir.resolve("secret.csv").toString(), "/etc/passwd"}) {
                QflScriptException e = assertThrows(QflScriptException.class, () -> s.evaluate("a.qfl",
                        "series x = csv(\"" + read + "\", time: \"date\", value: \"units\")"));
                assertEquals("QF5021", e.diagnostics().get(0).code(), read);
                assertEquals("a.qfl", e.diagnostics().get(0).source());
            }
            s.evaluate("b.qfl", "series d = csv(\"d.csv\", time: \"date\", value: \"units\")\n"
                    + "model m = seasonal_naive(d, horizon: 1, season: 1)\nlet q = quantile(d, 0.5) using m\n"
                    + "export q to \"out/q.csv\"");
            assertTrue(Files.exists(dir.resolve("root/out/q.csv")), "inside the root is fine");
            QflScriptException e = assertThrows(QflScriptException.class,
                    () -> s.evaluate("c.qfl", "export q to \"../escaped.csv\""));
            assertEquals("QF5021", e.diagnostics().get(0).code());
            assertFalse(Files.exists(dir.resolve("escaped.csv")));
        }
    }

    @Test
    void aLinkOutOfTheRootIsRefused() throws Exception {
        try (QflSession s = confined(true)) {
            Files.createSymbolicLink(dir.resolve("root/link.csv"), dir.resolve("secret.csv"));
            QflScriptException e = assertThrows(QflScriptException.class, () -> s.evaluate("a.qfl",
                    "series x = csv(\"link.csv\", time: \"date\", value: \"units\")"));
            assertEquals("QF5021", e.diagnostics().get(0).code());
        }
    }

    @Test
    void withoutQuotingDiagnosticsShowNoFileContent() throws Exception {
        try (QflSession s = confined(false)) {
            Files.writeString(dir.resolve("root/bad.csv"), "root:x:0:0,units\nsecret-value,1\n");
            Diagnostic d = assertThrows(QflScriptException.class, () -> s.evaluate("a.qfl",
                    "series x = csv(\"bad.csv\", time: \"root:x:0:0\", value: \"units\")")).diagnostics().get(0);
            assertEquals("QF3102", d.code());
            assertNull(d.lineText(), "no line of the file is quoted");
            assertFalse(d.message().contains("secret-value"), d.message());
            assertEquals(2, d.span().line(), "the position is still given");
        }
        try (QflSession s = confined(true)) {
            Diagnostic d = assertThrows(QflScriptException.class, () -> s.evaluate("a.qfl",
                    "series x = csv(\"bad.csv\", time: \"root:x:0:0\", value: \"units\")")).diagnostics().get(0);
            assertTrue(d.message().contains("secret-value"), "quoting is the default: " + d.message());
        }
    }
}
