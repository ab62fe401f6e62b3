package dev.qfl.cli;

import dev.qfl.api.QflScriptException;
import dev.qfl.stdlib.io.AtomicFiles;
import dev.qfl.terminal.Console;
import dev.qfl.terminal.ExitCodes;
import dev.qfl.terminal.Invocation;
import dev.qfl.terminal.ScriptFile;
import dev.qfl.terminal.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qfl fmt FILE}: the script in canonical layout, printed or written back. */
@Command(name = "fmt", mixinStandardHelpOptions = true, versionProvider = QflCommand.Version.class, header = "Print or rewrite a script in canonical layout.", description = {"Print a script in canonical layout (comments kept).",
    "Only scripts that parse are formatted; syntax errors are reported instead."})
final class FmtCommand extends ScriptCommand {
    @Option(names = "--write", description = "Rewrite FILE in place (atomically, and only when the layout changes).")
    boolean write;

    @Option(names = "--check", description = "Change nothing; exit 1 when FILE is not in canonical layout.")
    boolean check;

    @Override
    int run(ScriptFile script, Invocation inv) throws UserError {
        Console c = inv.console();
        String formatted;
        try {
            formatted = inv.engine(null).format(script.name(), script.text());
        } catch (QflScriptException e) {
            return inv.scriptFailed(e, inv.printer(null));
        }
        boolean changed = !formatted.equals(script.text());
        if (check) {
            if (changed) {
                c.err().println(script.name() + " is not formatted; qfl fmt --write " + script.name() + " fixes it");
                c.err().flush();
                return ExitCodes.USER_ERROR;
            }
            return ExitCodes.OK;
        }
        if (!write) {
            c.out().print(formatted);
            c.out().flush();
            return ExitCodes.OK;
        }
        if (changed) {
            try {
                AtomicFiles.write(script.path(), formatted.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UserError("cannot write " + script.name() + ": " + e.getMessage());
            }
        }
        if (!inv.verbosity().quiet()) {
            c.out().println(changed ? "formatted " + script.name() : script.name() + " is already formatted");
            c.out().flush();
        }
        return ExitCodes.OK;
    }
}
