package dev.qfl.check;

import static dev.qfl.check.CheckedScripts.check;
import static dev.qfl.check.CheckedScripts.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** covariates:, past:, static: and holidays: on csv, sql and parquet, checked before anything runs. */
class CovariateOptionsCheckTest {
    private static final String GOOD = "time: \"day\", value: \"units\", id: \"sku\", covariates: [\"price\", \"promo\"], "
            + "past: \"stock\", static: [\"category\", \"region\"], holidays: \"DE-BY\"";

    @Test
    void wellFormedCovariateOptionsPassOnEverySource() {
        assertEquals(List.of(), check("series a = csv(\"sales.csv\", " + GOOD + ")\n"
                + "series b = sql(\"select * from 'sales.parquet'\", " + GOOD + ")\n"
                + "series c = parquet(\"sales.parquet\", " + GOOD + ")\n"));
    }

    @Test
    void aMisspeltOptionGetsADidYouMean() {
        Diagnostic d = only("series a = csv(\"sales.csv\", time: \"day\", value: \"units\", covariate: [\"price\"])\n");
        assertEquals("QF2004", d.code());
        assertTrue(d.hints().toString().contains("covariates"), d.hints().toString());
    }

    @Test
    void badListsArePointedAtTheirElement() {
        Diagnostic empty = only("series a = csv(\"s.csv\", time: \"day\", value: \"units\", covariates: [])\n");
        assertEquals("QF2040", empty.code());
        Diagnostic twice = only("series a = csv(\"s.csv\", time: \"day\", value: \"units\", covariates: [\"price\"], "
                + "past: [\"price\"])\n");
        assertEquals("QF2040", twice.code());
        assertEquals(84, twice.span().column(), "at the second naming: " + twice);
        assertTrue(twice.message().contains("named twice"), twice.message());
        Diagnostic target = only("series a = sql(\"select 1\", time: \"day\", value: \"units\", static: [\"units\"])\n");
        assertEquals("QF2040", target.code());
        assertTrue(target.message().contains("value or id column"), target.message());
        assertEquals("QF2040", only("series a = csv(\"s.csv\", time: \"day\", value: \"units\", covariates: [1])\n").code());
    }

    @Test
    void covariatesNeedALongSource() {
        Diagnostic d = only("series a = csv(\"wide.csv\", time: \"day\", covariates: [\"price\"])\n");
        assertEquals("QF2041", d.code());
    }

    @Test
    void anUnknownHolidayCalendarListsCloseOnes() {
        Diagnostic region = only("series a = parquet(\"s.parquet\", time: \"day\", value: \"u\", holidays: \"DE-BAY\")\n");
        assertEquals("QF2042", region.code());
        assertTrue(region.hints().get(0).startsWith("did you mean \"DE-BY\"?"), region.hints().toString());
        Diagnostic country = only("series a = csv(\"s.csv\", time: \"day\", value: \"u\", holidays: \"USA\")\n");
        assertTrue(country.hints().get(0).contains("\"US\""), country.hints().toString());
    }
}
