package dev.qfl.stdlib.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.diag.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Future covariate values from a second file, the {@code future:} option (issue #13). */
class FutureRowsTest {
    @TempDir
    Path dir;

    private static final String HISTORY = """
            day,sku,units,price,promo
            2024-07-01,A,10,2.0,0
            2024-07-02,A,12,2.0,1
            2024-07-01,B,3,9.0,0
            2024-07-02,B,4,9.0,0
            2024-07-03,B,,8.0,1
            """;

    private static final CovariateSpec SPEC = new CovariateSpec(List.of("price", "promo"), List.of(), List.of(), null);

    private LoadedPanel load(String main, String future) throws IOException {
        Path m = dir.resolve("sales.csv");
        Path f = dir.resolve("plan.csv");
        Files.writeString(m, main);
        Files.writeString(f, future);
        return new CsvLoader().load("sales", m, options(), f);
    }

    private static CsvOptions options() {
        return new CsvOptions("day", "units", "sku", Frequency.DAY, null, null, null).withCovariates(SPEC);
    }

    private QflException refused(String main, String future) {
        return assertThrows(QflException.class, () -> load(main, future));
    }

    @Test
    void futureRowsMergeWithThePlannedRowsOfTheMainSource() throws IOException {
        Panel p = load(HISTORY, "sku,day,price,promo,note\nA,2024-07-03,1.5,1,x\nA,2024-07-04,1.5,0,y\nB,2024-07-04,7.0,0,z\n")
                .panel();
        Covariates a = p.find("A").orElseThrow().covariates();
        assertEquals(2, a.futureSteps());
        assertArrayEquals(new double[] {2.0, 2.0, 1.5, 1.5}, a.dynamic()[0]);
        Covariates b = p.find("B").orElseThrow().covariates();
        assertEquals(2, b.futureSteps(), "the main file's planned row and the future file's join up");
        assertArrayEquals(new double[] {9.0, 9.0, 8.0, 7.0}, b.dynamic()[0]);
    }

    @Test
    void theSameAsPlannedRowsInTheMainFile() throws IOException {
        Panel split = load(HISTORY, "day,sku,price,promo\n2024-07-03,A,1.5,1\n").panel();
        Path m = dir.resolve("all.csv");
        Files.writeString(m, HISTORY + "2024-07-03,A,,1.5,1\n");
        Panel whole = new CsvLoader().load("sales", m, options()).panel();
        assertEquals(whole.series(), split.series());
    }

    @Test
    void thePlanIsPartOfTheFingerprint() throws IOException {
        String one = load(HISTORY, "day,sku,price,promo\n2024-07-03,A,1.5,1\n").panel().fingerprint();
        String two = load(HISTORY, "day,sku,price,promo\n2024-07-03,A,1.0,1\n").panel().fingerprint();
        assertNotEquals(one, two);
    }

    @Test
    void aTimeInBothSourcesIsRefusedAtTheFutureLine() {
        QflException e = refused(HISTORY, "day,sku,price,promo\n2024-07-04,A,1,0\n2024-07-03,B,8,1\n");
        assertEquals(DiagnosticCode.FUTURE_ROW_TWICE, e.diagnosticCode());
        assertEquals(3, e.position().orElseThrow().line());
        assertTrue(e.position().orElseThrow().file().endsWith("plan.csv"));
        assertTrue(e.getMessage().contains("line 6 of the main source"), e.getMessage());
    }

    @Test
    void aTimeNotAfterTheLastValueIsRefused() {
        QflException e = refused(HISTORY, "day,sku,price,promo\n2024-06-30,A,1,0\n");
        assertEquals(DiagnosticCode.FUTURE_ROW_NOT_AHEAD, e.diagnosticCode());
        assertEquals(2, e.position().orElseThrow().line());
        assertTrue(e.getMessage().contains("2024-07-02"), e.getMessage());
    }

    @Test
    void anUnknownSeriesIsRefusedWithTheCloseId() {
        QflException e = refused(HISTORY, "day,sku,price,promo\n2024-07-03,a,1,0\n");
        assertEquals(DiagnosticCode.FUTURE_UNKNOWN_SERIES, e.diagnosticCode());
        assertTrue(e.hint().orElseThrow().contains("\"A\""), e.hint().orElseThrow());
    }

    @Test
    void aMissingColumnListsTheColumnsOfTheFutureFile() {
        QflException e = refused(HISTORY, "day,sku,prize,promo\n2024-07-03,A,1,0\n");
        assertEquals(DiagnosticCode.MISSING_COLUMN, e.diagnosticCode());
        assertTrue(e.getMessage().contains("plan.csv"), e.getMessage());
        assertTrue(e.hint().orElseThrow().contains("did you mean \"prize\""), e.hint().orElseThrow());
    }

    @Test
    void aTimeTwiceInTheFutureFileIsRefused() {
        QflException e = refused(HISTORY, "day,sku,price,promo\n2024-07-03,A,1,0\n2024-07-03,A,2,0\n");
        assertEquals(DiagnosticCode.DUPLICATE_TIME, e.diagnosticCode());
        assertEquals(3, e.position().orElseThrow().line());
    }

    @Test
    void aTimeOffTheGridIsReportedInTheFutureFile() {
        QflException e = refused(HISTORY, "day,sku,price,promo\n2024-07-03,A,1,0\n2024-07-04T12:00,A,1,0\n");
        assertEquals(DiagnosticCode.OFF_GRID, e.diagnosticCode());
        assertTrue(e.position().orElseThrow().file().endsWith("plan.csv"), e.position().toString());
        assertEquals(3, e.position().orElseThrow().line());
    }

    @Test
    void aBadNumberIsRefusedAtItsCell() {
        QflException e = refused(HISTORY, "day,sku,price,promo\n2024-07-03,A,cheap,0\n");
        assertEquals(DiagnosticCode.NOT_A_NUMBER, e.diagnosticCode());
        assertEquals(2, e.position().orElseThrow().line());
    }
}
