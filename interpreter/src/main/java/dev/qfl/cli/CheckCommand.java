package dev.qfl.cli;

import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.Severity;
import dev.qfl.terminal.Console;
import dev.qfl.terminal.ExitCodes;
import dev.qfl.terminal.Invocation;
import dev.qfl.terminal.ScriptFile;
import dev.qfl.terminal.UserError;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qfl check FILE}: every error a script has, without training anything (for CI). */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = QflCommand.Version.class, header = "Check a script and its data without training (for CI).", description = {"Parse and check a script and read its data, without training.",
    "Exits 1 when there are errors (warnings alone pass)."})
final class CheckCommand extends ScriptCommand {
    enum Format { text, json }

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (diagnostics on stderr, the default) or json (one document on stdout)")
    Format format;

    @Override
    int run(ScriptFile script, Invocation inv) throws UserError {
        List<Diagnostic> diagnostics = inv.engine(null).check(script.name(), script.text(), script.folder());
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
        Console c = inv.console();
        if (format == Format.json) {
            c.out().print(DiagnosticJson.render(script.name(), diagnostics));
            c.out().flush();
        } else {
            inv.printer(null).diagnostics(diagnostics);
            if (errors > 0) {
                c.err().println(script.name() + ": " + count(errors, "error") + (warnings > 0 ? ", "
                        + count(warnings, "warning") : ""));
            } else if (!inv.verbosity().quiet()) {
                c.out().println(script.name() + ": ok" + (warnings > 0 ? " (" + count(warnings, "warning") + ")" : ""));
            }
            c.out().flush();
            c.err().flush();
        }
        return errors > 0 ? ExitCodes.USER_ERROR : ExitCodes.OK;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
