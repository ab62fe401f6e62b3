package dev.qfl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Covariates and holidays through the command line (issue #13): read, used by arima, and their errors. */
class CovariatesRunTest {
    @TempDir
    Path dir;

    /**
     * {@code sales.csv}: 120 days from 2024-05-01 of two SKUs selling 10 a day, 20 on promotion days
     * (every fourth day); the 7 days after carry the promotion plan with units left empty, except
     * that SKU B's plan stops after 3 days.
     */
    @BeforeEach
    void data() throws IOException {
        StringBuilder csv = new StringBuilder("date,sku,units,promo,category\n");
        for (String sku : new String[] {"A", "B"}) {
            for (int d = 0; d < 127; d++) {
                int promo = d % 4 == 0 ? 1 : 0;
                String units = d < 120 ? String.valueOf((promo == 1 ? 20 : 10) + d % 3) : "";
                if (sku.equals("B") && d >= 123) {
                    continue;
                }
                csv.append(LocalDate.of(2024, 5, 1).plusDays(d)).append(',').append(sku).append(',').append(units)
                        .append(',').append(promo).append(',').append(sku.equals("A") ? "food" : "toys").append('\n');
            }
        }
        Files.writeString(dir.resolve("sales.csv"), csv);
    }

    private String script(String series, String where, int horizon) throws IOException {
        return CliRun.script(dir, "series sales = csv(\"sales.csv\", time: \"date\", value: \"units\", id: \"sku\", "
                + series + ")\nmodel ar = arima(sales, horizon: " + horizon + ", order: [1, 0, 0])\n"
                + "quantile(sales, 0.5) using ar where " + where + "\n");
    }

    @Test
    void arimaForecastsThePromotionDaysHigher() throws IOException {
        CliRun run = CliRun.of("run", script("covariates: [\"promo\"], static: \"category\", holidays: \"US\"", "id == \"A\"", 3));
        assertEquals(0, run.exit(), run.err());
        // day 120 is a promotion day (120 % 4 == 0), days 121 and 122 are not
        String[] rows = run.out().lines().filter(l -> l.startsWith("A ")).toArray(String[]::new);
        assertEquals(3, rows.length, run.out());
        double promo = value(rows[0]);
        double normal = value(rows[1]);
        assertTrue(promo > normal + 7, run.out());
    }

    @Test
    void futureCovariatesMissingForPartOfTheHorizonAreAClearError() throws IOException {
        CliRun run = CliRun.of("run", script("covariates: [\"promo\"]", "horizon == 1", 7));
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("error[QF3160]: series B: the covariates [promo] are known 3 steps past its last "
                + "value, but arima forecasts 7 (the first missing step is 2024-09-01)"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void anUnknownCovariateColumnIsFoundByCheckWithTheFileColumns() throws IOException {
        CliRun run = CliRun.of("check", script("covariates: [\"promos\"]", "horizon == 1", 3));
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("error[QF3104]: no column \"promos\" in sales.csv"), run.err());
        assertTrue(run.err().contains("did you mean \"promo\"?"), run.err());
    }

    @Test
    void aFutureFileGivesTheSameAnswersAsPlannedRowsInTheMainFile() throws IOException {
        // the same days and plan as sales.csv, split: history in one file, the plan in plan.csv
        java.util.List<String> lines = Files.readAllLines(dir.resolve("sales.csv"));
        StringBuilder history = new StringBuilder(lines.get(0) + "\n");
        StringBuilder plan = new StringBuilder("sku,date,promo\n");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells[2].isEmpty()) {
                plan.append(cells[1]).append(',').append(cells[0]).append(',').append(cells[3]).append('\n');
            } else {
                history.append(line).append('\n');
            }
        }
        Files.writeString(dir.resolve("history.csv"), history);
        Files.writeString(dir.resolve("plan.csv"), plan);
        String query = "model ar = arima(sales, horizon: 3, order: [1, 0, 0])\nquantile(sales, 0.5) using ar\n";
        CliRun whole = CliRun.of("run", CliRun.script(dir, "series sales = csv(\"sales.csv\", time: \"date\", "
                + "value: \"units\", id: \"sku\", covariates: [\"promo\"])\n" + query));
        CliRun split = CliRun.of("run", CliRun.script(dir, "series sales = csv(\"history.csv\", time: \"date\", "
                + "value: \"units\", id: \"sku\", covariates: [\"promo\"], future: csv(\"plan.csv\"))\n" + query));
        assertEquals(0, whole.exit(), whole.err());
        assertEquals(0, split.exit(), split.err());
        assertEquals(answers(whole.out()), answers(split.out()));
        assertEquals(6, answers(split.out()).size(), split.out());
    }

    @Test
    void aFutureParquetFileOrQueryGivesTheSameAnswersAsAFutureCsvFile() throws Exception {
        Files.writeString(dir.resolve("plan.csv"), "sku,date,promo\n" + planOf(Files.readAllLines(dir.resolve("sales.csv"))));
        Files.writeString(dir.resolve("history.csv"), Files.readAllLines(dir.resolve("sales.csv")).stream()
                .filter(l -> !l.split(",", -1)[2].isEmpty()).map(l -> l + "\n").reduce("", String::concat));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM read_csv('" + dir.resolve("plan.csv") + "')) TO '"
                    + dir.resolve("plan.parquet") + "' (FORMAT PARQUET)");
        }
        String query = "model ar = arima(sales, horizon: 3, order: [1, 0, 0])\nquantile(sales, 0.5) using ar\n";
        String head = "series sales = csv(\"history.csv\", time: \"date\", value: \"units\", id: \"sku\", "
                + "covariates: [\"promo\"], future: ";
        CliRun csv = CliRun.of("run", CliRun.script(dir, head + "csv(\"plan.csv\"))\n" + query));
        CliRun parquet = CliRun.of("run", CliRun.script(dir, head + "parquet(\"plan.parquet\"))\n" + query));
        CliRun sql = CliRun.of("run", CliRun.script(dir, head + "sql(\"select sku, date, promo from "
                + "read_csv('plan.csv')\"))\n" + query));
        assertEquals(0, csv.exit(), csv.err());
        assertEquals(0, parquet.exit(), parquet.err());
        assertEquals(0, sql.exit(), sql.err());
        assertEquals(6, answers(csv.out()).size(), csv.out());
        assertEquals(answers(csv.out()), answers(parquet.out()));
        assertEquals(answers(csv.out()), answers(sql.out()));
    }

    @Test
    void aParquetSourceTakesAFutureFileOrQueryWithTheSameAnswers() throws Exception {
        java.util.List<String> lines = Files.readAllLines(dir.resolve("sales.csv"));
        Files.writeString(dir.resolve("plan.csv"), "sku,date,promo\n" + planOf(lines));
        Files.writeString(dir.resolve("history.csv"), lines.stream().filter(l -> !l.split(",", -1)[2].isEmpty())
                .map(l -> l + "\n").reduce("", String::concat));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM read_csv('" + dir.resolve("history.csv") + "')) TO '"
                    + dir.resolve("history.parquet") + "' (FORMAT PARQUET)");
        }
        String query = "model ar = arima(sales, horizon: 3, order: [1, 0, 0])\nquantile(sales, 0.5) using ar\n";
        String options = "time: \"date\", value: \"units\", id: \"sku\", covariates: [\"promo\"], future: ";
        CliRun whole = CliRun.of("run", CliRun.script(dir, "series sales = csv(\"sales.csv\", time: \"date\", "
                + "value: \"units\", id: \"sku\", covariates: [\"promo\"])\n" + query));
        CliRun byCsv = CliRun.of("run", CliRun.script(dir, "series sales = parquet(\"history.parquet\", " + options
                + "csv(\"plan.csv\"))\n" + query));
        CliRun bySql = CliRun.of("run", CliRun.script(dir, "series sales = sql(\"select * from 'history.parquet'\", "
                + options + "sql(\"select * from read_csv('plan.csv')\"))\n" + query));
        assertEquals(0, whole.exit(), whole.err());
        assertEquals(0, byCsv.exit(), byCsv.err());
        assertEquals(0, bySql.exit(), bySql.err());
        assertEquals(6, answers(whole.out()).size(), whole.out());
        assertEquals(answers(whole.out()), answers(byCsv.out()));
        assertEquals(answers(whole.out()), answers(bySql.out()));
    }

    @Test
    void aFutureQueryRowThatClashesWithTheMainFileNamesItsRow() throws IOException {
        // sales.csv already plans A up to 2024-09-04: the query's second row repeats one of those days
        CliRun run = CliRun.of("check", CliRun.script(dir, "series sales = csv(\"sales.csv\", time: \"date\", "
                + "value: \"units\", id: \"sku\", covariates: [\"promo\"], future: sql(\"select * from (values "
                + "(DATE '2024-09-08', 'A', 1), (DATE '2024-09-01', 'A', 1)) t(date, sku, promo)\"))\n"));
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("error[QF3163]"), run.err());
        assertTrue(run.err().contains("row 2 of the future query"), run.err());
        CliRun missing = CliRun.of("check", CliRun.script(dir, "series sales = csv(\"sales.csv\", time: \"date\", "
                + "value: \"units\", id: \"sku\", covariates: [\"promo\"], future: parquet(\"nope.parquet\"))\n"));
        assertEquals(1, missing.exit(), missing.err());
        assertTrue(missing.err().contains("future:"), missing.err());
    }

    /** The rows of sales.csv with an empty target, as plan rows (sku, date, promo). */
    private static String planOf(java.util.List<String> lines) {
        StringBuilder plan = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells[2].isEmpty()) {
                plan.append(cells[1]).append(',').append(cells[0]).append(',').append(cells[3]).append('\n');
            }
        }
        return plan.toString();
    }

    @Test
    void futureRowsThatClashWithTheMainFileAreErrorsAtTheirLine() throws IOException {
        String script = CliRun.script(dir, "series sales = csv(\"sales.csv\", time: \"date\", value: \"units\", "
                + "id: \"sku\", covariates: [\"promo\"], future: csv(\"plan.csv\"))\n");
        // sales.csv already plans A up to 2024-09-04
        Files.writeString(dir.resolve("plan.csv"), "date,sku,promo\n2024-09-01,A,1\n");
        CliRun twice = CliRun.of("check", script);
        assertEquals(1, twice.exit(), twice.err());
        assertTrue(twice.err().contains("plan.csv:2:1: error[QF3163]"), twice.err());
        Files.writeString(dir.resolve("plan.csv"), "date,sku,promo\n2024-09-08,A,1\n2024-04-30,B,0\n");
        CliRun history = CliRun.of("check", script);
        assertEquals(1, history.exit(), history.err());
        assertTrue(history.err().contains("plan.csv:3:1: error[QF3164]"), history.err());
    }

    @Test
    void aMissingFutureFileIsNamedAsTheScriptWroteIt() throws IOException {
        CliRun run = CliRun.of("check", CliRun.script(dir, "series sales = csv(\"sales.csv\", time: \"date\", "
                + "value: \"units\", id: \"sku\", covariates: [\"promo\"], future: csv(\"nope.csv\"))\n"));
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("cannot read \"nope.csv\""), run.err());
    }

    /** The answer rows of a run's output (series, horizon, value), without the notes about the data. */
    private static java.util.List<String> answers(String out) {
        return out.lines().filter(l -> l.startsWith("A ") || l.startsWith("B ")).toList();
    }

    private static double value(String row) {
        String[] cells = row.trim().split("\\s+");
        return Double.parseDouble(cells[cells.length - 1]);
    }
}
