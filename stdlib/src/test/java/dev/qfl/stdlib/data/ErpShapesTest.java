package dev.qfl.stdlib.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.QflException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ERP-shaped files (issue #13, "Shapes"): key columns, delimiters, date formats, decimal commas, absent rows. */
class ErpShapesTest {
    @TempDir
    Path dir;

    private static final String ERP = """
            Week;SKU;Store;Units;Price
            01.01.2024;A;S1;5;4,99
            01.01.2024;A;S2;3;4,99
            08.01.2024;A;S1;6;4,99
            15.01.2024;A;S1;2,5;4,99
            15.01.2024;A;S2;4;4,99
            22.01.2024;A;S1;7;4,99
            """;

    private LoadedPanel load(String text, CsvOptions options) throws IOException {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, text);
        return new CsvLoader().load("sales", f, options);
    }

    private static CsvOptions erp(Fill fill, Missing missing, LocalDateTime asOf) {
        return new CsvOptions("Week", "Units", null, null, fill, null, null, null, CsvOptions.DEFAULT_MAX_ROWS,
                new DataShape(List.of("SKU", "Store"), ';', "dd.MM.yyyy", true, missing, asOf));
    }

    private static TimeSeries series(LoadedPanel p, String id) {
        return p.panel().find(id).orElseThrow(() -> new AssertionError("no series " + id + " in " + p.panel().series()));
    }

    @Test
    void semicolonsDayFirstDatesDecimalCommaAndTwoKeyColumns() throws IOException {
        LoadedPanel p = load(ERP, erp(null, Missing.ZERO, null));
        assertEquals(Frequency.WEEK, p.panel().frequency());
        assertEquals(List.of("A/S1", "A/S2"), p.panel().series().stream().map(TimeSeries::id).toList());
        TimeSeries s1 = series(p, "A/S1");
        assertEquals(LocalDate.of(2024, 1, 1).atStartOfDay(), s1.start());
        assertArrayEquals(new double[] {5, 6, 2.5, 7}, s1.values());
    }

    @Test
    void absentRowsUnderMissingZeroAreObservedZerosButFillMarksThemUnobserved() throws IOException {
        TimeSeries zero = series(load(ERP, erp(null, Missing.ZERO, null)), "A/S2");
        assertArrayEquals(new double[] {3, 0, 4, 0}, zero.values());   // 08.01 absent, 22.01 the tail to the panel's end
        assertArrayEquals(new boolean[] {true, true, true, true}, zero.observed());

        TimeSeries filled = series(load(ERP, erp(new Fill.Constant(0), Missing.UNKNOWN, null)), "A/S2");
        assertArrayEquals(new double[] {3, 0, 4}, filled.values());   // no tail: it ends where its rows end
        assertArrayEquals(new boolean[] {true, false, true}, filled.observed());
    }

    @Test
    void anEmptyValueCellIsUnknownEvenUnderMissingZero() throws IOException {
        String text = "date,sku,units\n2024-01-01,A,1\n2024-01-02,A,\n2024-01-03,A,3\n";
        CsvOptions zero = new CsvOptions("date", "units", "sku", null, null, null, null, null, CsvOptions.DEFAULT_MAX_ROWS,
                new DataShape(List.of(), ',', null, false, Missing.ZERO, null));
        QflException e = assertThrows(QflException.class, () -> load(text, zero));
        assertEquals(DataErrors.GAP.code(), e.code());
    }

    @Test
    void seriesThatEndEarlyAreNamedAndRunOnAsZerosOnlyUnderMissingZero() throws IOException {
        LoadedPanel unknown = load(ERP, erp(new Fill.Constant(0), Missing.UNKNOWN, null));
        DataWarning w = unknown.warnings().stream().filter(x -> x.code().equals(DataErrors.ENDS_EARLY.code())).findFirst()
                .orElseThrow();
        assertTrue(w.message().contains("1 of 2 series (\"A/S2\" (2024-01-15)) ends before 2024-01-22"), w.message());
        assertTrue(w.hint().contains("missing: zero"), w.hint());

        LoadedPanel zero = load(ERP, erp(null, Missing.ZERO, null));
        assertTrue(zero.warnings().isEmpty(), zero.warnings().toString());
        assertTrue(zero.notes().stream().anyMatch(n -> n.contains("taken as zeros")), zero.notes().toString());
        assertEquals(series(zero, "A/S1").end(), series(zero, "A/S2").end());
    }

    @Test
    void asOfIsTheCommonOriginRowsAfterItAreNotReadAndItMustBeOnTheGrid() throws IOException {
        LoadedPanel p = load(ERP, erp(null, Missing.ZERO, LocalDate.of(2024, 1, 29).atStartOfDay()));
        assertEquals(LocalDate.of(2024, 1, 29).atStartOfDay(), series(p, "A/S1").end());
        assertArrayEquals(new double[] {5, 6, 2.5, 7, 0}, series(p, "A/S1").values());

        LoadedPanel cut = load(ERP, erp(null, Missing.ZERO, LocalDate.of(2024, 1, 8).atStartOfDay()));
        assertArrayEquals(new double[] {5, 6}, series(cut, "A/S1").values());
        assertArrayEquals(new double[] {3, 0}, series(cut, "A/S2").values());

        QflException e = assertThrows(QflException.class,
                () -> load(ERP, erp(null, Missing.ZERO, LocalDate.of(2024, 1, 28).atStartOfDay())));
        assertEquals(DataErrors.AS_OF_OFF_GRID.code(), e.code());
        assertTrue(e.hint().orElseThrow().contains("2024-01-22"), e.hint().orElseThrow());
    }

    @Test
    void absentRowsAndNoZeroAnywhereWarnThatZerosWereProbablyLeftOut() throws IOException {
        StringBuilder text = new StringBuilder("date;sku;units\n");
        for (int d = 1; d <= 28; d++) {
            for (String sku : List.of("A", "B", "C")) {
                if (!(sku.equals("B") && d % 3 == 0)) {
                    text.append(String.format("2024-02-%02d;%s;%d%n", d, sku, 1 + d % 4));
                }
            }
        }
        CsvOptions filled = new CsvOptions("date", "units", "sku", null, new Fill.Constant(0), null, null, null,
                CsvOptions.DEFAULT_MAX_ROWS, new DataShape(List.of(), ';', null, false, Missing.UNKNOWN, null));
        LoadedPanel p = load(text.toString(), filled);
        DataWarning w = p.warnings().stream().filter(x -> x.code().equals(DataErrors.OMITTED_ZEROS.code())).findFirst()
                .orElseThrow(() -> new AssertionError(p.warnings().toString()));
        assertTrue(w.message().startsWith("1 of 3 series have absent rows (9 of 84 points)"), w.message());

        // one observed zero is enough to believe that absent rows are unknown, not omitted zeros
        LoadedPanel withZero = load(text.toString().replace("2024-02-01;A;2", "2024-02-01;A;0"), filled);
        assertTrue(withZero.warnings().stream().noneMatch(x -> x.code().equals(DataErrors.OMITTED_ZEROS.code())));
    }

    @Test
    void tabsIsoWeeksAndTheFingerprintOfTheShape() throws IOException {
        String text = "week\tunits\n2024-W01\t3\n2024-W02\t4\n2024-W04\t1\n";
        CsvOptions tabs = new CsvOptions("week", "units", null, null, null, null, null, null, CsvOptions.DEFAULT_MAX_ROWS,
                new DataShape(List.of(), '\t', null, false, Missing.ZERO, null));
        LoadedPanel p = load(text, tabs);
        TimeSeries s = p.panel().series().get(0);
        assertEquals(Frequency.WEEK, s.frequency());
        assertEquals(LocalDate.of(2024, 1, 1).atStartOfDay(), s.start());   // the Monday of ISO week 1
        assertArrayEquals(new double[] {3, 4, 0, 1}, s.values());
        CsvOptions unknown = new CsvOptions("week", "units", null, null, new Fill.Constant(0), null, null, null,
                CsvOptions.DEFAULT_MAX_ROWS, new DataShape(List.of(), '\t', null, false, Missing.UNKNOWN, null));
        assertNotEquals(p.panel().fingerprint(), load(text, unknown).panel().fingerprint());
        // without shape options the fingerprint text is what it was before they existed
        assertEquals(new CsvOptions("t", "v", null, null, null, null).canonical(),
                "time=t;value=v;id=null;freq=;fill=null;support=;until=");
    }

    @Test
    void aKeyValueWithTheSeparatorAndADateOffTheFormatArePositionedErrors() throws IOException {
        QflException key = assertThrows(QflException.class,
                () -> load(ERP.replace("01.01.2024;A;S2", "01.01.2024;A/B;S2"), erp(null, Missing.ZERO, null)));
        assertEquals(DataErrors.KEY_VALUE.code(), key.code());
        assertEquals(3, key.position().orElseThrow().line());
        assertEquals(12, key.position().orElseThrow().column());

        QflException date = assertThrows(QflException.class,
                () -> load(ERP.replace("08.01.2024", "2024-01-08"), erp(null, Missing.ZERO, null)));
        assertEquals(DataErrors.DATE_FORMAT_MISMATCH.code(), date.code());
        assertEquals(4, date.position().orElseThrow().line());
        QflException strict = assertThrows(QflException.class,
                () -> load(ERP.replace("08.01.2024", "31.02.2024"), erp(null, Missing.ZERO, null)));
        assertEquals(DataErrors.DATE_FORMAT_MISMATCH.code(), strict.code());

        QflException missingKey = assertThrows(QflException.class, () -> load(ERP,
                new CsvOptions("Week", "Units", null, null, null, null, null, null, CsvOptions.DEFAULT_MAX_ROWS,
                        new DataShape(List.of("SKU", "Stor"), ';', "dd.MM.yyyy", true, Missing.ZERO, null))));
        assertEquals(DataErrors.MISSING_COLUMN.code(), missingKey.code());
        assertTrue(missingKey.hint().orElseThrow().contains("did you mean \"Store\""));
    }

    @Test
    void aFileReadWithTheWrongLayoutSaysWhichOptionWouldReadIt() throws IOException {
        QflException delimiter = assertThrows(QflException.class,
                () -> load(ERP, new CsvOptions("Week", "Units", "SKU", null, null, null)));
        assertEquals(DataErrors.MISSING_COLUMN.code(), delimiter.code());
        assertTrue(delimiter.hint().orElseThrow().contains("separated by \";\"? Say delimiter: \";\""),
                delimiter.hint().orElseThrow());
        QflException tabs = assertThrows(QflException.class,
                () -> load("week\tunits\n2024-01-01\t1\n", new CsvOptions("week", "units", null, null, null, null)));
        assertTrue(tabs.hint().orElseThrow().contains("separated by tabs? Say delimiter: \"\\t\""),
                tabs.hint().orElseThrow());

        CsvOptions noFormat = new CsvOptions("Week", "Units", null, null, null, null, null, null,
                CsvOptions.DEFAULT_MAX_ROWS, new DataShape(List.of("SKU", "Store"), ';', null, true, Missing.ZERO, null));
        QflException date = assertThrows(QflException.class, () -> load(ERP, noFormat));
        assertEquals(DataErrors.BAD_TIME.code(), date.code());
        assertTrue(date.hint().orElseThrow().contains("date_format: \"dd.MM.yyyy\""), date.hint().orElseThrow());
    }

    @Test
    void datePatternsAreCheckedForWhatTheyCanRead() {
        assertTrue(DateFormat.problem("dd.MM.yyyy").isEmpty());
        assertTrue(DateFormat.problem("MM/yyyy").isEmpty());
        assertTrue(DateFormat.problem("dd.MM.yyyy HH:mm").isEmpty());
        assertFalse(DateFormat.problem("HH:mm").isEmpty());
        assertFalse(DateFormat.problem("dd.MM.yyyyb").isEmpty());
        assertFalse(DateFormat.problem(" ").isEmpty());
    }
}
