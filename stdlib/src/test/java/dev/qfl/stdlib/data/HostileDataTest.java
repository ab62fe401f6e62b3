package dev.qfl.stdlib.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.qfl.stdlib.QflException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files that are not what a data file should be: each ends in a diagnostic, never a hang or OOM. */
class HostileDataTest {
    private static final CsvOptions LONG = new CsvOptions("date", "units", "sku", null, null, null);

    @TempDir
    Path dir;

    private QflException failure(Path file, CsvOptions options) {
        return assertThrows(QflException.class, () -> new CsvLoader().load("demand", file, options));
    }

    @Test
    @Timeout(10)
    void aDeviceIsRefusedWithoutReadingIt() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        QflException e = failure(zero, LONG);
        assertEquals(DataErrors.NOT_REGULAR.code(), e.code());
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    @Timeout(10)
    void aPipeIsRefusedWithoutBlockingOnIt() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(5, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is available");
        assertEquals(DataErrors.NOT_REGULAR.code(), failure(fifo, LONG).code());
    }

    @Test
    void aFolderIsRefused() {
        assertEquals(DataErrors.NOT_REGULAR.code(), failure(dir, LONG).code());
    }

    @Test
    @Timeout(20)
    void aRowWithoutEndStopsAtTheRowLimit() throws Exception {
        // a header, then far more than the row limit of zero bytes with no line break: the old
        // reader held it all in memory
        Path f = dir.resolve("zeros.csv");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("date,sku,units\n".getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 16];
            for (int i = 0; i < 40; i++) {
                out.write(block);
            }
        }
        QflException e = failure(f, LONG);
        assertEquals(DataErrors.ROW_TOO_LONG.code(), e.code());
        assertEquals(2, e.position().orElseThrow().line());
    }

    @Test
    void anUnclosedQuoteStopsAtTheRowLimit() throws Exception {
        StringBuilder text = new StringBuilder("date,sku,units\n2024-01-01,A,\"1\n");
        String line = "2024-01-02,A,2\n";
        while (text.length() < DecodingReader.MAX_ROW_CHARS + 100_000) {
            text.append(line);
        }
        Path f = Files.writeString(dir.resolve("open-quote.csv"), text);
        assertEquals(DataErrors.ROW_TOO_LONG.code(), failure(f, LONG).code());
    }

    @Test
    void moreRowsThanMaxRowsIsAnErrorAtTheFirstRowTooMany() throws Exception {
        Path f = Files.writeString(dir.resolve("d.csv"), "date,sku,units\n2024-01-01,A,1\n2024-01-02,A,2\n2024-01-03,A,3\n");
        CsvOptions three = new CsvOptions("date", "units", "sku", null, null, null, null, null, 3);
        assertEquals(3, new CsvLoader().load("d", f, three).panel().series().get(0).length());
        CsvOptions two = new CsvOptions("date", "units", "sku", null, null, null, null, null, 2);
        QflException e = failure(f, two);
        assertEquals(DataErrors.TOO_MANY_ROWS.code(), e.code());
        assertEquals(4, e.position().orElseThrow().line());
    }

    @Test
    @Timeout(10)
    void aFillAcrossMillenniaOfHoursIsRefusedBeforeAllocating() throws Exception {
        Path f = Files.writeString(dir.resolve("span.csv"),
                "date,sku,units\n0000-01-01T00:00,A,1\n0000-01-01T01:00,A,2\n9999-12-31T23:00,A,3\n");
        CsvOptions hourly = new CsvOptions("date", "units", "sku", Frequency.HOUR, new Fill.Constant(0), null);
        QflException e = failure(f, hourly);
        assertEquals(DataErrors.TOO_MANY_POINTS.code(), e.code());
        assertEquals(4, e.position().orElseThrow().line());
        assertTrue(e.getMessage().contains("series \"A\" spans"), e.getMessage());
    }

    @Test
    void invalidUtf8IsAnErrorAtItsLineAndColumn() throws Exception {
        byte[] latin1 = "date,sku,units\n2024-01-01,Café,1\n2024-01-02,Cafè,2\n".getBytes(StandardCharsets.ISO_8859_1);
        Path f = Files.write(dir.resolve("latin1.csv"), latin1);
        QflException e = failure(f, LONG);
        assertEquals(DataErrors.BAD_ENCODING.code(), e.code());
        assertEquals(2, e.position().orElseThrow().line());
        assertEquals(15, e.position().orElseThrow().column());
        assertTrue(e.hint().orElseThrow().contains("encoding:"));
    }

    @Test
    void aNamedEncodingKeepsAccentedIdsApart() throws Exception {
        byte[] latin1 = ("date,sku,units\n2024-01-01,Café,1\n2024-01-02,Café,2\n2024-01-01,Cafè,3\n2024-01-02,Cafè,4\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Path f = Files.write(dir.resolve("latin1.csv"), latin1);
        CsvOptions latin = new CsvOptions("date", "units", "sku", null, null, null, null, StandardCharsets.ISO_8859_1,
                CsvOptions.DEFAULT_MAX_ROWS);
        Panel p = new CsvLoader().load("d", f, latin).panel();
        assertEquals(List.of("Café", "Cafè"), p.series().stream().map(TimeSeries::id).toList());
    }

    @Test
    void utf8FingerprintsAreUnchangedByTheEncodingOption() throws Exception {
        // the fingerprint is the digest of every byte and the options: streaming must not change it
        Path f = Files.writeString(dir.resolve("d.csv"), "\uFEFFdate,sku,units\n2024-01-01,A,1\n2024-01-02,A,2\n");
        String streamed = new CsvLoader().load("d", f, LONG).panel().fingerprint();
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update(Files.readAllBytes(f));
        sha.update(LONG.canonical().getBytes(StandardCharsets.UTF_8));
        assertEquals(java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16), streamed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12f", "12d", "0x1p4", "\" 12\"", "Infinity", "-Infinity", "1e999", "1_000", "+-1", "1.2.3"})
    void onlyPlainDecimalsAreNumbers(String cell) throws IOException {
        Path f = Files.writeString(dir.resolve("n.csv"), "date,sku,units\n2024-01-01,A,1\n2024-01-02,A," + cell + "\n");
        QflException e = failure(f, LONG);
        assertEquals(DataErrors.NOT_A_NUMBER.code(), e.code(), cell);
        assertEquals(3, e.position().orElseThrow().line());
    }

    @Test
    void plainDecimalsAndMissingValuesAreRead() throws IOException {
        Path f = Files.writeString(dir.resolve("n.csv"),
                "date,sku,units\n2024-01-01,A,12\n2024-01-02,A,-0.5\n2024-01-03,A,1.5e2\n2024-01-04,A,NaN\n"
                        + "2024-01-05,A,.5\n2024-01-06,A,+3.\n2024-01-07,A, 7 \n");
        CsvOptions filled = new CsvOptions("date", "units", "sku", null, new Fill.Constant(0), Support.REAL);
        TimeSeries s = new CsvLoader().load("d", f, filled).panel().series().get(0);
        double[] expected = {12, -0.5, 150, 0, 0.5, 3, 7};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], s.value(i), 0.0, "point " + i);
        }
        assertTrue(!s.isObserved(3), "NaN is a missing value");
    }
}
