package dev.qfl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.ast.AstEquality;
import dev.qfl.diag.SourceFile;
import dev.qfl.syntax.ParseResult;
import dev.qfl.syntax.ScriptParser;
import org.junit.jupiter.api.Test;

class LineWrapperTest {

    private static String fmt(String text) {
        SourceFile f = new SourceFile("t.qfl", text);
        ParseResult parsed = ScriptParser.parse(f);
        assertTrue(parsed.ok(), () -> parsed.diagnostics().toString());
        String out = Formatter.format(parsed, f);
        SourceFile again = new SourceFile("t.qfl", out);
        ParseResult reparsed = ScriptParser.parse(again);
        assertTrue(reparsed.ok(), () -> "wrapped text does not parse:\n" + out);
        assertNull(AstEquality.firstDifference(parsed.script(), reparsed.script(), ""), out);
        assertEquals(out, Formatter.format(reparsed, again), "wrapping must be idempotent");
        return out;
    }

    @Test
    void aLongSourceBreaksBetweenArgumentsUnderTheFirstOne() {
        String out = fmt("series sales = csv(\"data/promotions.csv\", time: \"date\", value: \"units\", id: \"sku\","
                + " covariates: [\"promo\"], static: [\"category\"], holidays: \"US\")  # the plan\n");
        assertEquals("""
                series sales = csv("data/promotions.csv", time: "date", value: "units", id: "sku",
                                   covariates: ["promo"], static: ["category"], holidays: "US")  # the plan
                """, out);
    }

    @Test
    void aLineThatFitsIsLeftOnOneLine() {
        String line = "model m = iqf(demand, horizon: 14, knots: 20, seed: 7)\n";
        assertEquals(line, fmt(line));
    }

    @Test
    void commasAndBracketsInsideStringsAndListsDoNotBreak() {
        String out = fmt("series orders = sql(\"select sku, week, units from 'sales/*.parquet' where (a, b) in (x)\","
                + " time: \"week\", value: \"units\", id: [\"sku\", \"store\", \"region\", \"channel\"])\n");
        assertEquals("""
                series orders = sql("select sku, week, units from 'sales/*.parquet' where (a, b) in (x)",
                                    time: "week", value: "units", id: ["sku", "store", "region", "channel"])
                """, out);
    }

    @Test
    void aDeclarationThatBreakingCannotBringWithinTheWidthStaysOnOneLine() {
        String line = "series s = csv(\"" + "x".repeat(120) + ".csv\", time: \"date\", value: \"units\")\n";
        assertEquals(line, fmt(line));
    }

    @Test
    void aLongQuestionStaysOnOneLineWithItsClauses() {
        String line = "quantile(sales, 0.9) using ar with promo = 1, price = -(price - 1) * (2 + discount) "
                + "assuming independence where horizon <= 3\n";
        assertEquals(line, fmt(line));
    }

    @Test
    void everyLineOfAVeryLongCallFitsWhenItsArgumentsDo() {
        StringBuilder call = new StringBuilder("model m = iqf(demand");
        for (int i = 0; i < 30; i++) {
            call.append(", epochs: ").append(i);
        }
        String out = fmt(call.append(")\n").toString());
        assertTrue(out.lines().count() > 2, out);
        out.lines().forEach(l -> assertTrue(l.length() <= LineWrapper.WIDTH, l));
    }
}
