package dev.qfl.terminal;

import dev.qfl.stdlib.model.Reporter;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress and library notices for the command line and the REPL: notices and warnings
 * on stderr; per epoch a progress bar when stderr is a terminal, a line per epoch with
 * {@code --verbose}, and nothing otherwise (the fit's summary line comes with the results).
 */
public final class CliReporter implements Reporter {
    private final PrintStream err;
    private final Verbosity verbosity;
    private final ProgressLine progress;

    /** @param progress the terminal's progress line, or null when stderr is not a terminal */
    public CliReporter(PrintStream err, Verbosity verbosity, ProgressLine progress) {
        this.err = err;
        this.verbosity = verbosity;
        this.progress = progress;
    }

    @Override
    public void info(String message) {
        line(message);
    }

    @Override
    public void warn(String message) {
        line("warning: " + message);
    }

    private void line(String text) {
        if (verbosity.quiet()) {
            return;
        }
        if (progress != null) {
            progress.clear();
        }
        err.println(text);
        err.flush();
    }

    @Override
    public void epoch(EpochReport report) {
        if (verbosity.quiet()) {
            return;
        }
        if (progress != null) {
            progress.show(report);
        } else if (verbosity == Verbosity.VERBOSE) {
            err.println(String.format(Locale.ROOT, "fit %s: epoch %d/%d, training loss %.5f%s (%.1f s)", report.model(),
                    report.epoch(), report.epochs(), report.trainLoss(), Double.isNaN(report.validationLoss()) ? ""
                            : String.format(Locale.ROOT, ", validation loss %.5f", report.validationLoss()),
                    report.elapsedMillis() / 1000.0));
            err.flush();
        }
    }
}
