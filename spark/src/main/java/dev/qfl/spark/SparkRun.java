package dev.qfl.spark;

import dev.qfl.api.Output;
import dev.qfl.api.QflScriptException;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.Diagnostics;
import dev.qfl.diag.SourceFile;
import dev.qfl.diag.Span;
import dev.qfl.stdlib.table.Table;
import dev.qfl.stdlib.table.TableExporter;
import dev.qfl.stdlib.data.FieldColumns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * The driver's side of a Spark run, after the script was checked: Spark reads the series and
 * repartitions its rows by series id; each partition runs the statements on its series
 * ({@link PartitionTask}); the driver merges every statement's answers into the table one JVM
 * prints, in the same order, then prints and exports them in statement order.
 */
public final class SparkRun {
    /** Series a neural model is trained from on the driver, unless said otherwise. */
    public static final int DEFAULT_TRAIN_SERIES = 10_000;

    private final SparkSession spark;
    private final int partitions;
    private final int trainSeries;

    /** @param partitions how many partitions the series are spread over (0: Spark's default parallelism) */
    public SparkRun(SparkSession spark, int partitions) {
        this(spark, partitions, DEFAULT_TRAIN_SERIES);
    }

    /** @param trainSeries at most how many series (a hash sample) a neural model is trained from on the driver */
    public SparkRun(SparkSession spark, int partitions, int trainSeries) {
        this.spark = spark;
        this.partitions = partitions > 0 ? partitions : spark.sparkContext().defaultParallelism();
        this.trainSeries = trainSeries;
    }

    /** Checks and runs a script; its outputs go to {@code sink} in statement order. */
    public void run(String name, String text, Path folder, Consumer<Output> sink) throws QflScriptException {
        run(SparkScript.analyse(name, text, folder, dev.qfl.stdlib.model.ModelRegistry.standard()), sink);
    }

    void run(SparkScript script, Consumer<Output> sink) throws QflScriptException {
        script.warnings().forEach(w -> sink.accept(new Output.Warning(w)));
        SparkSeriesReader.Read read = SparkSeriesReader.read(spark, script);
        // the rows feed two jobs (the panel's support, then the partitions): read the files once
        Dataset<Row> rows = read.rows().persist(StorageLevel.MEMORY_AND_DISK());
        List<String> notes = new ArrayList<>();
        List<String> trained = new ArrayList<>();
        List<PartitionOutcome> outcomes;
        try {
            SparkScript decided = withSupport(script, rows, notes);
            DriverTraining.Shipped models = DriverTraining.train(spark, decided, rows, read.timeField(),
                    read.valueField(), trainSeries, trained::add);
            Dataset<Row> byId = rows.repartition(partitions, functions.col("id")).sortWithinPartitions("row");
            outcomes = byId.javaRDD()
                    .mapPartitions(new PartitionTask(decided, read.timeField(), read.valueField(), models))
                    .collect();
        } catch (RuntimeException e) {
            throw new QflScriptException(List.of(Diagnostic.error(DiagnosticCode.SPARK_FAILED, script.file(),
                    script.source().declaration(), "a Spark job failed: " + firstLine(e.getMessage()),
                    "see the Spark log for the executor's reason; rerun with --debug for the trace")), e);
        } finally {
            rows.unpersist();
        }
        failure(script, outcomes);
        Map<String, Long> firstRows = new HashMap<>();
        outcomes.forEach(o -> firstRows.putAll(o.firstRows()));
        for (Step step : script.steps()) {
            switch (step.where()) {
                case SOURCE -> {
                    notes.add(0, String.format(java.util.Locale.ROOT, "%s: %,d series read by Spark from %s, in %d partitions",
                            script.source().name(), firstRows.size(), script.source().path(), partitions));
                    notes.forEach(n -> sink.accept(new Output.Message(n)));
                }
                case PARTITIONS -> warnings(step, outcomes, false).forEach(w -> sink.accept(new Output.Warning(w)));
                case TRAIN -> {
                    trained.stream().filter(t -> t.startsWith(step.model() + ": "))
                            .forEach(t -> sink.accept(new Output.Message(t)));
                    warnings(step, outcomes, false).forEach(w -> sink.accept(new Output.Warning(w)));
                }
                case SHOW, EXPORT -> {
                    AnswerMerge.Merged merged = merged(script, step, outcomes, firstRows);
                    if (merged == null) {
                        continue;
                    }
                    warnings(step, outcomes, merged.table().rowCount() > 0).forEach(w -> sink.accept(new Output.Warning(w)));
                    if (step.where() == Step.Where.SHOW) {
                        sink.accept(new Output.TableOutput(merged.label(), merged.table()));
                    } else {
                        sink.accept(new Output.Message(export(script, step, merged.table())));
                    }
                }
            }
        }
    }

