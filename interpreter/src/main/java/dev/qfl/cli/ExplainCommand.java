package dev.qfl.cli;

import dev.qfl.api.QflScriptException;
import dev.qfl.terminal.ExitCodes;
import dev.qfl.terminal.Invocation;
import dev.qfl.terminal.ScriptFile;
import dev.qfl.terminal.UserError;
import picocli.CommandLine.Command;

/** {@code qfl explain FILE}: the plan of loads, fits and inferences, without running anything. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = QflCommand.Version.class, header = "Print the plan of a script without running it.", description = {"Print the plan of a script: which data is read, which models are trained",
    "or taken from the cache, and the one batched inference per model serving its queries. Nothing runs."})
final class ExplainCommand extends ScriptCommand {
    @Override
    int run(ScriptFile script, Invocation inv) throws UserError {
        try {
            inv.console().out().print(inv.engine(null).explain(script.name(), script.text(), script.folder()).render());
            inv.console().out().flush();
            return ExitCodes.OK;
        } catch (QflScriptException e) {
            return inv.scriptFailed(e, inv.printer(null));
        }
    }
}
