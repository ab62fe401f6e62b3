package dev.qfl.terminal;

import dev.qfl.api.Output;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.DiagnosticRenderer;
import dev.qfl.stdlib.table.TableFormatter;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prints what statements produce as they run: tables and messages to stdout, warnings and
 * diagnostics to stderr. A blank line sets each table apart from whatever came before and after
 * it, while consecutive messages stay together, so a script's output reads as a sequence of
 * answers.
 */
public final class OutputPrinter implements Consumer<Output> {
    private enum Last { NOTHING, MESSAGE, TABLE }

    private final PrintStream out;
    private final PrintStream err;
    private final DiagnosticRenderer renderer;
    private final Verbosity verbosity;
    private final boolean labelTables;
    private final ProgressLine progress;
    private final TableFormatter tables = TableFormatter.standard();
    private Last last = Last.NOTHING;

    /**
     * @param labelTables whether each table is headed by the statement that produced it, as
     *                    {@code # quantile(...)} (useful in a script's output; the REPL's user
     *                    has just typed it)
     * @param progress    the progress bar to erase before printing, or null
     */
    public OutputPrinter(PrintStream out, PrintStream err, DiagnosticRenderer renderer, Verbosity verbosity,
                         boolean labelTables, ProgressLine progress) {
        this.out = out;
        this.err = err;
        this.renderer = renderer;
        this.verbosity = verbosity;
        this.labelTables = labelTables;
        this.progress = progress;
    }

    @Override
    public void accept(Output output) {
        clearProgress();
        if (output instanceof Output.TableOutput t) {
            if (last != Last.NOTHING) {
                out.println();
            }
            if (labelTables) {
                out.println("# " + t.label());
            }
            out.print(tables.render(t.table()));
            last = Last.TABLE;
        } else if (output instanceof Output.Message m) {
            if (verbosity.quiet()) {
                return;
            }
            if (last == Last.TABLE) {
                out.println();
            }
            out.println(m.text());
            last = Last.MESSAGE;
        } else if (output instanceof Output.Warning w) {
            if (!verbosity.quiet()) {
                out.flush();
                err.print(renderer.render(w.diagnostic()));
                err.flush();
            }
        }
        out.flush();
    }

    /** Errors (and the warnings that came with them) on stderr. */
    public void diagnostics(List<Diagnostic> diagnostics) {
        clearProgress();
        out.flush();
        for (Diagnostic d : diagnostics) {
            if (d.isError() || !verbosity.quiet()) {
                err.print(renderer.render(d));
            }
        }
        err.flush();
    }

    private void clearProgress() {
        if (progress != null) {
            progress.clear();
        }
    }
}
