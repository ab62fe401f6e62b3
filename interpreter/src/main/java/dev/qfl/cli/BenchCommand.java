package dev.qfl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import dev.qfl.terminal.Console;
import dev.qfl.terminal.ExitCodes;

/** {@code qfl bench NAME [ARGS...]}: runs one of the benchmarks; arguments after NAME go to it. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = QflCommand.Version.class, header = "Run a benchmark.", description = {"Run a benchmark; arguments after NAME are passed to it.",
    "Run 'qfl bench' without a name to list them."})
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    QflCommand root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "the benchmark")
    String name;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ARGS", description = "arguments for the benchmark")
    List<String> args = new ArrayList<>();

    private final Benchmarks benchmarks = Benchmarks.standard();

    @Override
    public Integer call() throws Exception {
        Console c = root.invocation().console();
        if (name == null) {
            c.err().print("qfl: bench needs the name of a benchmark:\n" + benchmarks.list());
            return ExitCodes.USER_ERROR;
        }
        Optional<Benchmarks.Entry> entry = benchmarks.find(name);
        if (entry.isEmpty()) {
            c.err().print("qfl: unknown benchmark '" + name + "'; the benchmarks are:\n" + benchmarks.list());
            return ExitCodes.USER_ERROR;
        }
        c.out().flush();
        entry.get().entryPoint().run(args.toArray(String[]::new));
        return ExitCodes.OK;
    }
}
