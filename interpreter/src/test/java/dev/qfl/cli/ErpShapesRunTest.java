package dev.qfl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ERP-shaped files through the command line (issue #13, "Shapes"): key columns in the answers and
 * their conditions, the shape options checked before anything runs, and what absent rows mean.
 */
class ErpShapesRunTest {
    @TempDir
    Path dir;

    private static final String SERIES = "series sales = csv(\"erp.csv\", time: \"Week\", value: \"Units\", "
            + "id: [\"SKU\", \"Store\"], delimiter: \";\", date_format: \"dd.MM.yyyy\", decimal: \",\"";

    /**
     * {@code erp.csv}: 40 weeks from 2024-01-01 of SKU A in stores S1 and S2 (selling every week) and
     * the slow mover Z in S1, which sells in one week of three; weeks without sales have no row,
     * and A in S2 stops two weeks before the others.
     */
    @BeforeEach
    void data() throws IOException {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd.MM.yyyy");
        StringBuilder csv = new StringBuilder("Week;SKU;Store;Units;Price\n");
        for (int w = 0; w < 40; w++) {
            String week = day.format(LocalDate.of(2024, 1, 1).plusWeeks(w));
            csv.append(week).append(";A;S1;").append(10 + w % 4).append(";4,99\n");
            if (w < 38) {
                csv.append(week).append(";A;S2;").append(6 + w % 3).append(";4,99\n");
            }
            if (w % 3 == 0) {
                csv.append(week).append(";Z;S1;").append(1 + w % 2).append(";19,90\n");
            }
        }
        Files.writeString(dir.resolve("erp.csv"), csv);
    }

    private String script(String text) throws IOException {
        return CliRun.script(dir, text);
    }

    @Test
    void answersKeepTheKeysAsColumnsThatConditionsAndExportsUse() throws IOException {
        String file = script(SERIES + ", missing: zero)\n"
                + "model naive = seasonal_naive(sales, horizon: 2, season: 1)\n"
                + "let t = quantile(sales, 0.9) where Store == \"S1\" and SKU == \"A\" and horizon == 1\n"
                + "t\n"
                + "export t to \"plan.csv\"\n");
        CliRun run = CliRun.of("run", file);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("id    SKU  Store  date        horizon  level  value"), run.out());
        assertTrue(run.out().contains("(1 row)"), run.out());
        String exported = Files.readString(dir.resolve("plan.csv"));
        assertTrue(exported.startsWith("id,SKU,Store,date,horizon,level,value\nA/S1,A,S1,2024-10-07,1,0.9,"), exported);
    }

    @Test
    void missingZeroTeachesTheModelZerosThatFillZeroHides() throws IOException {
        // Z sells in one week of three: a zero week is the likeliest week there is
        String ask = "model smooth = ets(sales, horizon: 1)\n"
                + "probability(sales <= 0) where SKU == \"Z\"\n";
        CliRun zero = CliRun.of("--quiet", "run", script(SERIES + ", missing: zero)\n" + ask));
        CliRun filled = CliRun.of("run", script(SERIES + ", fill: 0)\n" + ask));
        assertEquals(0, zero.exit(), zero.err());
        assertEquals(0, filled.exit(), filled.err());
        assertTrue(probability(zero.out()) > 0.2, zero.out());
        assertTrue(probability(filled.out()) < 0.01, filled.out());
        // and the filled run said why: absent rows, not a single zero
        assertTrue(filled.err().contains("warning[QF3153]: sales: 1 of 3 series have absent rows"), filled.err());
        assertTrue(filled.err().contains("say missing: zero"), filled.err());
        assertFalse(zero.err().contains("QF3153"), zero.err());
    }

    private static double probability(String out) {
        String row = out.lines().filter(l -> l.startsWith("Z/S1")).findFirst().orElseThrow();
        String[] cells = row.trim().split("\\s+");
        return Double.parseDouble(cells[cells.length - 1]);
    }

    @Test
    void aSeriesThatEndsEarlyIsNamedAndUnderMissingZeroForecastFromTheCommonOrigin() throws IOException {
        String ask = "model naive = seasonal_naive(sales, horizon: 1, season: 1)\n"
                + "quantile(sales, 0.5) where SKU == \"A\"\n";
        CliRun unknown = CliRun.of("run", script(SERIES + ", fill: 0)\n" + ask));
        assertEquals(0, unknown.exit(), unknown.err());
        assertTrue(unknown.err().contains("warning[QF3154]: sales: 1 of 3 series (\"A/S2\" (2024-09-16)) ends before "
                + "2024-09-30 and is forecast from its own last time, not from 2024-09-30"), unknown.err());
        assertTrue(unknown.out().contains("A/S2  A    S2     2024-09-23"), unknown.out());

        CliRun zero = CliRun.of("run", script(SERIES + ", missing: zero)\n" + ask));
        assertEquals(0, zero.exit(), zero.err());
        assertTrue(zero.out().contains("A/S2  A    S2     2024-10-07"), zero.out());
        assertTrue(zero.out().contains("taken as zeros (missing: zero)"), zero.out());

        CliRun asOf = CliRun.of("run", script(SERIES + ", missing: zero, as_of: \"2024-06-24\")\n" + ask));
        assertEquals(0, asOf.exit(), asOf.err());
        assertTrue(asOf.out().contains("A/S1  A    S1     2024-07-01"), asOf.out());
    }

    @Test
    void badShapeOptionsAreCheckedWithPositionsBeforeTheFileIsRead() throws IOException {
        String file = script("""
                series a = csv("nowhere.csv", time: "Week", value: "Units", id: ["SKU", "SKU"], delimiter: ";;",
                               date_format: "dd.MM.yyyyb", missin: zero)
                series b = csv("nowhere.csv", time: "Week", value: "Units", id: ["SKU", 3], decimal: ",",
                               missing: zeros, as_of: "24.06.2024")
                series c = csv("nowhere.csv", time: "Week", value: "Units", id: ["date", "SKU"], decimal: ";",
                               until: "2024-05-01", as_of: "2024-06-24")
                """);
        CliRun run = CliRun.of("check", file);
        assertEquals(1, run.exit(), run.err());
        String err = run.err();
        assertTrue(err.contains(file + ":1:73: error[QF2032]: column \"SKU\" is named twice in id"), err);
        assertTrue(err.contains(file + ":1:92: error[QF2031]: delimiter is one character, not 2"), err);
        assertTrue(err.contains(file + ":2:29: error[QF2030]: date_format \"dd.MM.yyyyb\" cannot read dates"), err);
        assertTrue(err.contains(file + ":2:44: error[QF2004]: csv has no option 'missin'"), err);
        assertTrue(err.contains("did you mean 'missing'?"), err);
        assertTrue(err.contains(file + ":3:73: error[QF2032]: id lists column names in quotes"), err);
        assertTrue(err.contains(file + ":3:86: error[QF2034]: with a decimal comma, fields cannot be separated by "
                + "commas too"), err);
        assertTrue(err.contains(file + ":4:25: error[QF2005]: csv's option 'missing' cannot be 'zeros'"), err);
        assertTrue(err.contains("did you mean 'zero'?"), err);
        assertTrue(err.contains(file + ":4:39: error[QF2033]: as_of is an ISO date"), err);
        assertTrue(err.contains(file + ":5:66: error[QF2032]: a key column cannot be named \"date\""), err);
        assertTrue(err.contains(file + ":5:91: error[QF2034]: decimal is \".\" or \",\", not \";\""), err);
        assertTrue(err.contains(file + ":6:44: error[QF2033]: as_of 2024-06-24 is after until 2024-05-01"), err);
        assertFalse(err.contains("QF3106"), "the file is not read when the script has errors: " + err);
    }

    @Test
    void keyColumnsAreCheckedInConditionsAndOnlyPerStepAnswersHaveThem() throws IOException {
        String file = script(SERIES + ", missing: zero)\n"
                + "model naive = seasonal_naive(sales, horizon: 2, season: 1)\n"
                + "quantile(sales, 0.9) where store == \"S1\"\n"
                + "quantile(sum(sales over horizon 1..2), 0.9) assuming independence where Store == \"S1\"\n");
        CliRun run = CliRun.of("check", file);
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains(file + ":3:28: error[QF2014]: the result has no column 'store'"), run.err());
        assertTrue(run.err().contains("did you mean 'Store'?"), run.err());
        assertTrue(run.err().contains(file + ":4:73: error[QF2014]: the result has no column 'Store'"), run.err());
    }

    @Test
    void whatOnlyTheFileCanTellIsReportedByCheckAtItsPlace() throws IOException {
        CliRun column = CliRun.of("check", script(SERIES.replace("\"Store\"]", "\"Stor\"]") + ")\n"));
        assertEquals(1, column.exit(), column.err());
        assertTrue(column.err().contains("erp.csv:1:1: error[QF3104]: no column \"Stor\" in erp.csv"), column.err());
        assertTrue(column.err().contains("did you mean \"Store\"?"), column.err());

        CliRun date = CliRun.of("check", script(SERIES.replace("dd.MM.yyyy", "yyyy-MM-dd") + ")\n"));
        assertEquals(1, date.exit(), date.err());
        assertTrue(date.err().contains("erp.csv:2:1: error[QF3150]: \"01.01.2024\" in column \"Week\" is not a date in "
                + "the format \"yyyy-MM-dd\""), date.err());

        CliRun warned = CliRun.of("check", script(SERIES + ", fill: 0)\n"));
        assertEquals(0, warned.exit(), warned.err());
        assertTrue(warned.err().contains("warning[QF3154]"), warned.err());
        assertTrue(warned.err().contains("warning[QF3153]"), warned.err());
    }
}
