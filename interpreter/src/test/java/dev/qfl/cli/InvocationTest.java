package dev.qfl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qfl.api.QflScriptException;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.QflException;
import dev.qfl.terminal.Console;
import dev.qfl.terminal.Invocation;
import dev.qfl.terminal.OutputPrinter;
import dev.qfl.terminal.UserError;
import dev.qfl.terminal.Verbosity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvocationTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Invocation invocation(boolean debug) {
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Console console = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                e, false, false, false, 80);
        return new Invocation(console, Verbosity.NORMAL, debug);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anInternalErrorIsOneLineWithoutDebug() {
        int code = invocation(false).failure(new IllegalStateException("slot was never declared"));
        assertEquals(2, code);
        assertEquals("qfl: internal error: IllegalStateException: slot was never declared (run with --debug for the trace)\n",
                err());
    }

    @Test
    void debugShowsTheStackTrace() {
        int code = invocation(true).failure(new IllegalStateException("boom", new ArithmeticException("inner")));
        assertEquals(2, code);
        assertTrue(err().contains("\tat "), err());
        assertTrue(err().contains("Caused by: java.lang.ArithmeticException: inner"), err());
    }

    @Test
    void userAndLibraryErrorsExitOneWithoutATrace() {
        assertEquals(1, invocation(true).failure(new UserError("cannot read x.qfl: no such file")));
        assertEquals(1, invocation(false).failure(new QflException(DiagnosticCode.MISSING_COLUMN, "no column 'day' in sales.csv")));
        assertEquals("qfl: cannot read x.qfl: no such file\nqfl: error[QF3104]: no column 'day' in sales.csv\n", err());
    }

    @Test
    void aScriptFailureIsInternalOnlyWhenQflItselfFailed() {
        SourceFile file = new SourceFile("t.qfl", "quantile(demand, 0.5)\n");
        var span = file.spanAt(0, 8);
        Invocation inv = invocation(false);
        OutputPrinter printer = inv.printer(null);
        QflScriptException user = new QflScriptException(List.of(
                Diagnostic.error(DiagnosticCode.UNDEFINED_NAME, file, span, "'demand' is not defined")));
        assertEquals(1, inv.scriptFailed(user, printer));
        QflScriptException bug = new QflScriptException(List.of(
                Diagnostic.error(DiagnosticCode.INTERNAL, file, span, "QFL failed while running this statement")),
                new NullPointerException("oops"));
        assertEquals(2, inv.scriptFailed(bug, printer));
        assertTrue(err().contains("t.qfl:1:1: error[QF9000]"), err());
        assertFalse(err().contains("NullPointerException"), "the cause is shown only with --debug: " + err());
        invocation(true).scriptFailed(bug, printer);
        assertTrue(err().contains("java.lang.NullPointerException: oops"), err());
    }
}
