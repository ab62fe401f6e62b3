package dev.qfl.bench.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The deterministic demo data behind the examples: {@code retail.csv}, daily unit sales of eight
 * SKUs in long format ({@code date,sku,units}), and {@code wide.csv}, four years of monthly sales
 * of four regions in wide format ({@code month,north,south,east,west}).
 *
 * <p>Every value comes from a fixed-seed {@link Random} per series and bit-reproducible arithmetic,
 * and numbers are written as plain integers, so the files are byte-identical on every machine; a
 * test regenerates them and compares with the copies in {@code examples/data}. Regenerate with
 * {@code java -cp stdlib/target/classes dev.qfl.stdlib.demo.RetailDemoData examples/data}.
 */
public final class RetailDemoData {
    /** First and last day of {@code retail.csv}. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2024, 6, 29);
    /** First month of {@code wide.csv} (its rows are first days of months). */
    public static final LocalDate FIRST_MONTH = LocalDate.of(2021, 1, 1);
    public static final int MONTHS = 48;

    private static final long SEED = 20240101L;

    /** A demo SKU and how it sells. */
    private record Sku(String id, DemandProfile profile) {
    }

    private static final double[] WEEKEND_PEAK = {0.85, 0.8, 0.85, 0.9, 1.05, 1.45, 1.5};
    private static final double[] FRIDAY_PEAK = {0.9, 0.9, 0.95, 1.0, 1.45, 1.0, 0.8};
    private static final double[] MIDWEEK_PEAK = {1.0, 1.1, 1.3, 1.1, 1.0, 0.8, 0.7};
    private static final double[] MONDAY_PEAK = {1.35, 1.0, 1.0, 0.95, 0.95, 0.9, 0.85};
    private static final double[] MILD_WEEKEND = {0.9, 0.9, 0.9, 0.95, 1.05, 1.2, 1.1};

    private static final List<Sku> SKUS = List.of(
            new Sku("A-17", new DemandProfile.Steady(38, 0.001, WEEKEND_PEAK)),
            new Sku("B-02", new DemandProfile.Steady(22, 0.0, FRIDAY_PEAK)),
            new Sku("C-09", new DemandProfile.Steady(55, -0.0006, MIDWEEK_PEAK)),
            new Sku("D-31", new DemandProfile.Ramp(3, 45, 105, 12, MILD_WEEKEND)),
            new Sku("E-44", new DemandProfile.Steady(9, 0.0005, MONDAY_PEAK)),
            new Sku("S-101", new DemandProfile.Intermittent(0.22, 0.25, 0.0)),
            new Sku("S-205", new DemandProfile.Intermittent(0.10, 0.15, 0.0)),
            new Sku("S-318", new DemandProfile.Intermittent(0.30, 0.30, 0.10)));

    private static final List<RegionalProfile> REGIONS = List.of(
            new RegionalProfile("north", 1200, 12, 0.25, 12, 0.06),
            new RegionalProfile("south", 900, 8, 0.35, 7, 0.07),
            new RegionalProfile("east", 1500, 5, 0.15, 11, 0.05),
            new RegionalProfile("west", 600, 15, 0.30, 5, 0.08));

    private RetailDemoData() {
    }

    /** The SKU ids of {@code retail.csv}, in file order. */
    public static List<String> skus() {
        return SKUS.stream().map(Sku::id).toList();
    }

    /** The region columns of {@code wide.csv}, in file order. */
    public static List<String> regions() {
        return REGIONS.stream().map(RegionalProfile::region).toList();
    }

    /** The text of {@code retail.csv}: one row per day and SKU, days in order, SKUs in {@link #skus()} order. */
    public static String retailCsv() {
        List<Random> randoms = new ArrayList<>();
        for (Sku sku : SKUS) {
            randoms.add(seeded(sku.id()));
        }
        StringBuilder csv = new StringBuilder("date,sku,units\n");
        int days = (int) ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1;
        for (int day = 0; day < days; day++) {
            LocalDate date = FIRST_DAY.plusDays(day);
            int weekday = date.getDayOfWeek().getValue() - 1;
            for (int s = 0; s < SKUS.size(); s++) {
                int units = SKUS.get(s).profile().draw(day, weekday, randoms.get(s));
                csv.append(date).append(',').append(SKUS.get(s).id()).append(',').append(units).append('\n');
            }
        }
        return csv.toString();
    }

    /** The text of {@code wide.csv}: one row per month, one column per region. */
    public static String wideCsv() {
        List<Random> randoms = new ArrayList<>();
        StringBuilder csv = new StringBuilder("month");
        for (RegionalProfile region : REGIONS) {
            randoms.add(seeded(region.region()));
            csv.append(',').append(region.region());
        }
        csv.append('\n');
        for (int m = 0; m < MONTHS; m++) {
            LocalDate month = FIRST_MONTH.plusMonths(m);
            csv.append(month);
            for (int r = 0; r < REGIONS.size(); r++) {
                csv.append(',').append(REGIONS.get(r).draw(m, month.getMonthValue(), randoms.get(r)));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** One generator per series, so adding a series never changes the others. */
    private static Random seeded(String id) {
        return new Random(SEED * 31 + id.hashCode());
    }

    /** The AR(1) panel of the joint-forecast example ({@link JointDemoData}). */
    public static String ar1Csv() {
        return JointDemoData.csv();
    }

    /** Writes {@code retail.csv}, {@code wide.csv} and {@code ar1.csv} (UTF-8, LF line ends) into {@code folder}. */
    public static void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("retail.csv"), retailCsv(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("wide.csv"), wideCsv(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("ar1.csv"), ar1Csv(), StandardCharsets.UTF_8);
    }

    /** {@code RetailDemoData [FOLDER]}: writes the demo files into FOLDER (default {@code examples/data}). */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "examples/data");
        write(folder);
        System.out.println("wrote retail.csv, wide.csv and ar1.csv into " + folder);
    }
}
