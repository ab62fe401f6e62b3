package dev.qfl.bench.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetailDemoDataTest {

    /** The repository root: from surefire's {@code qfl.repo.root}, else the nearest parent pom listing stdlib. */
    static Path repoRoot() throws IOException {
        String property = System.getProperty("qfl.repo.root");
        if (property != null && !property.isBlank() && Files.isDirectory(Path.of(property, "stdlib"))) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>stdlib</module>")) {
                return dir;
            }
        }
        throw new IllegalStateException("no parent pom.xml with <module>stdlib</module> above " + Path.of("").toAbsolutePath());
    }

    @Test
    void committedFilesAreExactlyWhatTheGeneratorWrites() throws IOException {
        Path data = repoRoot().resolve("examples/data");
        assertEquals(RetailDemoData.retailCsv(), Files.readString(data.resolve("retail.csv"), StandardCharsets.UTF_8),
                "examples/data/retail.csv is stale; regenerate it (see examples/data/README.md)");
        assertEquals(RetailDemoData.wideCsv(), Files.readString(data.resolve("wide.csv"), StandardCharsets.UTF_8),
                "examples/data/wide.csv is stale; regenerate it (see examples/data/README.md)");
        assertEquals(RetailDemoData.ar1Csv(), Files.readString(data.resolve("ar1.csv"), StandardCharsets.UTF_8),
                "examples/data/ar1.csv is stale; regenerate it (see examples/data/README.md)");
    }

    @Test
    void theAr1PanelHasItsStatedCorrelation() {
        String[] lines = RetailDemoData.ar1Csv().split("\n");
        assertEquals("date,series,units", lines[0]);
        assertEquals(1 + JointDemoData.SERIES * JointDemoData.DAYS, lines.length);
        double[][] v = new double[JointDemoData.SERIES][JointDemoData.DAYS];
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            int s = Integer.parseInt(cells[1].substring(1)) - 1;
            int t = (int) java.time.temporal.ChronoUnit.DAYS.between(JointDemoData.FIRST_DAY, LocalDate.parse(cells[0]));
            v[s][t] = Double.parseDouble(cells[2]);
        }
        // lag-1 autocorrelation pooled over series, around the known level 50
        double num = 0;
        double den = 0;
        for (double[] series : v) {
            for (int t = 1; t < series.length; t++) {
                num += (series[t] - 50) * (series[t - 1] - 50);
            }
            for (double x : series) {
                den += (x - 50) * (x - 50);
            }
        }
        assertEquals(JointDemoData.RHO, num / den, 0.05);
    }

    @Test
    void writeProducesTheSameBytes(@TempDir Path folder) throws IOException {
        RetailDemoData.write(folder.resolve("out"));
        assertEquals(RetailDemoData.retailCsv(), Files.readString(folder.resolve("out/retail.csv")));
        assertEquals(RetailDemoData.wideCsv(), Files.readString(folder.resolve("out/wide.csv")));
        assertEquals(RetailDemoData.ar1Csv(), Files.readString(folder.resolve("out/ar1.csv")));
    }

    /** units by SKU, in date order, checking the layout on the way. */
    private static Map<String, List<Integer>> parseRetail() {
        String text = RetailDemoData.retailCsv();
        assertTrue(text.getBytes(StandardCharsets.UTF_8).length < 60_000, "retail.csv should stay small");
        String[] lines = text.split("\n");
        assertEquals("date,sku,units", lines[0]);
        List<String> skus = RetailDemoData.skus();
        Map<String, List<Integer>> units = new LinkedHashMap<>();
        skus.forEach(s -> units.put(s, new ArrayList<>()));
        int row = 0;
        for (LocalDate day = RetailDemoData.FIRST_DAY; !day.isAfter(RetailDemoData.LAST_DAY); day = day.plusDays(1)) {
            for (String sku : skus) {
                String[] fields = lines[++row].split(",", -1);
                assertEquals(3, fields.length, lines[row]);
                assertEquals(day.toString(), fields[0], "no gaps: every day once per SKU");
                assertEquals(sku, fields[1]);
                assertTrue(fields[2].matches("0|[1-9][0-9]*"), "units must be a non-negative integer: " + lines[row]);
                units.get(sku).add(Integer.parseInt(fields[2]));
            }
        }
        assertEquals(lines.length - 1, row, "rows after the last day");
        return units;
    }

    @Test
    void retailHasEightSkusOnEveryDayWithoutGaps() {
        Map<String, List<Integer>> units = parseRetail();
        assertEquals(8, units.size());
        assertTrue(units.containsKey("A-17"));
        for (List<Integer> series : units.values()) {
            assertEquals(181, series.size());
        }
    }

    @Test
    void slowMoversAreMostlyZeroAndSmall() {
        Map<String, List<Integer>> units = parseRetail();
        List<String> slow = units.keySet().stream().filter(s -> s.startsWith("S-")).toList();
        assertTrue(slow.size() >= 2);
        for (String sku : slow) {
            List<Integer> u = units.get(sku);
            long zeros = u.stream().filter(x -> x == 0).count();
            assertTrue(zeros > 0.6 * u.size(), sku + " has only " + zeros + " zero days");
            assertTrue(u.stream().allMatch(x -> x <= 3), sku + " sells more than 3 units a day");
            assertTrue(u.stream().anyMatch(x -> x > 0), sku + " never sells");
        }
    }

    @Test
    void a17HasAWeekendPeakAndAMildUpwardTrend() {
        List<Integer> a17 = parseRetail().get("A-17");
        double[] sum = new double[7];
        int[] count = new int[7];
        for (int i = 0; i < a17.size(); i++) {
            int weekday = RetailDemoData.FIRST_DAY.plusDays(i).getDayOfWeek().getValue() - 1;
            sum[weekday] += a17.get(i);
            count[weekday]++;
        }
        double weekdays = 0;
        for (int d = 0; d < 5; d++) {
            weekdays += sum[d] / count[d] / 5;
        }
        int saturday = DayOfWeek.SATURDAY.getValue() - 1;
        int sunday = DayOfWeek.SUNDAY.getValue() - 1;
        for (int d : new int[] {saturday, sunday}) {
            assertTrue(sum[d] / count[d] > 1.3 * weekdays, "weekend day " + d + " is not a peak");
        }
        double firstEightWeeks = a17.subList(0, 56).stream().mapToInt(Integer::intValue).average().orElseThrow();
        double lastEightWeeks = a17.subList(a17.size() - 56, a17.size()).stream().mapToInt(Integer::intValue)
                .average().orElseThrow();
        assertTrue(lastEightWeeks > 1.05 * firstEightWeeks && lastEightWeeks < 1.5 * firstEightWeeks,
                "trend should be upward and mild: " + firstEightWeeks + " → " + lastEightWeeks);
    }

    @Test
    void seasonalRampWakesUpInSpring() {
        List<Integer> ramp = parseRetail().get("D-31");
        double january = ramp.subList(0, 31).stream().mapToInt(Integer::intValue).average().orElseThrow();
        double june = ramp.subList(ramp.size() - 29, ramp.size()).stream().mapToInt(Integer::intValue)
                .average().orElseThrow();
        assertTrue(june > 5 * january, "January " + january + ", June " + june);
    }

    @Test
    void wideHasFortyEightMonthsOfTrendingSeasonalRegions() {
        String[] lines = RetailDemoData.wideCsv().split("\n");
        assertEquals("month,north,south,east,west", lines[0]);
        assertEquals(RetailDemoData.MONTHS + 1, lines.length);
        int regions = RetailDemoData.regions().size();
        long[][] values = new long[regions][RetailDemoData.MONTHS];
        for (int m = 0; m < RetailDemoData.MONTHS; m++) {
            String[] fields = lines[m + 1].split(",", -1);
            assertEquals(RetailDemoData.FIRST_MONTH.plusMonths(m).toString(), fields[0]);
            assertEquals(regions + 1, fields.length);
            for (int r = 0; r < regions; r++) {
                if (!fields[r + 1].matches("0|[1-9][0-9]*")) {
                    fail("not a non-negative integer: " + lines[m + 1]);
                }
                values[r][m] = Long.parseLong(fields[r + 1]);
            }
        }
        for (int r = 0; r < regions; r++) {
            double firstYear = 0;
            double lastYear = 0;
            for (int m = 0; m < 12; m++) {
                firstYear += values[r][m];
                lastYear += values[r][RetailDemoData.MONTHS - 12 + m];
            }
            assertTrue(lastYear > 1.05 * firstYear, "region " + r + " has no upward trend");
            // yearly season: the same calendar month is high (or low) in every year
            int peak = 0;
            int trough = 0;
            for (int m = 1; m < 12; m++) {
                peak = values[r][m] > values[r][peak] ? m : peak;
                trough = values[r][m] < values[r][trough] ? m : trough;
            }
            for (int year = 1; year < 4; year++) {
                assertTrue(values[r][12 * year + peak] > values[r][12 * year + trough],
                        "region " + r + ": first year's peak month is not above its trough month in year " + year);
            }
        }
    }
}
