package dev.qfl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qfl.api.QflEngine;
import dev.qfl.api.QflScriptException;
import dev.qfl.api.QflSession;
import dev.qfl.diag.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports that must not destroy input data, print float noise, or hide where their data came from. */
class SafeExportTest {
    private static final String DATA = "date,sku,units\n2024-01-01,A,10\n2024-01-02,A,20\n2024-01-03,A,30\n"
            + "2024-01-04,A,40\n2024-01-05,A,50\n2024-01-06,A,60\n";
    private static final String SERIES = "series demand = csv(\"data/d.csv\", time: \"date\", value: \"units\", id: \"sku\")\n"
            + "model naive = seasonal_naive(demand, horizon: 2, season: 1)\n"
            + "let q = quantile(demand, 0.9) using naive where horizon == 1\n";

    @TempDir
    Path dir;

    private QflSession session() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/d.csv"), DATA);
        return QflEngine.builder().cacheDirectory(dir.resolve("cache")).build().openSession(dir);
    }

    @Test
    void anExportOverTheSessionsOwnDataIsRefused() throws Exception {
        try (QflSession s = session()) {
            s.evaluate("a.qfl", SERIES);
            for (String path : new String[] {"data/d.csv", "./data/../data/d.csv"}) {
                QflScriptException e = assertThrows(QflScriptException.class,
                        () -> s.evaluate("b.qfl", "export q to \"" + path + "\""));
                Diagnostic d = e.diagnostics().get(0);
                assertEquals("QF5020", d.code());
                assertEquals("b.qfl", d.source());
                assertEquals(1, d.span().line());
            }
            assertEquals(DATA, Files.readString(dir.resolve("data/d.csv")), "the data is untouched");
        }
    }

    @Test
    void overwriteTrueReplacesTheDataFileOnPurpose() throws Exception {
        try (QflSession s = session()) {
            s.evaluate("a.qfl", SERIES + "export q to \"data/d.csv\" overwrite: true\n");
            assertTrue(Files.readString(dir.resolve("data/d.csv")).startsWith("id,date,horizon,level,value\n"));
        }
    }

    @Test
    void exportedNumbersAreRoundedAndJsonSaysWhenAndFromWhere() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        // 82.8 written as the sum of floating-point noise: the naive forecast repeats it
        Files.writeString(dir.resolve("data/noisy.csv"), "date,units\n2024-01-01,82.79999999999998\n"
                + "2024-01-02,82.79999999999998\n2024-01-03,82.79999999999998\n");
        try (QflSession s = QflEngine.builder().cacheDirectory(dir.resolve("cache")).build().openSession(dir)) {
            s.evaluate("a.qfl", "series d = csv(\"data/noisy.csv\", time: \"date\", value: \"units\")\n"
                    + "model naive = seasonal_naive(d, horizon: 1, season: 1)\n"
                    + "let q = quantile(d, 0.5) using naive\n"
                    + "export q to \"out/q.csv\"\nexport q to \"out/q.json\"\n");
            String csv = Files.readString(dir.resolve("out/q.csv"));
            assertTrue(csv.contains(",82.8\n"), csv);
            assertFalse(csv.contains("82.7999"), csv);
            JsonNode json = new ObjectMapper().readTree(dir.resolve("out/q.json").toFile());
            assertEquals("82.8", json.get("rows").get(0).get("value").asText());
            JsonNode provenance = json.get("provenance");
            assertNotNull(Instant.parse(provenance.get("exported_at").asText()), "a UTC instant");
            assertTrue(provenance.get("exported_at").asText().endsWith("Z"));
            assertEquals(dir.resolve("data/noisy.csv").toAbsolutePath().normalize().toString(),
                    provenance.get("data_path").asText());
        }
    }

    @Test
    void aMissingDataFileIsReportedAtTheDeclarationThatNamedIt() throws Exception {
        try (QflSession s = session()) {
            QflScriptException e = assertThrows(QflScriptException.class, () -> s.evaluate("plan.qfl",
                    "# data\nseries demand = csv(\"data/nope.csv\", time: \"date\", value: \"units\")\n"));
            Diagnostic d = e.diagnostics().get(0);
            assertEquals("QF3106", d.code());
            assertEquals("plan.qfl", d.source());
            assertEquals(2, d.span().line());
            assertEquals(17, d.span().column(), "the caret is at the csv(...) call that named the file");
            assertTrue(d.lineText().contains("csv(\"data/nope.csv\""), d.lineText());
            assertTrue(d.message().contains("data/nope.csv") && d.message().contains("does not exist"), d.message());
        }
    }

    @Test
    void anEmptyDataFileIsReportedAtTheDeclarationAndABadCellInTheFile() throws Exception {
        try (QflSession s = session()) {
            Files.writeString(dir.resolve("data/empty.csv"), "");
            Diagnostic empty = assertThrows(QflScriptException.class, () -> s.evaluate("plan.qfl",
                    "series e = csv(\"data/empty.csv\", time: \"date\", value: \"units\")\n")).diagnostics().get(0);
            assertEquals("QF3105", empty.code());
            assertEquals("plan.qfl", empty.source());
            Files.writeString(dir.resolve("data/bad.csv"), "date,units\n2024-01-01,12f\n");
            Diagnostic bad = assertThrows(QflScriptException.class, () -> s.evaluate("plan.qfl",
                    "series b = csv(\"data/bad.csv\", time: \"date\", value: \"units\")\n")).diagnostics().get(0);
            assertEquals("QF3101", bad.code());
            assertEquals("data/bad.csv", bad.source());
            assertEquals(2, bad.span().line());
        }
    }

    @Test
    void concurrentAppendsFromSessionsLoseNoRow() throws Exception {
        int sessions = 4;
        int each = 10;
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/d.csv"), DATA);
        QflEngine engine = QflEngine.builder().cacheDirectory(dir.resolve("cache")).build();
        Thread[] threads = new Thread[sessions];
        Throwable[] failures = new Throwable[sessions];
        for (int t = 0; t < sessions; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                try (QflSession s = engine.openSession(dir)) {
                    s.evaluate("a.qfl", SERIES);
                    for (int i = 0; i < each; i++) {
                        s.evaluate("b.qfl", "export q to \"out/log.csv\" append: true");
                    }
                } catch (Throwable e) {
                    failures[id] = e;
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        for (Throwable f : failures) {
            if (f != null) {
                throw new AssertionError(f);
            }
        }
        long rows = Files.readAllLines(dir.resolve("out/log.csv")).size() - 1;
        assertEquals(sessions * each, rows, "one row per append, none lost");
    }
}
