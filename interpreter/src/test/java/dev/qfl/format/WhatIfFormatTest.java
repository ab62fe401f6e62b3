package dev.qfl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.ast.AstEquality;
import dev.qfl.ast.Expr;
import dev.qfl.ast.Statement;
import dev.qfl.diag.SourceFile;
import dev.qfl.syntax.ParseResult;
import dev.qfl.syntax.ScriptParser;
import org.junit.jupiter.api.Test;

/** The {@code with} clause is parsed into the query, printed back by fmt, and reparsed to the same tree. */
class WhatIfFormatTest {
    private static ParseResult parse(String text) {
        ParseResult r = ScriptParser.parse(new SourceFile("t.qfl", text));
        assertTrue(r.ok(), r.diagnostics().toString());
        return r;
    }

    @Test
    void theClauseIsPartOfTheQueryInOrder() {
        ParseResult r = parse("quantile(sales, 0.95) using iq with promo = 1, price = price * 0.9 where horizon in 1..7\n");
        Expr.Query q = (Expr.Query) ((Statement.ExpressionStatement) r.script().statements().get(0)).expr();
        assertEquals("iq", q.model().name());
        assertEquals(2, q.whatIfs().size());
        assertEquals("promo", q.whatIfs().get(0).covariate().name());
        assertEquals("price", q.whatIfs().get(1).covariate().name());
        assertTrue(q.whatIfs().get(1).value() instanceof Expr.Binary);
        assertTrue(q.condition() != null);
    }

    @Test
    void fmtPrintsItBackAndTheTreeIsUnchanged() {
        String messy = "quantile( sales ,0.9 )using ar   with promo=1 ,price = -(price-1)*  (2+discount)\n"
                + "  assuming independence where horizon<=3\n"
                + "let t = probability(sales <= 4) with price = price / 2\n";
        SourceFile f = new SourceFile("t.qfl", messy);
        ParseResult before = ScriptParser.parse(f);
        String formatted = Formatter.format(before, f);
        assertEquals("quantile(sales, 0.9) using ar with promo = 1, price = -(price - 1) * (2 + discount) "
                + "assuming independence where horizon <= 3\n"
                + "let t = probability(sales <= 4) with price = price / 2\n", formatted);
        ParseResult after = parse(formatted);
        assertNull(AstEquality.firstDifference(before.script(), after.script(), ""), formatted);
        assertEquals(formatted, Formatter.format(after, new SourceFile("t.qfl", formatted)));
    }

    @Test
    void withIsAKeyword() {
        ParseResult r = ScriptParser.parse(new SourceFile("t.qfl", "let with = 1\n"));
        assertTrue(!r.ok(), "'with' is reserved now");
    }
}
