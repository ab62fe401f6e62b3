package dev.qfl.cli;

import dev.qfl.repl.Repl;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code qfl repl}: the interactive prompt (also what {@code qfl} alone starts). */
@Command(name = "repl", mixinStandardHelpOptions = true, versionProvider = QflCommand.Version.class, header = "Start the interactive REPL (also: qfl with no command).", description = {"Start the interactive REPL (the default without a command).",
    "With stdin piped, reads statements from it and exits at its end: 0, or 1 if any input had errors."})
final class ReplCommand implements Callable<Integer> {
    @ParentCommand
    QflCommand root;

    @Override
    public Integer call() {
        return new Repl(root.invocation()).run();
    }
}
