package dev.qfl.spark;

import dev.qfl.api.Output;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.DiagnosticException;
import dev.qfl.diag.Diagnostics;
import dev.qfl.eval.Interpreter;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.LoadedPanel;
import dev.qfl.stdlib.io.FileAccess;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.stdlib.model.Reporter;
import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.Table;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * The work of one partition: its rows (id, time, value, row number; sorted by row number) become
 * a panel exactly as one JVM assembles it, bound to the script's series name in a fresh
 * interpreter, which then runs the script's statements one by one. Nothing escapes as an
 * exception: a data error or a failing statement comes back as diagnostics in the outcome, so
 * the driver reports it like one JVM would, never as an executor stack trace.
 */
final class PartitionTask implements FlatMapFunction<Iterator<Row>, PartitionItem>, Serializable {
    private static final long serialVersionUID = 1L;

    private final SparkScript script;
    /** Field numbers of the time, value and key columns in a CSV file, for positions. */
    private final CsvFields fields;

    /** The model file each TRAIN step loads, by step index (names for {@code SparkFiles.get}). */
    private final Map<Integer, String> shipped;

    /** The statements whose answer rows stay in Spark (written from the partitions, or a host's DataFrames). */
    private final Set<Integer> kept;

    PartitionTask(SparkScript script, CsvFields fields, Map<Integer, String> shipped) {
        this(script, fields, shipped, Set.of());
    }

    PartitionTask(SparkScript script, CsvFields fields, Map<Integer, String> shipped, Set<Integer> kept) {
        this.script = script;
        this.fields = fields;
        this.shipped = shipped;
        this.kept = Set.copyOf(kept);
    }

    /** What the partition runs for a step: its text, or for a trained model the load of its shipped file. */
    private String text(Step step) {
        if (step.where() != Step.Where.TRAIN) {
            return step.partitionText();
        }
        String file = org.apache.spark.SparkFiles.get(shipped.get(step.index())).replace("\\", "/");
        return Step.replaced(script.text(), step.start(),
                "model " + step.model() + " = load(\"" + file + "\", " + script.source().name() + ")");
    }

    @Override
    public Iterator<PartitionItem> call(Iterator<Row> rows) {
        if (!rows.hasNext()) {
            return Collections.emptyIterator();
        }
        TaskContext task = TaskContext.get();
        List<AnswerRow> keptRows = new ArrayList<>();
        PartitionOutcome outcome = run(task == null ? 0 : task.partitionId(), rows, keptRows);
        List<PartitionItem> items = new ArrayList<>(keptRows.size() + 1);
        items.add(outcome);
        if (!outcome.failed()) {
            items.addAll(keptRows);
        }
        return items.iterator();
    }

    /** Runs the script on these rows; every answer comes back in the outcome (the tests use this without Spark). */
    PartitionOutcome run(int partition, Iterator<Row> rows) {
        return run(partition, rows, new ArrayList<>());
    }

    /** Runs the script on these rows; the rows of the kept statements' answers go to {@code keptRows}. */
    private PartitionOutcome run(int partition, Iterator<Row> rows, List<AnswerRow> keptRows) {
        SeriesSource source = script.source();
        Map<String, Long> firstRows = new LinkedHashMap<>();
        List<PartitionOutcome.Answer> answers = new ArrayList<>();
        List<PartitionOutcome.Warning> warnings = new ArrayList<>();
        LoadedPanel loaded;
        try (KeyedSource keyed = KeyedSource.open(source)) {
            loaded = PartitionPanel.build(script.source(), fields, rows, firstRows, keyed);
            return run(partition, loaded, keyed, firstRows, keptRows);
        } catch (QflException e) {
            Diagnostic d = Diagnostics.fromLibrary(e, script.file(), source.declaration(), script.folderPath());
            return new PartitionOutcome(partition, firstRows, answers, warnings, List.of(WireDiagnostic.of(d)), List.of());
        } catch (RuntimeException | Error e) {
            return failed(partition, firstRows, Interpreter.failure(e, script.file(), source.declaration(),
                    "reading this partition's rows"));
        }
    }

