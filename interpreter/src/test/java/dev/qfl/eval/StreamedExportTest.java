package dev.qfl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.api.QflEngine;
import dev.qfl.api.QflScriptException;
import dev.qfl.api.QflSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export <query> to "file"} answers a chunk of series at a time (issue #14); the chunk size
 * is forced down to 2 series so a panel of 7 is written in 4 chunks, the last one short. The
 * file must be byte for byte what answering the whole query first ({@code let}, then export)
 * writes.
 */
class StreamedExportTest {
    private static String previousChunk;

    @TempDir
    Path dir;

    @BeforeAll
    static void smallChunks() {
        previousChunk = System.getProperty(StreamedExport.CHUNK_PROPERTY);
        System.setProperty(StreamedExport.CHUNK_PROPERTY, "2");
    }

    @AfterAll
    static void restore() {
        if (previousChunk == null) {
            System.clearProperty(StreamedExport.CHUNK_PROPERTY);
        } else {
            System.setProperty(StreamedExport.CHUNK_PROPERTY, previousChunk);
        }
    }

    /** Seven weekly series of three years with a yearly season (and a store key, for multi-key ids). */
    private QflSession session() throws Exception {
        StringBuilder csv = new StringBuilder("week,sku,store,units\n");
        for (int s = 0; s < 7; s++) {
            for (int w = 0; w < 156; w++) {
                long units = Math.round(20 + 3 * s + 8 * Math.sin(2 * Math.PI * w / 52.0 + s) + (w * 7 + s * 13) % 5);
                csv.append(LocalDate.of(2022, 1, 3).plusWeeks(w)).append(",S").append(s).append(",T").append(s % 2)
                        .append(',').append(units).append('\n');
            }
        }
        Files.writeString(dir.resolve("sales.csv"), csv);
        return QflEngine.builder().cacheDirectory(dir.resolve("cache")).build().openSession(dir);
    }

    private static final String SERIES = "series sales = csv(\"sales.csv\", time: \"week\", value: \"units\", id: \"sku\", "
            + "freq: week)\n"
            + "series keyed = csv(\"sales.csv\", time: \"week\", value: \"units\", id: [\"sku\", \"store\"], freq: week)\n"
            + "model naive = seasonal_naive(sales, horizon: 4, season: 52)\n"
            + "model smooth = ets(sales, horizon: 4)\n"
            + "model keyed_naive = seasonal_naive(keyed, horizon: 3, season: 52)\n";

    /** Queries of several kinds, over two models, with and without a condition. */
    private static final List<String> QUERIES = List.of(
            "quantile(sales, [0.5, 0.9, 0.95]) using naive",
            "quantile(sales, [0.5, 0.9, 0.95]) using smooth",
            "newsvendor(sales, underage: 4, overage: 1) using smooth",
            "interval(sales, 0.8) using naive where horizon <= 2",
            "probability(sales > 25) using smooth where id == \"S3\" or id == \"S6\"",
            "quantile(keyed, 0.5) using keyed_naive");

    @Test
    void streamedCsvAndParquetAreByteIdenticalToTheWholeAnswer() throws Exception {
        try (QflSession s = session()) {
            StringBuilder script = new StringBuilder(SERIES);
            for (int i = 0; i < QUERIES.size(); i++) {
                script.append("let whole").append(i).append(" = ").append(QUERIES.get(i)).append('\n');
                for (String ext : new String[] {"csv", "parquet"}) {
                    script.append("export whole").append(i).append(" to \"out/whole").append(i).append('.').append(ext)
                            .append("\"\n");
                    script.append("export ").append(QUERIES.get(i)).append(" to \"out/streamed").append(i).append('.')
                            .append(ext).append("\"\n");
                }
            }
            s.evaluate("export.qfl", script.toString());
        }
        for (int i = 0; i < QUERIES.size(); i++) {
            for (String ext : new String[] {"csv", "parquet"}) {
                byte[] whole = Files.readAllBytes(dir.resolve("out/whole" + i + "." + ext));
                byte[] streamed = Files.readAllBytes(dir.resolve("out/streamed" + i + "." + ext));
                assertArrayEquals(whole, streamed, QUERIES.get(i) + " to " + ext);
            }
        }
        String quantiles = Files.readString(dir.resolve("out/streamed0.csv"));
        assertEquals(1 + 7 * 4 * 3, quantiles.lines().count(), "a row per series, step and level: " + quantiles);
        assertTrue(Files.readString(dir.resolve("out/streamed5.csv")).startsWith("id,sku,store,"), "key columns");
    }

    @Test
    void aStreamedAppendGivesTheFileOfAWholeAppend() throws Exception {
        try (QflSession s = session()) {
            String query = "quantile(sales, 0.9) using naive where horizon == 1";
            s.evaluate("append.qfl", SERIES + "let q = " + query + "\n"
                    + "export q to \"out/whole.csv\" append: true\nexport q to \"out/whole.csv\" append: true\n"
                    + "export " + query + " to \"out/streamed.csv\" append: true\n"
                    + "export " + query + " to \"out/streamed.csv\" append: true\n");
        }
        assertEquals(Files.readString(dir.resolve("out/whole.csv")), Files.readString(dir.resolve("out/streamed.csv")));
        assertEquals(1 + 2 * 7, Files.readString(dir.resolve("out/streamed.csv")).lines().count());
    }

    @Test
    void aFailedStreamedExportLeavesThePreviousFileAndNoTemporary() throws Exception {
        try (QflSession s = session()) {
            Files.createDirectories(dir.resolve("out"));
            Files.writeString(dir.resolve("out/log.csv"), "a,b\n1,2\n");
            QflScriptException e = assertThrows(QflScriptException.class, () -> s.evaluate("bad.qfl", SERIES
                    + "export quantile(sales, 0.5) using naive to \"out/log.csv\" append: true\n"));
            assertEquals("QF2018", e.diagnostics().get(0).code(), e.getMessage());
        }
        assertEquals("a,b\n1,2\n", Files.readString(dir.resolve("out/log.csv")));
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
    }

    @Test
    void anEmptyStreamedAnswerIsExplainedAsBefore() throws Exception {
        try (QflSession s = session()) {
            var result = s.evaluate("empty.qfl", SERIES
                    + "export quantile(sales, 0.5) using naive where id == \"S33\" to \"out/none.csv\"\n");
            assertTrue(result.warnings().stream().anyMatch(w -> w.code().equals("QF5010") && w.toString().contains("no series has id \"S33\"")),
                    result.warnings().toString());
        }
        assertEquals("id,date,horizon,level,value\n", Files.readString(dir.resolve("out/none.csv")));
    }
}
