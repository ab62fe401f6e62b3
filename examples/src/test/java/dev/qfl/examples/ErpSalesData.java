package dev.qfl.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes {@code examples/data/erp_sales.csv}: weekly unit sales as an ERP exports them, one row
 * per SKU, store and week, semicolon-separated, dates as {@code dd.MM.yyyy}, prices with a
 * decimal comma, and no row for a week without sales. Fixed seed and {@link StrictMath}, so the
 * file is byte-identical on every machine ({@code ErpSalesDataTest} checks the copy).
 *
 * <p>Four SKUs in three stores, 78 weeks (Mondays 2023-01-02 to 2024-06-24): two fast movers
 * with a yearly swing, a medium mover, and a slow mover that sells in about a third of the weeks.
 * The slow mover is delisted in store S3 after 2024-05-27, so that series ends four weeks early.
 */
public final class ErpSalesData {
    static final LocalDate FIRST_WEEK = LocalDate.of(2023, 1, 2);
    static final int WEEKS = 78;
    private static final String[] SKUS = {"A-100", "B-200", "C-300", "D-400"};
    private static final double[] SKU_MEAN = {30, 18, 6, 0.45};
    private static final double[] SKU_PRICE = {4.99, 12.5, 7.25, 39.9};
    private static final String[] STORES = {"S1", "S2", "S3"};
    private static final double[] STORE_FACTOR = {1.0, 0.7, 0.45};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);

    private ErpSalesData() {
    }

    /** The file's text. */
    static String generate() {
        SplittableRandom random = new SplittableRandom(20240624L);
        StringBuilder out = new StringBuilder("Week;SKU;Store;Units;Price\n");
        for (int w = 0; w < WEEKS; w++) {
            LocalDate week = FIRST_WEEK.plusWeeks(w);
            double season = 1 + 0.25 * StrictMath.sin(2 * StrictMath.PI * w / 52.0);
            for (int s = 0; s < SKUS.length; s++) {
                for (int t = 0; t < STORES.length; t++) {
                    boolean delisted = s == 3 && t == 2 && week.isAfter(LocalDate.of(2024, 5, 27));
                    double mean = SKU_MEAN[s] * STORE_FACTOR[t] * (s < 2 ? season : 1);
                    int units = delisted ? 0 : poisson(random, mean);
                    if (units == 0) {
                        continue;   // the export leaves out weeks without sales
                    }
                    String price = String.format(Locale.ROOT, "%.2f", SKU_PRICE[s]).replace('.', ',');
                    out.append(DAY.format(week)).append(';').append(SKUS[s]).append(';').append(STORES[t]).append(';')
                            .append(units).append(';').append(price).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Knuth's method: small means only, exact and reproducible. */
    private static int poisson(SplittableRandom random, double mean) {
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** Writes the file into the folder given (examples/data). */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "examples/data");
        Files.writeString(folder.resolve("erp_sales.csv"), generate(), StandardCharsets.UTF_8);
    }
}
