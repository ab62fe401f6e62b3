package dev.qfl.stdlib.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.sql.SqlLoader;
import dev.qfl.stdlib.data.sql.SqlRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Covariates, past covariates, static attributes and holidays read with a panel (issue #13). */
class CovariateLoadingTest {
    @TempDir
    Path dir;

    private static final String SALES = """
            day,sku,units,price,promo,stock,category
            2024-07-01,A,10,2.0,0,5,food
            2024-07-02,A,,2.0,1,6,food
            2024-07-03,A,12,,1,7,
            2024-07-04,A,,1.5,0,,food
            2024-07-05,A,,1.5,1,,food
            2024-07-01,B,3,9.0,0,1,toys
            2024-07-02,B,4,9.0,0,1,toys
            """;

    private static final CovariateSpec SPEC = new CovariateSpec(List.of("price", "promo"), List.of("stock"),
            List.of("category"), "US");

    private LoadedPanel load(String text, CovariateSpec spec) throws IOException {
        Path f = dir.resolve("sales.csv");
        Files.writeString(f, text);
        return new CsvLoader().load("sales", f, options().withCovariates(spec));
    }

    private static CsvOptions options() {
        return new CsvOptions("day", "units", "sku", Frequency.DAY, new Fill.Constant(0), null, null);
    }

    @Test
    void futureRowsAfterTheLastValueCarryTheDynamicCovariates() throws IOException {
        Panel p = load(SALES, SPEC).panel();
        TimeSeries a = p.find("A").orElseThrow();
        assertEquals(3, a.length(), "the rows after the last value are future rows, not part of the series");
        Covariates c = a.covariates();
        assertEquals(2, c.futureSteps());
        assertArrayEquals(new double[] {2.0, 2.0, 2.0, 1.5, 1.5}, c.dynamic()[0], "an empty history cell holds the step before");
        assertArrayEquals(new double[] {0, 1, 1, 0, 1}, c.dynamic()[1]);
        assertArrayEquals(new double[] {5, 6, 7}, c.past()[0], "past covariates end with the series");
        assertEquals(List.of("food"), c.statics());
        assertEquals(SPEC, p.covariates());
        assertEquals(0, p.find("B").orElseThrow().covariates().futureSteps());
    }

    @Test
    void aBacktestCutKeepsTheHeldOutStepsAsKnownFuture() throws IOException {
        TimeSeries a = load(SALES, SPEC).panel().find("A").orElseThrow();
        Covariates cut = a.head(1).covariates();
        assertEquals(4, cut.futureSteps());
        assertEquals(1, cut.past()[0].length);
    }

    @Test
    void aWideFileReadsNoCovariatesEvenWhenAskedThroughTheApi() throws IOException {
        Path f = dir.resolve("wide.csv");
        Files.writeString(f, "day,A,B\n2024-07-01,1,2\n2024-07-02,3,4\n");
        CsvOptions wide = new CsvOptions("day", null, null, null, null, null, null).withCovariates(SPEC);
        Panel p = new CsvLoader().load("w", f, wide).panel();
        assertEquals(CovariateSpec.NONE, p.covariates());
        assertEquals(Covariates.NONE, p.find("A").orElseThrow().covariates());
    }

    @Test
    void covariatesChangeTheFingerprint() throws IOException {
        assertNotEquals(load(SALES, SPEC).panel().fingerprint(), load(SALES, CovariateSpec.NONE).panel().fingerprint());
    }

    @Test
    void aFutureCellLeftEmptyEndsWhatIsKnown() throws IOException {
        String text = SALES.replace("2024-07-04,A,,1.5,0,,food", "2024-07-04,A,,1.5,,,food");
        assertEquals(0, load(text, SPEC).panel().find("A").orElseThrow().covariates().futureSteps());
    }

    @Test
    void aTextCovariateIsAnErrorAtItsCell() {
        QflException e = assertThrows(QflException.class, () -> load(SALES.replace("2.0,1,6", "cheap,1,6"), SPEC));
        assertEquals(DataErrors.NOT_A_NUMBER.code(), e.code());
        assertTrue(e.getMessage().contains("covariate column \"price\""), e.getMessage());
        assertEquals(3, e.position().orElseThrow().line());
    }

    @Test
    void aStaticAttributeThatChangesWithinASeriesIsAnError() {
        QflException e = assertThrows(QflException.class, () -> load(SALES.replace("B,4,9.0,0,1,toys", "B,4,9.0,0,1,games"), SPEC));
        assertEquals("QF3161", e.code());
        assertTrue(e.getMessage().contains("\"games\" here but \"toys\""), e.getMessage());
    }

    @Test
    void anUnknownCovariateColumnListsTheColumnsWithADidYouMean() {
        CovariateSpec typo = new CovariateSpec(List.of("prise"), List.of(), List.of(), null);
        QflException e = assertThrows(QflException.class, () -> load(SALES, typo));
        assertEquals(DataErrors.MISSING_COLUMN.code(), e.code());
        assertTrue(e.hint().orElseThrow().contains("did you mean \"price\""), e.hint().orElseThrow());
    }

    @Test
    void sqlRowsGiveTheSameCovariatesAsTheCsvFile() throws IOException {
        Path f = dir.resolve("sales.csv");
        Files.writeString(f, SALES);
        var request = SqlRequest.embedded("select cast(day as date) as day, sku, units, price, promo, stock, category "
                + "from read_csv('sales.csv', all_varchar=false)", dir, null);
        Panel fromSql = new SqlLoader(java.util.Map.of()).load("sales", request, options().withCovariates(SPEC)).panel();
        Panel fromCsv = load(SALES, SPEC).panel();
        assertEquals(fromCsv.find("A").orElseThrow().covariates(), fromSql.find("A").orElseThrow().covariates());
    }

    @Test
    void holidaysComeFromTheCalendarOfACountryOrRegion() {
        Holidays us = Holidays.of("US").orElseThrow();
        assertTrue(us.between(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 31)).contains(LocalDate.of(2024, 7, 4)));
        Holidays bavaria = Holidays.of("de-by").orElseThrow();
        Holidays berlin = Holidays.of("DE-BE").orElseThrow();
        LocalDate epiphany = LocalDate.of(2024, 1, 6);
        assertTrue(bavaria.between(epiphany, epiphany).contains(epiphany));
        assertTrue(berlin.between(epiphany, epiphany).isEmpty());
        double[] weeks = us.perStep(Frequency.WEEK, LocalDateTime.of(2024, 7, 1, 0, 0), 2);
        assertArrayEquals(new double[] {1, 0}, weeks);
        assertTrue(Holidays.of("XX").isEmpty());
        assertTrue(Holidays.of("DE-ZZ").isEmpty());
        assertEquals("DE-BY", Holidays.closeTo("DE-BAY").get(0));
        assertEquals("US", Holidays.closeTo("USA").get(0));
        assertEquals("DE", Holidays.closeTo("DEU").get(0));
    }
}
