package dev.qfl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What-if questions through the command line (issue #13): answers, explain's step, and bad clauses. */
class WhatIfRunTest {
    @TempDir
    Path dir;

    /**
     * {@code sales.csv}: 120 days from 2024-05-01 of SKU A selling 10 a day (plus 0..2), 20 on
     * promotion days (every fourth day); 7 more days carry the plan with units left empty.
     */
    @BeforeEach
    void data() throws IOException {
        StringBuilder csv = new StringBuilder("date,sku,units,promo\n");
        for (int d = 0; d < 127; d++) {
            int promo = d % 4 == 0 ? 1 : 0;
            String units = d < 120 ? String.valueOf((promo == 1 ? 20 : 10) + d % 3) : "";
            csv.append(LocalDate.of(2024, 5, 1).plusDays(d)).append(",A,").append(units).append(',').append(promo)
                    .append('\n');
        }
        Files.writeString(dir.resolve("sales.csv"), csv);
    }

    private String script(String... questions) throws IOException {
        return CliRun.script(dir, "series sales = csv(\"sales.csv\", time: \"date\", value: \"units\", id: \"sku\", "
                + "covariates: [\"promo\"])\nmodel ar = arima(sales, horizon: 4, order: [1, 0, 0])\n"
                + String.join("\n", questions) + "\n");
    }

    /** The medians of each answer table in the output, in order. */
    private static List<double[]> answers(String out) {
        return List.of(out.split("\\n\\s*\\n")).stream().filter(b -> b.contains("A "))
                .map(b -> b.lines().filter(l -> l.startsWith("A ")).mapToDouble(WhatIfRunTest::value).toArray())
                .toList();
    }

    @Test
    void aPromotionEveryDayRaisesTheForecastByTheEffectAndLeavesThePlainOneAlone() throws IOException {
        String plain = "quantile(sales, 0.5) using ar";
        CliRun run = CliRun.of("run", script(plain, plain + " with promo = 1", plain + " with promo = 0", plain));
        assertEquals(0, run.exit(), run.err());
        List<double[]> a = answers(run.out());
        assertEquals(4, a.size(), run.out());
        for (int h = 0; h < 4; h++) {
            // the data were made with a promotion adding exactly 10
            assertEquals(10, a.get(1)[h] - a.get(2)[h], 1.0, run.out());
            assertEquals(a.get(0)[h], a.get(3)[h], 1e-9, "the plain forecast after the what-ifs: " + run.out());
        }
        // day 120 is planned as a promotion, 121..123 are not: the plain forecast is the plan's what-if
        assertEquals(a.get(1)[0], a.get(0)[0], 1e-9, run.out());
        assertEquals(a.get(2)[1], a.get(0)[1], 1e-9, run.out());
    }

    @Test
    void explainShowsTheWhatIfForecastAsItsOwnStep() throws IOException {
        CliRun run = CliRun.of("explain", script("quantile(sales, 0.5) using ar with promo = promo * 2"));
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("what-if ar: its forecast of sales with promo = promo * 2 (no retraining"), run.out());
    }

    @Test
    void aBadWithExitsOneWithoutATrace() throws IOException {
        CliRun run = CliRun.of("run", script("quantile(sales, 0.5) using ar with promos = 1"));
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("error[QF2044]: sales has no covariate 'promos'"), run.err());
        assertTrue(run.err().contains("did you mean"), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }

    @Test
    void aValueThatIsNotFiniteExitsOneWithoutATrace() throws IOException {
        CliRun run = CliRun.of("run", script("quantile(sales, 0.5) using ar with promo = promo / 0"));
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("plan.qfl:3:36: error[QF2047]: 'with promo = promo / 0' gives"), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }

    private static double value(String row) {
        String[] cells = row.trim().split("\\s+");
        return Double.parseDouble(cells[cells.length - 1]);
    }
}
