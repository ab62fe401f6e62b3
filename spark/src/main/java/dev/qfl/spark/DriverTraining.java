package dev.qfl.spark;

import dev.qfl.api.QflScriptException;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.DiagnosticException;
import dev.qfl.diag.Diagnostics;
import dev.qfl.eval.Interpreter;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.LoadedPanel;
import dev.qfl.stdlib.io.FileAccess;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.Reporter;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Global neural models of a Spark run: each is trained once, on the driver, from a sample of the
 * panel's series, saved to a model file and shipped to the executors with
 * {@code SparkContext.addFile}; every partition then loads that file in the declaration's place
 * ({@code load(...)} semantics), so all partitions answer with one network.
 *
 * <p>The sample is whole series chosen by a hash of their id (deterministic, independent of the
 * partitioning), all series when there are at most {@code sampleSeries}. Training then draws
 * windows uniformly over the sampled series and origins, as one JVM does over all of them: with
 * every series sampled the training data is one JVM's exactly; with a subset it is the same
 * distribution restricted to a uniform random subset of series.
 */
final class DriverTraining {
    /** Rows of a training sample the driver may hold (QF5042 beyond). */
    static final long DEFAULT_MAX_ROWS = 5_000_000L;

    private DriverTraining() {
    }

    /** Which model file each TRAIN step's partitions load (by step index), as names for {@code SparkFiles.get}. */
    static final class Shipped extends HashMap<Integer, String> implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    static Shipped train(SparkSession spark, SparkScript script, Dataset<Row> rows, CsvFields fields,
                         int sampleSeries, Consumer<String> note) throws QflScriptException {
        Shipped shipped = new Shipped();
        List<Step> trains = script.steps().stream().filter(s -> s.where() == Step.Where.TRAIN).toList();
        if (trains.isEmpty()) {
            return shipped;
        }
        long series = rows.select("id").distinct().count();
        long buckets = Math.max(1, (series + sampleSeries - 1) / sampleSeries);
        Dataset<Row> sample = buckets == 1 ? rows : rows.where(functions.expr("pmod(xxhash64(id), " + buckets + ") = 0"));
        long sampleRows = sample.count();
        Step first = trains.get(0);
        if (sampleRows > DEFAULT_MAX_ROWS) {
            throw new QflScriptException(List.of(Diagnostic.error(DiagnosticCode.SPARK_NEURAL_TRAINING, script.file(),
                    first.span(), String.format(Locale.ROOT, "the training sample for %s has %,d rows, more than the "
                            + "driver may hold (%,d)", first.model(), sampleRows, DEFAULT_MAX_ROWS),
                    "sample fewer series with --train-series N")));
        }
        java.util.Map<String, Long> firstRows = new HashMap<>();
        LoadedPanel panel;
        try {
            panel = PartitionPanel.build(script.source(), fields,
                    sample.orderBy("row").collectAsList().iterator(), firstRows);
        } catch (QflException e) {
            Diagnostic d = Diagnostics.fromLibrary(e, script.file(), script.source().declaration(), script.folderPath());
            throw new QflScriptException(List.of(SparkRun.quoted(script, d)), e);
        }
        try {
            Path dir = Files.createTempDirectory("qfl-spark-train");
            try (Interpreter interpreter = new Interpreter(ModelRegistry.standard(), script.folderPath(),
                    dir.resolve("cache"), Reporter.silent(), FileAccess.unrestricted())) {
                interpreter.bind(panel.panel());
                for (Step step : trains) {
                    Path file = dir.resolve(step.model() + ".qflm");
                    long started = System.nanoTime();
                    run(interpreter, script, step, step.partitionText());
                    run(interpreter, script, step, Step.replaced(script.text(), step.start(), "fit " + step.model()));
                    run(interpreter, script, step, Step.replaced(script.text(), step.start(),
                            "save " + step.model() + " to \"" + file.toString().replace("\\", "/") + "\""));
                    spark.sparkContext().addFile(file.toString());
                    shipped.put(step.index(), file.getFileName().toString());
                    note.accept(String.format(Locale.ROOT, "%s: trained on the driver from %,d of %,d series "
                                    + "(%,d rows) in %.1f s, shipped to the executors as a model file",
                            step.model(), firstRows.size(), series, sampleRows, (System.nanoTime() - started) / 1e9));
                }
            }
        } catch (IOException e) {
            throw new QflScriptException(List.of(Diagnostic.error(DiagnosticCode.WRITE_FAILED, script.file(),
                    first.span(), "cannot write the trained model for the executors: " + e.getMessage())), e);
        }
        return shipped;
    }

    /** Runs one statement on the driver; its diagnostics quote the declaration's own line. */
    private static void run(Interpreter interpreter, SparkScript script, Step step, String text)
            throws QflScriptException {
        try {
            interpreter.evaluate(script.name(), text, dev.qfl.api.Output.into(output -> { }));
        } catch (DiagnosticException e) {
            throw new QflScriptException(e.diagnostics().stream().map(d -> d.span() == null
                    || !d.source().equals(script.name()) ? d : new Diagnostic(d.code(), d.severity(), d.source(),
                    d.span(), script.file().line(d.span().line()), d.message(), d.hints())).toList(), e);
        } catch (RuntimeException | Error e) {
            throw new QflScriptException(Interpreter.failure(e, script.file(), step.span(),
                    "training " + step.model() + " on the driver").diagnostics(), e);
        }
    }
}
