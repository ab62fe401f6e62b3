package dev.qfl.cli;

import dev.qfl.api.QflScriptException;
import dev.qfl.api.QflSession;
import dev.qfl.terminal.ExitCodes;
import dev.qfl.terminal.Invocation;
import dev.qfl.terminal.OutputPrinter;
import dev.qfl.terminal.ProgressLine;
import dev.qfl.terminal.ScriptFile;
import dev.qfl.terminal.UserError;
import picocli.CommandLine.Command;

/** {@code qfl run FILE}: runs a script, printing each answer as its statement finishes. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = QflCommand.Version.class, header = "Run a script.", description = {"Run a script. Tables and messages go to stdout as statements finish;",
    "diagnostics and warnings go to stderr. Relative paths resolve against the script's folder."})
final class RunCommand extends ScriptCommand {
    @Override
    int run(ScriptFile script, Invocation inv) throws UserError {
        ProgressLine progress = inv.progressLine();
        OutputPrinter printer = inv.printer(progress);
        try (QflSession session = inv.engine(progress).openSession(script.folder())) {
            session.evaluate(script.name(), script.text(), printer);
            return ExitCodes.OK;
        } catch (QflScriptException e) {
            return inv.scriptFailed(e, printer);
        }
    }
}
