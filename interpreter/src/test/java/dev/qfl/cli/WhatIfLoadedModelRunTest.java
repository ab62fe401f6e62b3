package dev.qfl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A what-if asked of a model read with {@code load(...)}: the checker cannot see its kind, so the
 * run refuses one that ignores covariates instead of answering its plain forecast.
 */
class WhatIfLoadedModelRunTest {
    @TempDir
    Path dir;

    @Test
    void aLoadedModelThatIgnoresCovariatesRefusesAWhatIf() throws IOException {
        StringBuilder csv = new StringBuilder("date,sku,units,promo\n");
        for (int d = 0; d < 64; d++) {
            int promo = d % 4 == 0 ? 1 : 0;
            String units = d < 60 ? String.valueOf((promo == 1 ? 20 : 10) + d % 3) : "";
            csv.append(LocalDate.of(2024, 5, 1).plusDays(d)).append(",A,").append(units).append(',').append(promo)
                    .append('\n');
        }
        Files.writeString(dir.resolve("sales.csv"), csv);
        String series = "series sales = csv(\"sales.csv\", time: \"date\", value: \"units\", id: \"sku\", "
                + "covariates: [\"promo\"])\n";
        String saved = dir.resolve("pick.qflm").toString().replace("\\", "/");
        CliRun save = CliRun.of("run", CliRun.script(dir, series + "model pick = auto(sales, horizon: 3, candidates: "
                + "[seasonal_naive], windows: 2)\nsave pick to \"" + saved + "\"\n"));
        assertEquals(0, save.exit(), save.err());

        CliRun run = CliRun.of("run", CliRun.script(dir, series + "model m = load(\"" + saved + "\", sales)\n"
                + "quantile(sales, 0.5) using m with promo = 1\n"));
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains(":3:35: error[QF2043]: 'with' changes future covariates, and m (a loaded auto model)"),
                run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }
}
