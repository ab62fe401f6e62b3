package dev.qfl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.api.Output;
import dev.qfl.check.CheckResult;
import dev.qfl.check.Checker;
import dev.qfl.check.Scope;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.DiagnosticException;
import dev.qfl.diag.SourceFile;
import dev.qfl.plan.Plan;
import dev.qfl.plan.Planner;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.Reporter;
import dev.qfl.syntax.ScriptParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An internal error (QF9000) names the statement by its position in one line; it never dumps a
 * syntax tree, and a run that strays from its plan stops instead of deciding on its own.
 */
class InternalErrorMessageTest {
    @TempDir
    Path dir;

    private static final String SCRIPT = """
            series demand = csv("sales.csv", time: "date", value: "units", id: "sku")
            model naive = seasonal_naive(demand, horizon: 2, season: 1)
            quantile(demand, 0.9) using naive where id == "A"
            """;

    private CheckResult checked(SourceFile file) throws IOException {
        StringBuilder csv = new StringBuilder("date,sku,units\n");
        for (int d = 1; d <= 20; d++) {
            csv.append("2024-03-").append(String.format("%02d", d)).append(",A,").append(10 + d % 3).append('\n');
        }
        Files.writeString(dir.resolve("sales.csv"), csv);
        return new Checker(ModelRegistry.standard(), file).check(ScriptParser.parse(file).script(), Scope.empty());
    }

    /** Runs every statement of {@code checked} under {@code plan}; the first failure is returned. */
    private RuntimeException runUntilFailure(SourceFile file, CheckResult checked, Plan plan) throws DiagnosticException {
        try (SessionState state = new SessionState(ModelRegistry.standard(), dir, dir.resolve(".qfl/models"),
                Reporter.silent())) {
            Executor executor = new Executor(state, file, checked, plan, Output.into(o -> { }), step -> { });
            Scope scope = Scope.empty();
            for (int i = 0; i < checked.script().statements().size(); i++) {
                try {
                    executor.run(i, scope);
                } catch (RuntimeException e) {
                    return e;
                }
                scope = scope.with(checked.definedBy(i).orElseThrow());
            }
        }
        throw new AssertionError("the run did not fail");
    }

    @Test
    void anExpressionWithNoValueIsNamedByItsPositionNotItsSyntaxTree() throws Exception {
        SourceFile file = new SourceFile("t.qfl", SCRIPT);
        CheckResult good = checked(file);
        // the checker resolved no query: the executor is left with a call it cannot evaluate
        CheckResult lost = new CheckResult(good.script(), good.diagnostics(), good.defined(), Map.of(), Map.of(),
                good.scope());
        Plan plan = Planner.plan(lost, "t.qfl", ModelRegistry.standard(), dir, dir.resolve(".qfl/models"));
        RuntimeException e = runUntilFailure(file, lost, plan);
        assertEquals(IllegalStateException.class, e.getClass());
        assertTrue(e.getMessage().contains("line 3, column 1"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains("Call[") || e.getMessage().contains("Query[") || e.getMessage().contains("Span["),
                e.getMessage());
    }

    @Test
    void aRunThatReachesAStepItsPlanLacksStopsWithOneLine() throws Exception {
        SourceFile file = new SourceFile("t.qfl", SCRIPT);
        CheckResult checked = checked(file);
        Plan full = Planner.plan(checked, "t.qfl", ModelRegistry.standard(), dir, dir.resolve(".qfl/models"));
        // the same plan without its fit: the query must not fit the model on its own
        Plan withoutFit = new Plan("t.qfl", full.steps().stream().filter(s -> !(s instanceof Plan.Train)).toList());
        RuntimeException e = runUntilFailure(file, checked, withoutFit);
        assertTrue(e.getMessage().contains("used before the plan fitted it"), e.getMessage());
        // as a user sees it: QF9000 at the statement, one line
        DiagnosticException shown = Interpreter.failure(e, file, checked.statement(2).span(), "running this statement");
        Diagnostic d = shown.diagnostics().get(0);
        assertEquals("QF9000", d.code());
        assertEquals(3, d.span().line());
        assertFalse(d.message().contains("\n"), d.message());
    }

    @Test
    void aLibraryMessageOfSeveralLinesIsCutToItsFirst() {
        String line = Interpreter.oneLine(new IllegalArgumentException("first line\nQuery[call=Call[name=quantile ...]]"));
        assertEquals("IllegalArgumentException: first line ...", line);
        assertEquals(List.of(), line.lines().skip(1).toList());
        assertTrue(Interpreter.oneLine(new IllegalStateException("x".repeat(500))).length() <= 230);
    }
}
