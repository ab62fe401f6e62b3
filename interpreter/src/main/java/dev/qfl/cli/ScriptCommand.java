package dev.qfl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import dev.qfl.terminal.Invocation;
import dev.qfl.terminal.ScriptFile;
import dev.qfl.terminal.UserError;

/** A command that works on one script file: reads it, then hands it on with the invocation's settings. */
abstract class ScriptCommand implements Callable<Integer> {
    @ParentCommand
    QflCommand root;

    @Parameters(paramLabel = "FILE", description = "the script")
    String file;

    @Override
    public final Integer call() throws UserError {
        return run(ScriptFile.read(file), root.invocation());
    }

    /** The command's work on the read script; returns the exit code. */
    abstract int run(ScriptFile script, Invocation inv) throws UserError;
}
