package dev.qfl.spark;

import dev.qfl.api.QflScriptException;
import dev.qfl.terminal.OutputPrinter;
import dev.qfl.terminal.ScriptFile;
import dev.qfl.terminal.UserError;
import dev.qfl.terminal.Verbosity;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.DiagnosticRenderer;
import dev.qfl.stdlib.model.ModelRegistry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * {@code qfl run --spark MASTER FILE} and {@code qfl explain --spark MASTER FILE}: the command line
 * of a Spark run (the launcher starts this class when {@code --spark} is given; {@code spark-submit}
 * starts it with {@code run FILE}). The script is checked before Spark starts, so a bad script
 * costs no cluster time and fails with its usual diagnostics. Exit codes are the CLI's: 0 done,
 * 1 an error in the script, its data or the Spark settings, 2 a fault of QFL itself.
 */
public final class SparkMain {
    private SparkMain() {
    }

    /** Parsed arguments: the command, the master (null under spark-submit), partitions, the file. */
    record Args(String command, String master, int partitions, int trainSeries, boolean quiet, boolean debug,
                String file) {
        static Args parse(String[] args) throws UserError {
            List<String> rest = new ArrayList<>();
            String master = null;
            int partitions = 0;
            int trainSeries = SparkRun.DEFAULT_TRAIN_SERIES;
            boolean quiet = false;
            boolean debug = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--spark" -> master = value(args, ++i, "--spark", "a master such as local[2]");
                    case "--partitions" -> partitions = count(value(args, ++i, "--partitions", "a number"));
                    case "--train-series" -> trainSeries = count(value(args, ++i, "--train-series", "a number"));
                    case "-q", "--quiet" -> quiet = true;
                    case "--debug" -> debug = true;
                    default -> {
                        if (args[i].startsWith("--spark=")) {
                            master = args[i].substring("--spark=".length());
                        } else if (args[i].startsWith("-")) {
                            throw new UserError("unknown option " + args[i] + " for a Spark run "
                                    + "(options: --spark MASTER, --partitions N, --train-series N, --quiet, --debug)");
                        } else {
                            rest.add(args[i]);
                        }
                    }
                }
            }
            if (rest.size() != 2 || !List.of("run", "explain").contains(rest.get(0))) {
                throw new UserError("usage: qfl run --spark MASTER FILE, or qfl explain --spark MASTER FILE");
            }
            return new Args(rest.get(0), master, partitions, trainSeries, quiet, debug, rest.get(1));
        }

        private static String value(String[] args, int i, String option, String what) throws UserError {
            if (i >= args.length || args[i].startsWith("-")) {
                throw new UserError(option + " needs " + what);
            }
            return args[i];
        }

        private static int count(String text) throws UserError {
            try {
                int n = Integer.parseInt(text);
                if (n >= 1 && n <= 100_000) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UserError("--partitions and --train-series take a whole number from 1 to 100000, not " + text);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, master -> SparkSessions.start(master, "qfl")));
    }

    /**
     * Runs a command line; returns the exit code.
     *
     * @param starter starts Spark on a master (null under spark-submit); called only once the
     *                script has passed every check
     */
    public static int run(String[] argv, PrintStream out, PrintStream err, Function<String, SparkSession> starter) {
        Args args;
        ScriptFile script;
        try {
            args = Args.parse(argv);
            script = ScriptFile.read(args.file());
        } catch (UserError e) {
            err.println("qfl: " + e.getMessage());
            return 1;
        }
        OutputPrinter printer = new OutputPrinter(out, err, DiagnosticRenderer.plain(),
                args.quiet() ? Verbosity.QUIET : Verbosity.NORMAL, true, null);
        SparkScript checked;
        try {
            checked = SparkScript.analyse(script.name(), script.text(), script.folder(), ModelRegistry.standard());
        } catch (QflScriptException e) {
            return failed(e, printer, args.debug(), err);
        }
        if (args.command().equals("explain")) {
            out.print(SparkExplain.describe(checked));
            out.flush();
            return 0;
        }
        SparkSession spark;
        try {
            spark = starter.apply(args.master());
        } catch (RuntimeException e) {
            err.println("qfl: error[" + DiagnosticCode.SPARK_FAILED.code() + "]: Spark could not start on "
                    + args.master() + ": " + e.getMessage());
            if (args.debug()) {
                e.printStackTrace(err);
            }
            return 1;
        }
        try {
            new SparkRun(spark, args.partitions(), args.trainSeries()).run(checked, printer);
            return 0;
        } catch (QflScriptException e) {
            return failed(e, printer, args.debug(), err);
        } finally {
            spark.stop();
        }
    }

    private static int failed(QflScriptException e, OutputPrinter printer, boolean debug, PrintStream err) {
        printer.diagnostics(e.diagnostics());
        if (debug && e.getCause() != null) {
            e.getCause().printStackTrace(err);
        }
        boolean internal = e.diagnostics().stream().anyMatch(d -> DiagnosticCode.INTERNAL.code().equals(d.code()));
        return internal ? 2 : 1;
    }
}
