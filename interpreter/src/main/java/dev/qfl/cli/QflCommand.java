package dev.qfl.cli;

import dev.qfl.api.QflVersion;
import dev.qfl.repl.Repl;
import dev.qfl.terminal.Console;
import dev.qfl.terminal.Invocation;
import dev.qfl.terminal.Verbosity;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code qfl}: the global options, and the REPL when no command is given. */
@Command(name = "qfl", mixinStandardHelpOptions = true, versionProvider = QflCommand.Version.class,
        description = {"QFL, the Quantile Forecast Language: run, check, format and explain forecast",
            "scripts, or explore them at the REPL (started when no command is given)."},
        subcommands = {RunCommand.class, CheckCommand.class, FmtCommand.class, ExplainCommand.class,
            BenchCommand.class, ReplCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  a problem with the script, its data, options or the command line",
            "  2  an internal error in QFL (rerun with --debug for the stack trace)"})
final class QflCommand implements Callable<Integer> {
    private final Console console;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show stack traces of internal errors.")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print only results and errors: no messages, warnings or progress.")
    boolean quiet;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Also print one line per training epoch.")
    boolean verbose;

    @Option(names = "--cache", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Keep trained models in DIR instead of .qfl/models beside each script.")
    java.nio.file.Path cache;

    QflCommand(Console console) {
        this.console = console;
    }

    Invocation invocation() {
        Verbosity v = quiet ? Verbosity.QUIET : verbose ? Verbosity.VERBOSE : Verbosity.NORMAL;
        return new Invocation(console, v, debug, cache);
    }

    /** No command: the REPL. */
    @Override
    public Integer call() {
        return new Repl(invocation()).run();
    }

    /** {@code qfl --version}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"qfl " + QflVersion.get()};
        }
    }
}