    /**
     * One JVM decides whether a panel is non-negative from all its values; partitions see only
     * some series, so the driver decides for the whole panel and tells every partition.
     */
    private SparkScript withSupport(SparkScript script, Dataset<Row> rows, List<String> notes) {
        SeriesSource source = script.source();
        if (source.support() != null) {
            return script;
        }
        Row min = rows.agg(functions.min(functions.expr("try_cast(value as double)"))).first();
        boolean nonNegative = min.isNullAt(0) || min.getDouble(0) >= 0;
        if (nonNegative) {
            notes.add(source.name() + ": all values are >= 0, so it is treated as non-negative (support: real turns this off)");
        }
        return new SparkScript(script.name(), script.text(), script.folder(),
                source.withSupport(nonNegative ? "nonnegative" : "real"), script.steps(), script.warnings());
    }

    private static AnswerMerge.Merged merged(SparkScript script, Step step, List<PartitionOutcome> outcomes,
                                             Map<String, Long> firstRows) throws QflScriptException {
        List<PartitionOutcome.Answer> parts = outcomes.stream().flatMap(o -> o.answers().stream())
                .filter(a -> a.step() == step.index()).toList();
        try {
            return AnswerMerge.merge(parts, firstRows);
        } catch (IllegalStateException e) {
            throw new QflScriptException(List.of(Diagnostic.error(DiagnosticCode.SPARK_ANSWER_NOT_PER_SERIES,
                    script.file(), step.span(), "this answer has no id column, so partitions cannot compute it "
                            + "series by series", "run this statement on one JVM (without --spark)")));
        }
    }

    /**
     * A statement's runtime warnings, each once. A condition that selects nothing in one partition
     * (QF5010) usually selects rows in another: it is shown only when the merged answer is empty.
     */
    private static List<Diagnostic> warnings(Step step, List<PartitionOutcome> outcomes, boolean answered) {
        Set<String> seen = new LinkedHashSet<>();
        List<Diagnostic> shown = new ArrayList<>();
        for (PartitionOutcome o : outcomes) {
            for (PartitionOutcome.Warning w : o.warnings()) {
                if (w.step() != step.index()
                        || answered && w.diagnostic().code().equals(DiagnosticCode.EMPTY_SELECTION.code())) {
                    continue;
                }
                if (seen.add(w.diagnostic().code() + " " + w.diagnostic().message())) {
                    shown.add(w.diagnostic().toDiagnostic());
                }
            }
        }
        return shown;
    }

    /**
     * The first error one JVM would have met: a data error (the lowest line), else the error of
     * the earliest statement.
     */
    private static void failure(SparkScript script, List<PartitionOutcome> outcomes) throws QflScriptException {
        Comparator<WireDiagnostic> order = Comparator
                .comparing((WireDiagnostic d) -> d.source().equals(script.name()))
                .thenComparingInt(WireDiagnostic::line);
        WireDiagnostic first = outcomes.stream().filter(PartitionOutcome::failed).map(o -> o.failure().get(0))
                .min(order).orElse(null);
        if (first == null) {
            return;
        }
        throw new QflScriptException(List.of(quoted(script, first.toDiagnostic())));
    }

    /**
     * A data error as one JVM shows it: partitions know a cell's line and field number; the
     * driver, which can read the line, quotes it and points at the field's first character.
     */
    static Diagnostic quoted(SparkScript script, Diagnostic d) {
        if (d.lineText() != null || d.span() == null || d.source().equals(script.name())) {
            return d;
        }
        String line = dataLine(script, d.span().line());
        if (line == null) {
            return d;
        }
        Span at = d.span();
        return new Diagnostic(d.code(), d.severity(), d.source(), new Span(at.start(), at.end(), at.line(),
                FieldColumns.column(line, at.column() - 1, ',')), line, d.message(), d.hints());
    }

    /** The data file's line, quoted as one JVM quotes it, when the driver can read the file. */
    private static String dataLine(SparkScript script, int line) {
        try (Stream<String> lines = Files.lines(Path.of(script.source().location()))) {
            return lines.skip(line - 1L).findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes a merged answer as one JVM's export does, and says what was written. */
    private static String export(SparkScript script, Step step, Table table) throws QflScriptException {
        Path folder = script.folderPath();
        Path target = folder.resolve(step.exportPath());
        SourceFile file = script.file();
        if (!step.overwrite() && target.toAbsolutePath().normalize().equals(Path.of(script.source().location())
                .toAbsolutePath().normalize())) {
            throw new QflScriptException(List.of(Diagnostic.error(DiagnosticCode.OVERWRITES_DATA, file, step.span(),
                    "export would overwrite \"" + step.exportPath() + "\", a data file this session read",
                    "export to another file, or add overwrite: true to replace it")));
        }
        try {
            if (step.append()) {
                TableExporter.append(table, target);
            } else {
                TableExporter.write(table, target);
            }
        } catch (TableExporter.HeaderMismatch e) {
            throw new QflScriptException(List.of(Diagnostic.error(DiagnosticCode.BAD_EXPORT, file, step.span(),
                    e.getMessage(), "append to a file of the same columns, or export to a new file")));
        } catch (IOException e) {
            throw new QflScriptException(List.of(Diagnostic.error(DiagnosticCode.WRITE_FAILED, file, step.span(),
                    "cannot write " + target + ": " + e.getMessage())));
        }
        return (step.append() ? "appended to " : "wrote ") + Diagnostics.display(target, folder) + " ("
                + table.rowCount() + (table.rowCount() == 1 ? " row)" : " rows)");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
