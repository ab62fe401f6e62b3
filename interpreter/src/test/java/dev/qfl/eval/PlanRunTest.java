package dev.qfl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.ExampleScripts;
import dev.qfl.api.Output;
import dev.qfl.api.QflEngine;
import dev.qfl.diag.DiagnosticException;
import dev.qfl.fuzz.FuzzWorkspace;
import dev.qfl.fuzz.StandInModels;
import dev.qfl.plan.Plan;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run performs exactly the steps {@code qfl explain} prints, in order: the executor walks the
 * plan, and every step it starts is recorded here and compared with the plan of the same script.
 */
class PlanRunTest {
    @TempDir
    Path dir;

    private static final String SERIES = """
            series demand = csv("sales.csv", time: "date", value: "units", id: "sku")
            """;

    @BeforeEach
    void writeData() throws IOException {
        StringBuilder csv = new StringBuilder("date,sku,units\n");
        for (int d = 0; d < 30; d++) {
            String date = java.time.LocalDate.of(2024, 3, 1).plusDays(d).toString();
            csv.append(date).append(",A,").append(20 + (d % 2) * 10 + (d * 7 % 5)).append('\n');
            csv.append(date).append(",B,").append(40 + (d * 3 % 7)).append('\n');
        }
        Files.writeString(dir.resolve("sales.csv"), csv);
        Files.createDirectories(dir.resolve("out"));
    }

    /** What one input planned and what its run started. */
    private record Run(List<Plan.Step> planned, List<Plan.Step> performed, List<String> messages) {
        List<String> kinds() {
            return planned.stream().map(s -> s.getClass().getSimpleName()).toList();
        }
    }

    private static Run run(ModelRegistry models, Path folder, String name, String script) throws DiagnosticException {
        Plan plan = QflEngine.builder().models(models).build().explain(name, script, folder);
        List<Plan.Step> performed = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        try (Interpreter interpreter = new Interpreter(models, folder, folder.resolve(".qfl").resolve("models"),
                Reporter.silent())) {
            interpreter.observeSteps(performed::add);
            interpreter.evaluate(name, script, Output.into(o -> {
                if (o instanceof Output.Message m) {
                    messages.add(m.text());
                }
            }));
        }
        return new Run(plan.steps(), performed, messages);
    }

    private Run run(String script) throws DiagnosticException {
        return run(ModelRegistry.standard(), dir, "t.qfl", script);
    }

    @Test
    void everyExampleRunsThePlanExplainPrints() throws IOException {
        ModelRegistry standIns = StandInModels.of(ModelRegistry.standard());
        int ran = 0;
        try (FuzzWorkspace workspace = FuzzWorkspace.prepare(ExampleScripts.repoRoot().resolve("examples"))) {
            for (FuzzWorkspace.Seed seed : workspace.seeds()) {
                if (seed.name().startsWith("errors") || seed.name().startsWith("benchmarks")) {
                    continue; // scripts with errors have no plan; the benchmarks are the slow copies of evaluation.qfl
                }
                try {
                    Run r = run(standIns, seed.folder(), seed.name(), seed.text());
                    assertEquals(r.planned(), r.performed(), seed.name());
                    assertFalse(r.planned().isEmpty(), seed.name());
                    ran++;
                } catch (DiagnosticException e) {
                    throw new AssertionError(seed.name() + " failed with stand-in models:\n" + e.getMessage(), e);
                }
            }
        }
        assertTrue(ran >= 8, "examples run: " + ran);
    }

    @Test
    void lazinessIsInThePlanAndTheRunFollowsIt() throws DiagnosticException {
        Run r = run(SERIES + """
                model unused = seasonal_naive(demand, horizon: 3, season: 2)
                model backtested = seasonal_naive(demand, horizon: 3, season: 1)
                model shared = seasonal_naive(demand, horizon: 3, season: 7)
                model a = seasonal_naive(demand, horizon: 3, season: 2)
                model b = seasonal_naive(demand, horizon: 3, season: 1)
                model both = ensemble(a, b)
                fit shared
                evaluate backtested on demand backtest windows: 1 metrics: [wql]
                quantile(demand, 0.9) using shared
                let p = probability(demand <= 30) using shared
                export p to "out/p.csv"
                quantile(demand, 0.5) using both
                fit shared
                """);
        assertEquals(r.planned(), r.performed());
        assertEquals(List.of("Load", "Train", "Action", "Infer", "Query", "Query", "Action", "Train", "Train", "Train",
                "Infer", "Query"), r.kinds());
        List<String> fitted = r.planned().stream().filter(s -> s instanceof Plan.Train)
                .map(s -> ((Plan.Train) s).model()).toList();
        assertEquals(List.of("shared", "a", "b", "both"), fitted, "never unused, and backtested only by evaluate");
        Plan.Infer shared = (Plan.Infer) r.planned().get(3);
        assertEquals(List.of(10, 11), shared.servesLines(), "one forecast serves both queries");
        assertEquals(9, shared.statement(), "forecast when first asked, not at the fit on line 8");
        assertTrue(r.messages().stream().anyMatch(m -> m.startsWith("fit shared: already fitted")), r.messages().toString());
        assertFalse(r.messages().stream().anyMatch(m -> m.startsWith("fit unused") || m.startsWith("fit backtested")),
                r.messages().toString());
    }

    @Test
    void aSavedModelIsReadNotTrainedAndACachedOneIsLoadedByItsFitStep() throws DiagnosticException {
        String auto = "model pick = auto(demand, horizon: 3, candidates: [seasonal_naive], windows: 2)\n";
        Run first = run(SERIES + auto + "save pick to \"out/pick.qflm\"\n");
        assertEquals(first.planned(), first.performed());
        assertEquals(List.of("Load", "Train", "Action"), first.kinds(), "save fits the model it saves");

        Run read = run(SERIES + """
                model saved = load("out/pick.qflm", demand)
                quantile(demand, 0.9) using saved
                """);
        assertEquals(read.planned(), read.performed());
        assertEquals(List.of("Load", "LoadModel", "Infer", "Query"), read.kinds());

        Run cached = run(SERIES + auto + "quantile(demand, 0.9) using pick\n");
        assertEquals(cached.planned(), cached.performed());
        assertEquals(List.of("Load", "Train", "Infer", "Query"), cached.kinds());
        assertTrue(((Plan.Train) cached.planned().get(1)).how().contains("the choice is loaded from"));
        assertTrue(cached.messages().stream().anyMatch(m -> m.startsWith("fit pick: loaded from")), cached.messages().toString());
    }

    @Test
    void aLaterInputOfASessionPlansOnlyWhatIsLeft() throws DiagnosticException {
        List<Plan.Step> performed = new ArrayList<>();
        try (Interpreter interpreter = new Interpreter(ModelRegistry.standard(), dir, dir.resolve(".qfl/models"),
                Reporter.silent())) {
            interpreter.observeSteps(performed::add);
            interpreter.evaluate("1", SERIES + "model m = seasonal_naive(demand, horizon: 3, season: 2)\n", Output.into(o -> { }));
            interpreter.evaluate("2", "quantile(demand, 0.9) using m\n", Output.into(o -> { }));
            interpreter.evaluate("3", "quantile(demand, 0.5) using m\nfit m\n", Output.into(o -> { }));
        }
        assertEquals(List.of("Load", "Train", "Infer", "Query", "Query"),
                performed.stream().map(s -> s.getClass().getSimpleName()).toList(),
                "the second query reads the forecast the first input made");
    }
}
