package dev.qfl.cli;

import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.terminal.Console;
import dev.qfl.terminal.ExitCodes;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code qfl} command line. {@link #run} does everything and returns the exit code, so tests
 * and tools can call it in-process with their own streams; only {@link #main} exits the JVM.
 *
 * <p>Exit codes: 0 success; 1 a problem the user can fix (script, data, options, a missing file,
 * bad usage); 2 an internal error, reported in one line unless {@code --debug} asks for the trace.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: tables and messages use a few non-ASCII characters (—, …, ←)
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), true,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // whatever else prints (a benchmark, a library) goes through the same streams, in order
        System.setOut(out);
        System.setErr(err);
        int code = run(args, Console.of(System.in, out, err, true, System.getenv()));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs {@code qfl} with the given arguments and streams (never terminals: no colour, no
     * progress bars, and the REPL reads statements from {@code in} line by line).
     *
     * @return the exit code
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, Console.of(in, out, err, false, Map.of()));
    }

    static int run(String[] args, Console console) {
        PrintStream out = console.out();
        PrintStream err = console.err();
        QflCommand root = new QflCommand(console);
        CommandLine cl = new CommandLine(root);
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        // everything after a benchmark's name belongs to the benchmark, options included
        cl.getSubcommands().get("bench").setStopAtPositional(true).setUnmatchedOptionsArePositionalParams(true);
        cl.setParameterExceptionHandler((e, arguments) -> {
            CommandLine command = e.getCommandLine();
            err.println("qfl: " + usageProblem(e, command == cl));
            err.println("run '" + command.getCommandSpec().qualifiedName() + " --help' for the options");
            err.flush();
            return ExitCodes.USER_ERROR;
        });
        cl.setExecutionExceptionHandler((e, command, parsed) -> failure(root, e));
        try {
            return cl.execute(args);
        } catch (RuntimeException | Error e) {
            // picocli's handlers failing themselves; still no trace without --debug
            return failure(root, e);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * A failure that escaped a command. Scripts' own failures arrive as diagnostics; what is left
     * here happened outside a script (reading a huge file, a benchmark). Running out of memory is
     * a resource limit the user can lift (exit 1, QF9001), not a bug; the rest is reported by
     * {@link Invocation#failure}.
     */
    private static int failure(QflCommand root, Throwable e) {
        if (e instanceof OutOfMemoryError) {
            PrintStream err = root.invocation().console().err();
            err.println("qfl: error[" + DiagnosticCode.OUT_OF_MEMORY.code() + "]: QFL ran out of memory ("
                    + e.getMessage() + ")");
            err.println("  = hint: give Java more memory, e.g. QFL_JAVA_OPTS=-Xmx4g");
            err.flush();
            return ExitCodes.USER_ERROR;
        }
        return root.invocation().failure(e);
    }

    /** Picocli's message, except that a stray word where a command belongs is named as such. */
    private static String usageProblem(CommandLine.ParameterException e, boolean atRoot) {
        if (atRoot && e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "'; the commands are: "
                    + String.join(", ", e.getCommandLine().getSubcommands().keySet());
        }
        return e.getMessage();
    }
}
