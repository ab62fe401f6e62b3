package dev.qfl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.qfl.api.QflEngine;
import dev.qfl.api.QflScriptException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {
    @Test
    void eachModelIsFittedAndInferredOnceForAllItsQueries() throws QflScriptException {
        Plan plan = QflEngine.builder().build().explain("plan.qfl", """
                series demand = csv("data/retail.csv", time: "date", value: "units", id: "sku")
                model a = seasonal_naive(demand, horizon: 14)
                model b = seasonal_naive(demand, horizon: 7)
                quantile(demand, 0.9) using a
                let p = quantile(demand, 0.95) using b where horizon <= 3
                probability(demand <= 10) using a
                export p to "out/p.csv"
                """, Path.of("."));
        List<Plan.Step> steps = plan.steps();
        assertInstanceOf(Plan.Load.class, steps.get(0));
        assertEquals(List.of("Load", "Train", "Infer", "Query", "Train", "Infer", "Query", "Query", "Action"),
                steps.stream().map(s -> s.getClass().getSimpleName()).toList());
        Plan.Infer inferA = (Plan.Infer) steps.get(2);
        assertEquals("a", inferA.model());
        assertEquals(List.of(4, 6), inferA.servesLines());
        assertEquals(14, inferA.steps());
        assertEquals(List.of(5), ((Plan.Infer) steps.get(5)).servesLines());
        Plan.Train trainA = (Plan.Train) steps.get(1);
        assertEquals("fit in milliseconds (never cached)", trainA.how());
        String text = plan.render();
        assertEquals("plan for plan.qfl", text.lines().findFirst().orElseThrow());
        assertEquals(steps.size() + 1, text.lines().count());
    }

    @Test
    void explainSaysWhereEachSeriesIsReadFromAndThatAutosChoiceIsCached() throws QflScriptException {
        Plan plan = QflEngine.builder().build().explain("plan.qfl", """
                series a = csv("data/retail.csv", time: "date", value: "units", id: "sku")
                series b = parquet("sales/*.parquet", time: "date", value: "units", id: "sku")
                series c = sql("select sku, date, units from 'sales.csv'   where units > 0", time: "date", value: "units", id: "sku")
                model pick = auto(a, horizon: 7)
                quantile(a, 0.9) using pick
                """, Path.of("."));
        List<String> loads = plan.steps().stream().filter(s -> s instanceof Plan.Load).map(Plan.Step::describe).toList();
        assertEquals(3, loads.size(), loads.toString());
        assertEquals(true, loads.get(0).startsWith("load   a from data/retail.csv"), loads.get(0));
        assertEquals(true, loads.get(1).startsWith("load   b from Parquet sales/*.parquet"), loads.get(1));
        assertEquals(true, loads.get(2).startsWith("load   c from the embedded DuckDB: select sku, date, units from 'sales.csv' where"),
                loads.get(2));
        Plan.Train auto = (Plan.Train) plan.steps().stream().filter(s -> s instanceof Plan.Train).findFirst().orElseThrow();
        assertEquals(true, auto.how().contains("the choice is loaded from"), auto.how());
    }

    @Test
    void explainRefusesScriptsWithErrors() {
        QflScriptException e = org.junit.jupiter.api.Assertions.assertThrows(QflScriptException.class,
                () -> QflEngine.builder().build().explain("x.qfl", "quantile(nothing, 0.5)", Path.of(".")));
        assertEquals("QF2001", e.diagnostics().get(0).code());
    }
}
