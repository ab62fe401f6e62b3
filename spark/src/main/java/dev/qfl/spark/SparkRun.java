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
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
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

    /**
     * Checks and runs a script, keeping every answer in Spark: the answers come back as
     * DataFrames over the partitions' rows, never collected on the driver; exports are written as
     * in {@link #run}; messages and warnings go to {@code sink}. Close the result to release the
     * answer rows cached on the executors.
     */
    public AnswerFrames answers(String name, String text, Path folder, Consumer<Output> sink)
            throws QflScriptException {
        return execute(SparkScript.analyse(name, text, folder, dev.qfl.stdlib.model.ModelRegistry.standard()), sink,
                true);
    }

    void run(SparkScript script, Consumer<Output> sink) throws QflScriptException {
        execute(script, sink, false).close();
    }

    /**
     * Runs a checked script. The partition job yields each partition's outcome and the rows of
     * the answers that stay in Spark; it is cached, so the driver collects the outcomes (small)
     * and then writes or frames the kept answers without running the partitions again.
     *
     * @param framed whether every answer stays in Spark (for {@link #answers}); else only the
     *               exports the partitions write
     */
    private AnswerFrames execute(SparkScript script, Consumer<Output> sink, boolean framed) throws QflScriptException {
        script.warnings().forEach(w -> sink.accept(new Output.Warning(w)));
        SparkSeriesReader.Read read = SparkSeriesReader.read(spark, script);
        // the rows feed two jobs (the panel's support, then the partitions): read the files once
        Dataset<Row> rows = read.rows().persist(StorageLevel.MEMORY_AND_DISK());
        Set<Integer> kept = new HashSet<>();
        for (Step step : script.steps()) {
            if (PartitionExport.writtenByPartitions(step) || framed && step.where() == Step.Where.SHOW) {
                kept.add(step.index());
            }
        }
        List<String> notes = new ArrayList<>();
        List<String> trained = new ArrayList<>();
        JavaRDD<PartitionItem> items = null;
        List<PartitionOutcome> outcomes;
        try {
            PanelDecisions.checkRows(script, rows);
            SparkScript decided = PanelDecisions.withOrigin(PanelDecisions.withSupport(script, rows, notes), rows,
                    read.fields());
            DriverTraining.Shipped models = DriverTraining.train(spark, decided, rows, read.fields(), trainSeries,
                    trained::add);
            Dataset<Row> byId = rows.repartition(partitions, functions.col("id")).sortWithinPartitions("row");
            items = byId.javaRDD()
                    .mapPartitions(new PartitionTask(decided, read.fields(), models, kept))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            outcomes = items.filter(i -> i instanceof PartitionOutcome).map(i -> (PartitionOutcome) i).collect();
        } catch (QflScriptException e) {
            DriverQuery.delete(read.temporary());
            throw e;
        } catch (RuntimeException e) {
            unpersist(items);
            DriverQuery.delete(read.temporary());
            throw new QflScriptException(List.of(Diagnostic.error(DiagnosticCode.SPARK_FAILED, script.file(),
                    script.source().declaration(), "a Spark job failed: " + firstLine(e.getMessage()),
                    "see the Spark log for the executor's reason; rerun with --debug for the trace")), e);
        } finally {
            rows.unpersist();
        }
        JavaRDD<PartitionItem> answered = items;
        Runnable release = () -> {
            unpersist(answered);
            DriverQuery.delete(read.temporary());
        };
        try {
            List<AnswerFrames.Frame> frames = answer(script, sink, items, outcomes, kept, notes, trained, framed);
            if (!framed) {
                release.run();
            }
            return new AnswerFrames(frames, framed ? release : () -> { });
        } catch (QflScriptException | RuntimeException e) {
            release.run();
            throw e;
        }
    }

    /** Reports, prints, exports and frames the statements' answers in statement order. */
    private List<AnswerFrames.Frame> answer(SparkScript script, Consumer<Output> sink, JavaRDD<PartitionItem> items,
                                            List<PartitionOutcome> outcomes, Set<Integer> kept, List<String> notes,
                                            List<String> trained, boolean framed) throws QflScriptException {
        failure(script, outcomes);
        Map<String, Long> firstRows = new HashMap<>();
        outcomes.forEach(o -> firstRows.putAll(o.firstRows()));
        List<AnswerFrames.Frame> frames = new ArrayList<>();
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
                    if (kept.contains(step.index())) {
                        kept(script, step, sink, items, outcomes, framed).ifPresent(frames::add);
                        continue;
                    }
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
                    if (framed) {
                        frames.add(new AnswerFrames.Frame(step.line(), merged.label(),
                                SparkAnswers.toDataFrame(spark, merged.table())));
                    }
                }
            }
        }
        return frames;
    }

    /**
     * A statement whose answer stayed in Spark: written from the partitions when it is an export,
     * and framed when the host asked for frames.
     */
    private java.util.Optional<AnswerFrames.Frame> kept(SparkScript script, Step step, Consumer<Output> sink,
                                                        JavaRDD<PartitionItem> items, List<PartitionOutcome> outcomes,
                                                        boolean framed) throws QflScriptException {
        List<PartitionOutcome.Answer> parts = parts(step, outcomes);
        if (parts.stream().anyMatch(a -> !a.columnNames().contains("id"))) {
            merged(script, step, outcomes, Map.of());   // raises QF5044, as for a collected answer
        }
        AnswerFrames.Shape shape = AnswerFrames.Shape.of(parts).orElse(null);
        if (shape == null) {
            return java.util.Optional.empty();
        }
        warnings(step, outcomes, shape.rows() > 0).forEach(w -> sink.accept(new Output.Warning(w)));
        if (step.where() == Step.Where.EXPORT) {
            Path target = target(script, step);
            try {
                PartitionExport.write(spark, items, step.index(), shape, target, partitions);
            } catch (IOException e) {
                throw new QflScriptException(List.of(Diagnostic.error(DiagnosticCode.WRITE_FAILED, script.file(),
                        step.span(), "cannot write " + target + ": " + e.getMessage())), e);
            }
            sink.accept(new Output.Message(wrote(false, target, script.folderPath(), shape.rows())));
        }
        if (!framed) {
            return java.util.Optional.empty();
        }
        Dataset<Row> frame = AnswerFrames.sortedWithKey(spark, items, step.index(), shape, partitions, false)
                .drop(AnswerFrames.FIRST_ROW, AnswerFrames.POSITION);
        return java.util.Optional.of(new AnswerFrames.Frame(step.line(), shape.label(), frame));
    }

    private static List<PartitionOutcome.Answer> parts(Step step, List<PartitionOutcome> outcomes) {
        return outcomes.stream().flatMap(o -> o.answers().stream()).filter(a -> a.step() == step.index()).toList();
    }

    private static void unpersist(JavaRDD<PartitionItem> items) {
        if (items != null) {
            items.unpersist(false);
        }
    }

    private static AnswerMerge.Merged merged(SparkScript script, Step step, List<PartitionOutcome> outcomes,
                                             Map<String, Long> firstRows) throws QflScriptException {
        try {
            return AnswerMerge.merge(parts(step, outcomes), firstRows);
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
                FieldColumns.column(line, at.column() - 1, script.source().shape().delimiter())), line, d.message(), d.hints());
    }

    /** The data file's line, quoted as one JVM quotes it, when the driver can read the file. */
    private static String dataLine(SparkScript script, int line) {
        try (Stream<String> lines = Files.lines(Path.of(script.source().location()))) {
            return lines.skip(line - 1L).findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Where an export writes, refused when it would replace the data file this run reads (unless
     * {@code overwrite: true}), as one JVM refuses it.
     */
    private static Path target(SparkScript script, Step step) throws QflScriptException {
        Path target = script.folderPath().resolve(step.exportPath());
        if (!step.overwrite() && target.toAbsolutePath().normalize().equals(Path.of(script.source().location())
                .toAbsolutePath().normalize())) {
            throw new QflScriptException(List.of(Diagnostic.error(DiagnosticCode.OVERWRITES_DATA, script.file(),
                    step.span(), "export would overwrite \"" + step.exportPath() + "\", a data file this session read",
                    "export to another file, or add overwrite: true to replace it")));
        }
        return target;
    }

    /** Writes a merged answer as one JVM's export does, and says what was written. */
    private static String export(SparkScript script, Step step, Table table) throws QflScriptException {
        Path target = target(script, step);
        SourceFile file = script.file();
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
        return wrote(step.append(), target, script.folderPath(), table.rowCount());
    }

    private static String wrote(boolean appended, Path target, Path folder, long rows) {
        return (appended ? "appended to " : "wrote ") + Diagnostics.display(target, folder) + " ("
                + rows + (rows == 1 ? " row)" : " rows)");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
