package dev.qfl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.ast.Statement;
import dev.qfl.diag.Span;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AstPrinterTest {
    private static final Span AT = new Span(3, 9, 1, 4);

    @Test
    void aNodeOfPlainValuesFitsOnOneLineWithoutItsSpan() {
        assertEquals("NumberLit(value=0.95)\n", AstPrinter.print(new Expr.NumberLit(new BigDecimal("0.95"), AT)));
        assertEquals("StringLit(value=\"a \\\"b\\\"\")\n", AstPrinter.print(new Expr.StringLit("a \"b\"", AT)));
    }

    @Test
    void nestedNodesAndListsAreIndented() {
        Expr.Range range = new Expr.Range(new Expr.NumberLit(BigDecimal.ONE, AT), new Expr.NumberLit(BigDecimal.TEN, AT),
                null, AT);
        Statement.Fit fit = new Statement.Fit(List.of(new Identifier("a", AT), new Identifier("b", AT)), AT);
        assertEquals("""
                Range
                  low: NumberLit(value=1)
                  high: NumberLit(value=10)
                """, AstPrinter.print(range), "a missing step is left out");
        assertEquals("""
                Fit
                  models:
                    - Identifier(name="a")
                    - Identifier(name="b")
                """, AstPrinter.print(fit));
        assertEquals("ListLit\n  elements: []\n", AstPrinter.print(new Expr.ListLit(List.of(), AT)));
    }
}
