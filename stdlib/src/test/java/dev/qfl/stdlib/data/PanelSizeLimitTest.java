package dev.qfl.stdlib.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.QflException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The point limit of a panel follows {@code max_rows:} when the user raises it (issue #14: a panel
 * of 20.8 million weekly points must load on one JVM when asked for). The default limit is lowered
 * to a few dozen points here, through the loader's package-private knob, so the panels stay tiny.
 */
class PanelSizeLimitTest {
    /** The lowered default point limit of these tests. */
    private static final long LIMIT = 20;

    @TempDir
    Path dir;

    /** A long file of {@code series} weekly series of {@code weeks} rows each. */
    private Path weekly(int series, int weeks) throws Exception {
        StringBuilder csv = new StringBuilder("week,sku,units\n");
        for (int s = 0; s < series; s++) {
            for (int w = 0; w < weeks; w++) {
                csv.append(LocalDate.of(2024, 1, 1).plusWeeks(w)).append(",S").append(s).append(',').append(w % 7)
                        .append('\n');
            }
        }
        return Files.writeString(dir.resolve("sales.csv"), csv);
    }

    private static CsvOptions maxRows(long rows) {
        return new CsvOptions("week", "units", "sku", Frequency.WEEK, null, null, null, null, rows);
    }

    /** A wide file of {@code weeks} rows of three series: three points a row. */
    private Path wide(int weeks) throws Exception {
        StringBuilder csv = new StringBuilder("week,a,b,c\n");
        for (int w = 0; w < weeks; w++) {
            csv.append(LocalDate.of(2024, 1, 1).plusWeeks(w)).append(",1,2,3\n");
        }
        return Files.writeString(dir.resolve("wide.csv"), csv);
    }

    private static CsvOptions wideMaxRows(long rows) {
        return new CsvOptions("week", null, null, Frequency.WEEK, null, null, null, null, rows);
    }

    @Test
    void aPanelOverTheLimitIsRefusedWithItsCodeAtTheRowThatCrossesIt() throws Exception {
        Path f = wide(8);   // 24 points in 8 rows: within max_rows: 10, past the limit of 20
        QflException e = assertThrows(QflException.class, () -> new CsvLoader(LIMIT).load("sales", f, wideMaxRows(10)));
        assertEquals(DataErrors.TOO_MANY_POINTS.code(), e.code(), e.getMessage());
        assertEquals(8, e.position().orElseThrow().line(), "the 21st point is in the 7th row, on line 8");
        assertTrue(e.hint().orElseThrow().contains("raise max_rows:"), e.hint().orElseThrow());
    }

    @Test
    void raisingMaxRowsLetsTheLargerPanelLoad() throws Exception {
        LoadedPanel wide = new CsvLoader(LIMIT).load("sales", wide(8), wideMaxRows(24));
        assertEquals(3, wide.panel().series().size());
        assertEquals(8, wide.panel().series().get(2).length());
        // a long file: 30 rows, 30 points; the row limit stops it first, raised it loads past the default of 20
        Path f = weekly(3, 10);
        assertEquals(DataErrors.TOO_MANY_ROWS.code(),
                assertThrows(QflException.class, () -> new CsvLoader(LIMIT).load("sales", f, maxRows(29))).code());
        LoadedPanel loaded = new CsvLoader(LIMIT).load("sales", f, maxRows(30));
        assertEquals(3, loaded.panel().series().size());
        assertEquals(10, loaded.panel().series().get(2).length());
    }

    @Test
    void aSmallMaxRowsDoesNotLowerThePointLimit() throws Exception {
        // 8 rows of 3 series: 24 points, within the default of 30 though max_rows: is 8
        assertEquals(3, new CsvLoader(30).load("sales", wide(8), wideMaxRows(8)).panel().series().size());
    }

    @Test
    void aGapFilledPastARaisedLimitIsStillRefusedBeforeAllocating() throws Exception {
        // three rows, but filling the weeks between 2024 and 2124 would take 5,218 points
        Path f = Files.writeString(dir.resolve("span.csv"),
                "week,sku,units\n2024-01-01,A,1\n2024-01-08,A,2\n2124-01-03,A,3\n");
        CsvOptions filled = new CsvOptions("week", "units", "sku", Frequency.WEEK, new Fill.Constant(0), null, null,
                null, 100);
        QflException e = assertThrows(QflException.class, () -> new CsvLoader(LIMIT).load("sales", f, filled));
        assertEquals(DataErrors.TOO_MANY_POINTS.code(), e.code());
        assertEquals(4, e.position().orElseThrow().line());
        assertTrue(e.getMessage().contains("more than the 100 points"), e.getMessage());
    }

    @Test
    void missingZeroTailsCountAgainstTheLimit() throws Exception {
        // B stops after two weeks; missing: zero runs it on to the panel's last week: 10 + 10 points
        StringBuilder csv = new StringBuilder("week,sku,units\n");
        for (int w = 0; w < 10; w++) {
            csv.append(LocalDate.of(2024, 1, 1).plusWeeks(w)).append(",A,1\n");
        }
        csv.append("2024-01-01,B,1\n2024-01-08,B,1\n");
        Path f = Files.writeString(dir.resolve("tail.csv"), csv);
        DataShape zero = new DataShape(java.util.List.of(), ',', null, false, Missing.ZERO, null);
        CsvOptions options = new CsvOptions("week", "units", "sku", Frequency.WEEK, null, null, null, null, 12, zero);
        QflException e = assertThrows(QflException.class, () -> new CsvLoader(15).load("sales", f, options));
        assertEquals(DataErrors.TOO_MANY_POINTS.code(), e.code());
        CsvOptions raised = new CsvOptions("week", "units", "sku", Frequency.WEEK, null, null, null, null, 20, zero);
        assertEquals(10, new CsvLoader(15).load("sales", f, raised).panel().series().get(1).length());
    }

    @Test
    void pointsOfTheSameTimeShareOneTimeObject() throws Exception {
        // the memory a large panel takes while reading: one LocalDateTime per distinct time, not per row
        LoadedPanel loaded = new CsvLoader().load("sales", weekly(3, 10), maxRows(30));
        assertSame(loaded.panel().series().get(0).start(), loaded.panel().series().get(2).start());
    }
}
