package dev.qfl.stdlib.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.FilePosition;
import dev.qfl.stdlib.QflException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvLoaderTest {
    @TempDir
    Path dir;

    private static final CsvOptions LONG = new CsvOptions("date", "units", "sku", null, null, null);

    private LoadedPanel load(String text, CsvOptions options) throws IOException {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, text);
        return new CsvLoader().load("demand", f, options);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("QF3101", 3, 14, "cannot parse \"12,5\" as a number in column \"units\"",
                        "date,sku,units\n2024-01-01,A,10\n2024-01-02,A,\"12,5\"\n", LONG),
                Arguments.of("QF3101", 2, 14, "cannot parse \"ten\"", "date,sku,units\n2024-01-01,A,ten\n", LONG),
                Arguments.of("QF3102", 3, 1, "cannot parse \"2024-13-01\" as a date or time in column \"date\"",
                        "date,sku,units\n2024-01-01,A,1\n2024-13-01,A,2\n", LONG),
                Arguments.of("QF3103", 4, 1, "two rows for 2024-01-02 (the first is on line 3)",
                        "date,sku,units\n2024-01-01,A,1\n2024-01-02,A,2\n2024-01-02,A,3\n", LONG),
                Arguments.of("QF3104", 1, 1, "no column \"unit\" in data.csv",
                        "date,sku,units\n2024-01-01,A,1\n", new CsvOptions("date", "unit", "sku", null, null, null)),
                Arguments.of("QF3105", 1, 1, "header but no rows", "date,sku,units\n", LONG),
                Arguments.of("QF3105", 0, 0, "the file is empty", "  \n", LONG),
                Arguments.of("QF3107", 4, 1, "series \"A\" has no value at 2024-01-03 (a gap)",
                        "date,sku,units\n2024-01-01,A,1\n2024-01-02,A,2\n2024-01-04,A,3\n2024-01-05,A,3\n",
                        new CsvOptions("date", "units", "sku", Frequency.DAY, null, null)),
                Arguments.of("QF3107", 3, 1, "has no value at 2024-01-02",
                        "date,sku,units\n2024-01-01,A,1\n2024-01-02,A,NA\n2024-01-03,A,3\n", LONG),
                Arguments.of("QF3108", 1, 1, "every series has a single time",
                        "date,sku,units\n2024-01-01,A,1\n2024-01-01,B,2\n", LONG),
                Arguments.of("QF3108", 1, 1, "do not step by one",
                        "date,sku,units\n2024-01-01,A,1\n2024-01-03,A,2\n2024-01-05,A,3\n", LONG),
                Arguments.of("QF3109", 3, 1, "not on the month grid",
                        "month,sku,units\n2024-01-01,A,1\n2024-02-15,A,2\n",
                        new CsvOptions("month", "units", "sku", Frequency.MONTH, null, null)),
                Arguments.of("QF3110", 3, 1, "this row has 4 fields but the header has 3",
                        "date,sku,units\n2024-01-01,A,1\n2024-01-02,A,1,5\n", LONG));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("errors")
    void dataErrorsPointAtTheirPlace(String code, int line, int column, String fragment, String text, CsvOptions options) {
        QflException e = assertThrows(QflException.class, () -> load(text, options));
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), () -> e.getMessage());
        FilePosition p = e.position().orElseThrow();
        assertEquals(line + ":" + column, p.line() + ":" + p.column(), e.getMessage());
    }

    @Test
    void missingColumnListsTheColumnsAndSuggestsOne() {
        QflException e = assertThrows(QflException.class,
                () -> load("date,sku,units\n2024-01-01,A,1\n", new CsvOptions("date", "unit", "sku", null, null, null)));
        assertEquals("columns are: date, sku, units; did you mean \"units\"?", e.hint().orElseThrow());
    }

    @Test
    void missingFileIsPositionedAtTheFile() {
        QflException e = assertThrows(QflException.class,
                () -> new CsvLoader().load("d", dir.resolve("nope.csv"), LONG));
        assertEquals("QF3106", e.code());
        assertEquals("the file does not exist", e.getMessage());
        assertEquals(dir.resolve("nope.csv"), e.position().orElseThrow().file());
    }

    @Test
    void longFormatKeepsFirstAppearanceOrderAndSortsTime() throws IOException {
        LoadedPanel p = load("date,sku,units\n2024-01-02,B,5\n2024-01-02,A,2\n2024-01-01,A,1\n2024-01-01,B,4\n", LONG);
        assertEquals(List.of("B", "A"), p.panel().series().stream().map(TimeSeries::id).toList());
        assertArrayEquals(new double[] {1, 2}, p.panel().find("A").orElseThrow().values());
        assertEquals(Frequency.DAY, p.panel().frequency());
        assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0), p.panel().find("A").orElseThrow().start());
        assertTrue(p.notes().get(0).startsWith("demand: 2 series, day, 2024-01-01 .. 2024-01-02, 4 rows"), p.notes().get(0));
    }

    @Test
    void wideFormatMakesOneSeriesPerColumnAndTrimsEmptyEdges() throws IOException {
        LoadedPanel p = load("month,north,south\n2024-01,,5\n2024-02,1,6\n2024-03,2,\n",
                new CsvOptions("month", null, null, null, null, null));
        TimeSeries north = p.panel().find("north").orElseThrow();
        TimeSeries south = p.panel().find("south").orElseThrow();
        assertEquals(Frequency.MONTH, p.panel().frequency());
        assertEquals(LocalDateTime.of(2024, 2, 1, 0, 0), north.start());
        assertArrayEquals(new double[] {1, 2}, north.values());
        assertArrayEquals(new double[] {5, 6}, south.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frequencies")
    void infersEachFrequency(Frequency expected, String times) throws IOException {
        StringBuilder csv = new StringBuilder("t,v\n");
        int i = 0;
        for (String t : times.split(";")) {
            csv.append(t).append(',').append(i++).append('\n');
        }
        LoadedPanel p = load(csv.toString(), new CsvOptions("t", "v", null, null, null, null));
        assertEquals(expected, p.panel().frequency());
        assertEquals(times.split(";").length, p.panel().series().get(0).length());
    }

    static Stream<Arguments> frequencies() {
        return Stream.of(
                Arguments.of(Frequency.HOUR, "2024-01-01T22:00;2024-01-01T23:00;2024-01-02 00:00"),
                Arguments.of(Frequency.DAY, "2024-02-28;2024-02-29;2024-03-01"),
                Arguments.of(Frequency.WEEK, "2024-01-01;2024-01-08;2024-01-15"),
                Arguments.of(Frequency.MONTH, "2024-01-31;2024-02-29;2024-03-31;2024-04-30"),
                Arguments.of(Frequency.MONTH, "2023-11;2023-12;2024-01"),
                Arguments.of(Frequency.QUARTER, "2023-10-01;2024-01-01;2024-04-01"),
                Arguments.of(Frequency.YEAR, "2021;2022;2023"));
    }

    @Test
    void fillsGapsAndMarksThemUnobserved() throws IOException {
        String text = "date,sku,units\n2024-01-01,A,1\n2024-01-02,A,2\n2024-01-04,A,4\n2024-01-05,A,NA\n2024-01-06,A,6\n";
        TimeSeries zero = load(text, new CsvOptions("date", "units", "sku", Frequency.DAY, new Fill.Constant(0), null))
                .panel().series().get(0);
        assertArrayEquals(new double[] {1, 2, 0, 4, 0, 6}, zero.values());
        assertArrayEquals(new boolean[] {true, true, false, true, false, true}, zero.observed());
        TimeSeries previous = load(text, new CsvOptions("date", "units", "sku", Frequency.DAY, new Fill.Previous(), null))
                .panel().series().get(0);
        assertArrayEquals(new double[] {1, 2, 2, 4, 4, 6}, previous.values());
    }

    @Test
    void supportIsDetectedUnlessGiven() throws IOException {
        String positive = "date,sku,units\n2024-01-01,A,0\n2024-01-02,A,2\n";
        LoadedPanel p = load(positive, LONG);
        assertEquals(Support.NONNEGATIVE, p.panel().support());
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("non-negative")));
        assertEquals(Support.REAL, load(positive, new CsvOptions("date", "units", "sku", null, null, Support.REAL))
                .panel().support());
        assertEquals(Support.REAL, load("date,sku,units\n2024-01-01,A,-1\n2024-01-02,A,2\n", LONG).panel().support());
    }

    @Test
    void fingerprintFollowsBytesAndOptions() throws IOException {
        String text = "date,sku,units\n2024-01-01,A,0\n2024-01-02,A,2\n";
        String a = load(text, LONG).panel().fingerprint();
        assertEquals(a, load(text, LONG).panel().fingerprint());
        assertNotEquals(a, load(text.replace(",2\n", ",3\n"), LONG).panel().fingerprint());
        assertNotEquals(a, load(text, new CsvOptions("date", "units", "sku", Frequency.DAY, null, null)).panel().fingerprint());
        assertFalse(a.isEmpty());
    }
}
