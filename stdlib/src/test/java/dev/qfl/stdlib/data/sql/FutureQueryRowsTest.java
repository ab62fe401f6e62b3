package dev.qfl.stdlib.data.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.CovariateSpec;
import dev.qfl.stdlib.data.Covariates;
import dev.qfl.stdlib.data.CsvLoader;
import dev.qfl.stdlib.data.CsvOptions;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.LoadedPanel;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.diag.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Future covariate values read by a query ({@code future: sql(...)} / {@code parquet(...)}), merged as a future CSV file's. */
class FutureQueryRowsTest {
    @TempDir
    Path dir;

    private static final CovariateSpec SPEC = new CovariateSpec(List.of("price", "promo"), List.of(), List.of(), null);
    private static final CsvOptions OPTIONS = new CsvOptions("day", "units", "sku", Frequency.DAY, null, null, null)
            .withCovariates(SPEC);
    private static final String PLAN = "sku,day,price,promo,note\nA,2024-07-03,1.5,1,x\nA,2024-07-04,1.5,0,y\n"
            + "B,2024-07-04,7.0,0,z\n";

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("sales.csv"), """
                day,sku,units,price,promo
                2024-07-01,A,10,2.0,0
                2024-07-02,A,12,2.0,1
                2024-07-01,B,3,9.0,0
                2024-07-02,B,4,9.0,0
                2024-07-03,B,,8.0,1
                """);
        Files.writeString(dir.resolve("plan.csv"), PLAN);
    }

    private LoadedPanel load(SqlRequest future) {
        return new CsvLoader().load("sales", dir.resolve("sales.csv"), OPTIONS,
                () -> new SqlLoader(Map.of()).future(future, OPTIONS));
    }

    private LoadedPanel query(String sql) {
        return load(SqlRequest.embedded(sql, dir, null));
    }

    @Test
    void queryRowsMergeAsTheRowsOfAFutureCsvFile() throws Exception {
        LoadedPanel byCsv = new CsvLoader().load("sales", dir.resolve("sales.csv"), OPTIONS, dir.resolve("plan.csv"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM read_csv('" + dir.resolve("plan.csv") + "')) TO '"
                    + dir.resolve("plan.parquet") + "' (FORMAT PARQUET)");
        }
        for (LoadedPanel loaded : List.of(query("select * from read_csv('plan.csv')"),
                load(SqlRequest.parquet("plan.parquet", dir, null)))) {
            Panel p = loaded.panel();
            Covariates a = p.find("A").orElseThrow().covariates();
            assertEquals(2, a.futureSteps());
            assertArrayEquals(new double[] {2.0, 2.0, 1.5, 1.5}, a.dynamic()[0]);
            assertArrayEquals(byCsv.panel().find("A").orElseThrow().covariates().dynamic()[1], a.dynamic()[1]);
            Covariates b = p.find("B").orElseThrow().covariates();
            assertEquals(2, b.futureSteps(), "the main file's planned row and the query's join up");
            assertArrayEquals(new double[] {9.0, 9.0, 8.0, 7.0}, b.dynamic()[0]);
        }
    }

    @Test
    void aQuerySourceMergesFutureRowsAsACsvSourceDoes() {
        String history = "select * from read_csv('sales.csv')";
        SqlLoader loader = new SqlLoader(Map.of());
        Panel merged = loader.load("sales", SqlRequest.embedded(history, dir, null), OPTIONS,
                () -> loader.future(SqlRequest.embedded("select * from read_csv('plan.csv')", dir, null), OPTIONS)).panel();
        Covariates b = merged.find("B").orElseThrow().covariates();
        assertEquals(2, b.futureSteps(), "the query source's planned row and the future query's join up");
        assertArrayEquals(new double[] {9.0, 9.0, 8.0, 7.0}, b.dynamic()[0]);
        Panel alone = loader.load("sales", SqlRequest.embedded(history, dir, null), OPTIONS).panel();
        assertNotEquals(alone.fingerprint(), merged.fingerprint());
        assertArrayEquals(new double[] {2.0, 2.0, 1.5, 1.5}, merged.find("A").orElseThrow().covariates().dynamic()[0]);
    }

    @Test
    void theQuerysRowsArePartOfTheDataIdentity() {
        String one = query("select * from read_csv('plan.csv')").panel().fingerprint();
        String other = query("select sku, day, price + 1 as price, promo from read_csv('plan.csv')").panel().fingerprint();
        assertNotEquals(one, other);
    }

    @Test
    void theMergeRulesNameTheQuerysRow() {
        QflException unknown = assertThrows(QflException.class, () -> query("select 'AA' as sku, DATE '2024-07-05' "
                + "as day, 1.0 as price, 0 as promo"));
        assertEquals(DiagnosticCode.FUTURE_UNKNOWN_SERIES, unknown.diagnosticCode());
        assertTrue(unknown.getMessage().contains("row 1 of the future query"), unknown.getMessage());
        assertTrue(unknown.hint().orElseThrow().contains("did you mean \"A\""), unknown.hint().orElseThrow());
        QflException behind = assertThrows(QflException.class, () -> query("select * from (values ('A', DATE "
                + "'2024-07-05', 1.0, 0), ('A', DATE '2024-06-30', 1.0, 0)) t(sku, day, price, promo)"));
        assertEquals(DiagnosticCode.FUTURE_ROW_NOT_AHEAD, behind.diagnosticCode());
        assertTrue(behind.getMessage().contains("row 2 of the future query"), behind.getMessage());
    }

    @Test
    void aMissingColumnOrATextCovariateSaysItIsTheFutureQuery() {
        QflException missing = assertThrows(QflException.class, () -> query("select sku, day, price from read_csv('plan.csv')"));
        assertTrue(missing.getMessage().startsWith("future: the query has no column \"promo\""), missing.getMessage());
        QflException text = assertThrows(QflException.class, () -> query("select sku, day, 'cheap' as price, promo "
                + "from read_csv('plan.csv')"));
        assertEquals(SqlErrors.WRONG_COLUMN_TYPE, text.diagnosticCode());
    }
}
