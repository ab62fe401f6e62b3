package dev.qfl.stdlib.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Month-end and quarter-end data keep their ends; month-start data keeps its first days. */
class MonthEndStepsTest {
    @TempDir
    Path dir;

    private static LocalDateTime day(int y, int m, int d) {
        return LocalDate.of(y, m, d).atStartOfDay();
    }

    private static List<LocalDateTime> after(Frequency f, LocalDateTime origin, int steps) {
        return IntStream.rangeClosed(1, steps).mapToObj(h -> f.advance(origin, h)).toList();
    }

    @Test
    void monthEndsStepToMonthEnds() {
        assertEquals(List.of(day(2022, 7, 31), day(2022, 8, 31), day(2022, 9, 30), day(2023, 2, 28)),
                List.of(after(Frequency.MONTH, day(2022, 6, 30), 3).get(0), after(Frequency.MONTH, day(2022, 6, 30), 3).get(1),
                        after(Frequency.MONTH, day(2022, 6, 30), 3).get(2), Frequency.MONTH.advance(day(2022, 6, 30), 8)));
        assertEquals(day(2024, 3, 31), Frequency.MONTH.advance(day(2024, 2, 29), 1));
        assertEquals(Optional.of(1L), Frequency.MONTH.stepsBetween(day(2024, 1, 31), day(2024, 2, 29)));
    }

    @Test
    void quarterEndsStepToQuarterEnds() {
        assertEquals(List.of(day(2022, 6, 30), day(2022, 9, 30), day(2022, 12, 31), day(2023, 3, 31)),
                after(Frequency.QUARTER, day(2022, 3, 31), 4));
    }

    @Test
    void monthStartsAndMidMonthsKeepTheirDay() {
        assertEquals(List.of(day(2022, 7, 1), day(2022, 8, 1)), after(Frequency.MONTH, day(2022, 6, 1), 2));
        assertEquals(List.of(day(2022, 2, 28), day(2022, 3, 30)), after(Frequency.MONTH, day(2022, 1, 30), 2));
    }

    @Test
    void aMonthEndPanelStartingInFebruaryLoadsAndItsForecastDatesAreMonthEnds() throws IOException {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, "month,units\n2023-02-28,1\n2023-03-31,2\n2023-04-30,3\n2023-05-31,4\n2023-06-30,5\n");
        TimeSeries s = new CsvLoader().load("m", f, new CsvOptions("month", "units", null, null, null, null))
                .panel().series().get(0);
        assertEquals(Frequency.MONTH, s.frequency());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, s.values());
        assertEquals(List.of(day(2023, 7, 31), day(2023, 8, 31), day(2023, 9, 30)), after(s.frequency(), s.end(), 3));
    }

    @Test
    void aMonthStartPanelStaysOnFirstDays() throws IOException {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, "month,units\n2023-01-01,1\n2023-02-01,2\n2023-03-01,3\n");
        TimeSeries s = new CsvLoader().load("m", f, new CsvOptions("month", "units", null, null, null, null))
                .panel().series().get(0);
        assertEquals(List.of(day(2023, 4, 1), day(2023, 5, 1)), after(s.frequency(), s.end(), 2));
    }
}
