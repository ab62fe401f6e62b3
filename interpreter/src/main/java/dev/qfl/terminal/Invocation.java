package dev.qfl.terminal;

import dev.qfl.api.QflEngine;
import dev.qfl.api.QflScriptException;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.stdlib.QflException;
import java.io.PrintStream;

/**
 * One run of a command: the console, the global flags, and what follows from them (the engine
 * with a reporter that draws progress, the printer for results).
 *
 * @param console   the streams
 * @param verbosity {@code --quiet}, normal or {@code --verbose}
 * @param debug     whether internal errors show their stack trace
 * @param cache     folder for trained models ({@code --cache}), or null for {@code .qfl/models} beside each script
 */
public record Invocation(Console console, Verbosity verbosity, boolean debug, java.nio.file.Path cache) {

    /** Without a cache folder of its own: models are cached beside each script. */
    public Invocation(Console console, Verbosity verbosity, boolean debug) {
        this(console, verbosity, debug, null);
    }

    /** A progress line when stderr is a terminal and progress is wanted, else null. */
    public ProgressLine progressLine() {
        return console.stderrTerminal() && !verbosity.quiet() ? new ProgressLine(console.err(), console.width()) : null;
    }

    /** An engine whose training progress and notices go to stderr through {@code progress}. */
    public QflEngine engine(ProgressLine progress) {
        return QflEngine.builder().reporter(new CliReporter(console.err(), verbosity, progress)).cacheDirectory(cache).build();
    }

    /** A printer for a script's outputs, tables labelled with their statements. */
    public OutputPrinter printer(ProgressLine progress) {
        return new OutputPrinter(console.out(), console.err(), console.renderer(), verbosity, true, progress);
    }

    /**
     * Reports a failed script and gives the exit code: 1 for errors in the script or its data, 2
     * when QFL itself failed (diagnostic QF9000). The underlying exception's trace is shown only
     * with {@code --debug}.
     */
    public int scriptFailed(QflScriptException e, OutputPrinter printer) {
        printer.diagnostics(e.diagnostics());
        boolean internal = e.diagnostics().stream().anyMatch(d -> DiagnosticCode.INTERNAL.code().equals(d.code()));
        if (debug && e.getCause() != null) {
            console.err().println("cause (--debug):");
            e.getCause().printStackTrace(console.err());
            console.err().flush();
        }
        return internal ? ExitCodes.INTERNAL : ExitCodes.USER_ERROR;
    }

    /**
     * Reports an exception that escaped a command and gives the exit code: a {@link UserError}
     * or library error as one line (1); anything else as an internal error (2), in one line, or
     * with its stack trace under {@code --debug}.
     */
    public int failure(Throwable e) {
        PrintStream err = console.err();
        console.out().flush();
        int code;
        if (e instanceof UserError) {
            err.println("qfl: " + e.getMessage());
            code = ExitCodes.USER_ERROR;
        } else if (e instanceof QflException q) {
            err.println("qfl: error[" + q.code() + "]: " + q.getMessage());
            q.hint().ifPresent(h -> err.println("  = hint: " + h));
            code = ExitCodes.USER_ERROR;
        } else {
            if (debug) {
                err.println("qfl: internal error (a bug in QFL; please report it with this trace):");
                e.printStackTrace(err);
            } else {
                err.println("qfl: internal error: " + describe(e) + " (run with --debug for the trace)");
            }
            code = ExitCodes.INTERNAL;
        }
        err.flush();
        return code;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message.lines().findFirst().orElse("");
    }
}
