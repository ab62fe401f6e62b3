package dev.qfl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qfl.ast.Expr;
import dev.qfl.ast.Identifier;
import dev.qfl.ast.Statement;
import dev.qfl.diag.SourceFile;
import dev.qfl.diag.Span;
import dev.qfl.syntax.ScriptParser;
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

    /**
     * Every kind of statement and expression, printed as the reflective printer did before the
     * printer became a visitor (the outline was recorded from it): the layout is unchanged.
     */
    @Test
    void everyKindOfNodePrintsItsPartsInOrder() {
        String script = """
                series demand = csv("d.csv", time: "date", id: ["sku", "store"])
                model m = iqf(demand, horizon: 7, lr: -0.5, tick: 10m)
                let t = quantile(sum(demand over horizon 1..7 step 2), 0.9) using m assuming independence where not (id in ["A", "B"] or horizon > 2 * 3) and level != 0.5
                export t to table "plan" in "p.duckdb" overwrite: true
                plot fan(demand, m) to "x.png"
                let e = evaluate m on demand backtest folds: 3
                fit m
                save m to "m.qflm"
                probability(demand > 10) where horizon in 1..3
                """;
        StringBuilder printed = new StringBuilder();
        ScriptParser.parse(new SourceFile("t.qfl", script)).script().statements()
                .forEach(s -> printed.append(AstPrinter.print(s)));
        assertEquals("""
                SeriesDecl
                  name: Identifier(name="demand")
                  value: Call
                    callee: Identifier(name="csv")
                    arguments:
                      - Argument
                          value: StringLit(value="d.csv")
                      - Argument
                          name: Identifier(name="time")
                          value: StringLit(value="date")
                      - Argument
                          name: Identifier(name="id")
                          value: ListLit
                            elements:
                              - StringLit(value="sku")
                              - StringLit(value="store")
                ModelDecl
                  name: Identifier(name="m")
                  value: Call
                    callee: Identifier(name="iqf")
                    arguments:
                      - Argument
                          value: Name(name="demand")
                      - Argument
                          name: Identifier(name="horizon")
                          value: NumberLit(value=7)
                      - Argument
                          name: Identifier(name="lr")
                          value: NumberLit(value=-0.5)
                      - Argument
                          name: Identifier(name="tick")
                          value: DurationLit(value=PT10M, text="10m")
                LetDecl
                  name: Identifier(name="t")
                  value: Query
                    body: Call
                      callee: Identifier(name="quantile")
                      arguments:
                        - Argument
                            value: Aggregate
                              function: Identifier(name="sum")
                              operand: Name(name="demand")
                              dimension: Identifier(name="horizon")
                              range: Range
                                low: NumberLit(value=1)
                                high: NumberLit(value=7)
                                step: NumberLit(value=2)
                        - Argument
                            value: NumberLit(value=0.9)
                    model: Identifier(name="m")
                    assumingIndependence: true
                    condition: Binary
                      op: AND
                      left: Unary
                        op: NOT
                        operand: Binary
                          op: OR
                          left: InList
                            value: Name(name="id")
                            list: ListLit
                              elements:
                                - StringLit(value="A")
                                - StringLit(value="B")
                          right: Binary
                            op: GT
                            left: Name(name="horizon")
                            right: Binary
                              op: MUL
                              left: NumberLit(value=2)
                              right: NumberLit(value=3)
                      right: Binary
                        op: NE
                        left: Name(name="level")
                        right: NumberLit(value=0.5)
                Export
                  value: Name(name="t")
                  path: StringLit(value="plan")
                  options:
                    - Argument
                        name: Identifier(name="overwrite")
                        value: BoolLit(value=true)
                  database: StringLit(value="p.duckdb")
                Plot
                  value: Query
                    body: Call
                      callee: Identifier(name="fan")
                      arguments:
                        - Argument
                            value: Name(name="demand")
                        - Argument
                            value: Name(name="m")
                    assumingIndependence: false
                  path: StringLit(value="x.png")
                LetDecl
                  name: Identifier(name="e")
                  value: Evaluate
                    models:
                      - Identifier(name="m")
                    series: Identifier(name="demand")
                    backtestKeyword: true
                    options:
                      - Argument
                          name: Identifier(name="folds")
                          value: NumberLit(value=3)
                Fit
                  models:
                    - Identifier(name="m")
                Save
                  model: Identifier(name="m")
                  path: StringLit(value="m.qflm")
                ExpressionStatement
                  expr: Query
                    body: Call
                      callee: Identifier(name="probability")
                      arguments:
                        - Argument
                            value: Binary
                              op: GT
                              left: Name(name="demand")
                              right: NumberLit(value=10)
                    assumingIndependence: false
                    condition: InRange
                      value: Name(name="horizon")
                      range: Range
                        low: NumberLit(value=1)
                        high: NumberLit(value=3)
                """, printed.toString());
    }
}
