package dev.qfl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.ExampleScripts;
import dev.qfl.cli.Main;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.model.FitContext;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.ModelSpec;
import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.model.TrainedModel;
import dev.qfl.stdlib.models.naive.SeasonalNaiveKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue #12: a JVM error (stack overflow, out of memory) inside QFL reaches an embedding host as a
 * {@link QflScriptException} with a diagnostic, never as a raw {@link Error}, and the session keeps
 * working. The error is provoked through the public API: an application-defined model kind whose
 * fit throws it.
 */
class JvmErrorTest {
    private static final Path EXAMPLES = ExampleScripts.repoRoot().resolve("examples");
    private static final String SERIES = "series demand = csv(\"data/retail.csv\", time: \"date\", value: \"units\", id: \"sku\")";

    /** Checked like seasonal_naive; fitting throws whatever {@code error} makes. */
    private record FailingKind(Supplier<Error> error) implements ModelKind {
        @Override
        public String name() {
            return "failing";
        }

        @Override
        public String summary() {
            return "fails while fitting";
        }

        @Override
        public List<OptionSpec> options() {
            return new SeasonalNaiveKind().options();
        }

        @Override
        public ModelSpec resolve(Map<String, Object> given, Frequency frequency) {
            return new SeasonalNaiveKind().resolve(given, frequency);
        }

        @Override
        public int minimumLength(ModelSpec spec) {
            return 1;
        }

        @Override
        public TrainedModel fit(Panel panel, ModelSpec spec, FitContext context) {
            throw error.get();
        }
    }

    private static QflEngine engineFailingWith(Supplier<Error> error) {
        return QflEngine.builder().models(ModelRegistry.standard().with(new FailingKind(error))).build();
    }

    @Test
    void aStackOverflowIsAnInternalErrorDiagnosticAndTheSessionGoesOn() throws QflScriptException {
        try (QflSession session = engineFailingWith(StackOverflowError::new).openSession(EXAMPLES)) {
            session.evaluate("a.qfl", SERIES + "\nmodel naive = seasonal_naive(demand, horizon: 7)");
            QflScriptException e = assertThrows(QflScriptException.class, () -> session.evaluate("b.qfl",
                    "model bad = failing(demand, horizon: 7)\nlet q = quantile(demand, 0.5) using bad"));
            Diagnostic d = e.diagnostics().get(0);
            assertEquals("QF9000", d.code());
            assertTrue(d.message().contains("stack"), d.message());
            assertEquals(2, d.span().line(), "positioned at the statement that failed");
            assertInstanceOf(StackOverflowError.class, e.getCause(), "kept for --debug");
            assertTrue(session.names().contains("bad") && !session.names().contains("q"));
            Result again = session.evaluate("c.qfl", "quantile(demand, 0.5) using naive where horizon == 1 and id == \"A-17\"");
            assertEquals(1, again.lastTable().orElseThrow().rowCount());
        }
    }

    @Test
    void runningOutOfMemoryIsAResourceDiagnostic() throws QflScriptException {
        try (QflSession session = engineFailingWith(() -> new OutOfMemoryError("Java heap space")).openSession(EXAMPLES)) {
            QflScriptException e = assertThrows(QflScriptException.class, () -> session.evaluate("b.qfl",
                    SERIES + "\nmodel bad = failing(demand, horizon: 7)\nfit bad"));
            Diagnostic d = e.diagnostics().get(0);
            assertEquals("QF9001", d.code());
            assertTrue(d.hints().get(0).contains("-Xmx"), "says how to give it more memory");
            assertTrue(session.names().contains("demand"));
            session.evaluate("c.qfl", "let x = 1");
            assertTrue(session.names().contains("x"));
        }
    }

    @Test
    void tooDeepInputAtTheCommandLineIsOneDiagnosticNotATrace() throws Exception {
        // 5,000 nested brackets once overflowed the parser; now they are one positioned QF1004
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        Path script = java.nio.file.Files.createTempFile("qfl-jvm-error", ".qfl");
        try {
            java.nio.file.Files.writeString(script, "let b = " + "(".repeat(5000) + "1" + ")".repeat(5000));
            int code = Main.run(new String[] {"check", script.toString()}, java.io.InputStream.nullInputStream(),
                    new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
            String text = err.toString();
            assertEquals(1, code, text);
            assertTrue(text.contains("QF1004"), text);
            assertFalse(text.contains("\tat "), "no stack trace: " + text);
        } finally {
            java.nio.file.Files.deleteIfExists(script);
        }
    }
}