    /** Runs the statements on the partition's panel (bound, or declared from {@code keyed}'s file). */
    private PartitionOutcome run(int partition, LoadedPanel loaded, KeyedSource keyed, Map<String, Long> firstRows,
                                 List<AnswerRow> keptRows) {
        List<PartitionOutcome.Answer> answers = new ArrayList<>();
        List<PartitionOutcome.Warning> warnings = new ArrayList<>();
        Path folder = script.folderPath();
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "qfl-spark-models");
        try (Interpreter interpreter = new Interpreter(ModelRegistry.standard(), folder, cache, Reporter.silent(),
                FileAccess.unrestricted())) {
            if (keyed == null) {
                interpreter.bind(loaded.panel());
            } else {
                Step declared = script.steps().stream().filter(st -> st.where() == Step.Where.SOURCE).findFirst()
                        .orElseThrow();
                try {
                    interpreter.evaluate(script.name(), keyed.declaration(script, declared), Output.into(o -> { }));
                } catch (DiagnosticException e) {
                    return new PartitionOutcome(partition, firstRows, answers, warnings,
                            e.diagnostics().stream().map(WireDiagnostic::of).toList(), loaded.notes());
                }
            }
            for (Step step : script.steps()) {
                if (step.partitionText() == null) {
                    continue;
                }
                try {
                    interpreter.evaluate(script.name(), text(step),
                            Output.into(output -> collect(step, output, answers, warnings, keptRows, firstRows)));
                } catch (DiagnosticException e) {
                    return new PartitionOutcome(partition, firstRows, answers, warnings,
                            e.diagnostics().stream().map(WireDiagnostic::of).toList(), loaded.notes());
                } catch (RuntimeException | Error e) {
                    return failed(partition, firstRows, Interpreter.failure(e, script.file(), step.span(),
                            "running this statement on Spark"));
                }
            }
        }
        return new PartitionOutcome(partition, firstRows, answers, warnings, List.of(), loaded.notes());
    }

    private static PartitionOutcome failed(int partition, Map<String, Long> firstRows, DiagnosticException e) {
        return new PartitionOutcome(partition, firstRows, List.of(), List.of(),
                e.diagnostics().stream().map(WireDiagnostic::of).toList(), List.of());
    }

    private void collect(Step step, Output output, List<PartitionOutcome.Answer> answers,
                         List<PartitionOutcome.Warning> warnings, List<AnswerRow> keptRows, Map<String, Long> firstRows) {
        if (output instanceof Output.TableOutput t) {
            answers.add(kept.contains(step.index()) ? kept(step.index(), t.label(), t.table(), keptRows, firstRows)
                    : answer(step.index(), t.label(), t.table()));
        } else if (output instanceof Output.Warning w && !w.diagnostic().code().startsWith("QF2")) {
            // checker warnings (QF2xxx) were shown once by the driver; only what running found is new
            warnings.add(new PartitionOutcome.Warning(step.index(), WireDiagnostic.of(w.diagnostic())));
        }
    }

    static PartitionOutcome.Answer answer(int step, String label, Table table) {
        return described(step, label, table, cells(table));
    }

    /**
     * An answer whose rows stay in Spark: they go to {@code keptRows} with their one-JVM sort key,
     * the driver gets only the table's description. Without an id column the rows cannot be put in
     * order, so they come back whole and the driver refuses the answer (QF5044) as before.
     */
    private static PartitionOutcome.Answer kept(int step, String label, Table table, List<AnswerRow> keptRows,
                                                Map<String, Long> firstRows) {
        int idColumn = table.columnNames().indexOf("id");
        if (idColumn < 0) {
            return answer(step, label, table);
        }
        List<Object[]> rows = cells(table);
        for (int i = 0; i < rows.size(); i++) {
            Object[] cells = rows.get(i);
            long first = firstRows.getOrDefault(String.valueOf(cells[idColumn]), Long.MAX_VALUE);
            keptRows.add(new AnswerRow(step, first, i, cells));
        }
        return described(step, label, table, List.of());
    }

    private static PartitionOutcome.Answer described(int step, String label, Table table, List<Object[]> rows) {
        Map<String, Object> provenance = new LinkedHashMap<>();
        table.provenance().forEach((k, v) -> provenance.put(k, v instanceof Serializable ? v : String.valueOf(v)));
        List<Integer> timestamps = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            int column = c;
            if (table.rows().stream().anyMatch(r -> r.get(column) instanceof java.time.LocalDateTime)) {
                timestamps.add(c);
            }
        }
        return new PartitionOutcome.Answer(step, label, table.columns().stream().map(Column::name).toList(),
                table.columns().stream().map(c -> c.type().name()).toList(), rows, table.notes(), provenance,
                table.rowCount(), timestamps);
    }

    private static List<Object[]> cells(Table table) {
        List<Object[]> rows = new ArrayList<>(table.rowCount());
        for (Table.Row r : table.rows()) {
            Object[] cells = new Object[r.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = r.get(i);
            }
            rows.add(cells);
        }
        return rows;
    }
}
