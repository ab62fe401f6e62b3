package dev.qfl.spark;

import dev.qfl.api.QflEngine;
import dev.qfl.api.QflScriptException;
import dev.qfl.ast.Expr;
import dev.qfl.ast.Statement;
import dev.qfl.diag.Diagnostic;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.diag.SourceFile;
import dev.qfl.diag.Span;
import dev.qfl.stdlib.model.ModelKind;
import dev.qfl.stdlib.model.ModelRegistry;
import dev.qfl.syntax.ParseResult;
import dev.qfl.syntax.ScriptParser;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A script as the Spark driver sees it, before any Spark job: parsed and checked exactly as
 * {@code qfl check} would (a bad script fails here with its usual diagnostics), then split into its
 * one series source and the steps partitions run. What cannot be split by series yet is refused
 * here too (QF5040, QF5041), so nothing is half-run.
 *
 * @param name     the script's name as typed (shown in diagnostics)
 * @param text     its text
 * @param folder   the folder its relative paths resolve against
 * @param source   the series Spark reads
 * @param steps    every statement, in order
 * @param warnings the checker's warnings, shown once by the driver
 */
record SparkScript(String name, String text, String folder, SeriesSource source, List<Step> steps,
                   List<Diagnostic> warnings) implements Serializable {

    /** Source options a Spark run understands; the others are refused with QF5040 for now. */
    private static final Set<String> SOURCE_OPTIONS = Set.of("time", "value", "id", "freq", "fill", "support",
            "delimiter", "date_format", "decimal", "missing", "as_of", "max_rows");

    SparkScript {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    SourceFile file() {
        return new SourceFile(name, text);
    }

    Path folderPath() {
        return Path.of(folder);
    }

    /**
     * Parses, checks and splits a script.
     *
     * @throws QflScriptException with the usual diagnostics, or the QF504x ones for what does not run on Spark
     */
    static SparkScript analyse(String name, String text, Path folder, ModelRegistry models) throws QflScriptException {
        QflEngine engine = QflEngine.builder().models(models).build();
        List<Diagnostic> checked = engine.check(name, text);
        if (checked.stream().anyMatch(Diagnostic::isError)) {
            throw new QflScriptException(checked);
        }
        SourceFile file = new SourceFile(name, text);
        ParseResult parsed = ScriptParser.parse(file);
        List<Diagnostic> problems = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        SeriesSource source = null;
        List<Statement> statements = parsed.script().statements();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            Span at = s.span();
            if (s instanceof Statement.SeriesDecl d) {
                if (source != null) {
                    problems.add(Diagnostic.error(DiagnosticCode.SPARK_SERIES_COUNT, file, at,
                            "a script run on Spark declares one series; '" + source.name() + "' is already declared",
                            "run scripts with several series on one JVM, or split them into one script per series"));
                    continue;
                }
                source = source(d, file, folder, problems);
                steps.add(step(i, Step.Where.SOURCE, null, s, null, false, false));
            } else if (s instanceof Statement.ModelDecl m) {
                Step.Where where = neuralTraining(m, models).isPresent() ? Step.Where.TRAIN : Step.Where.PARTITIONS;
                steps.add(new Step(i, where, Step.only(text, at.start(), at.end()), null, false, false, at.start(),
                        at.end(), at.line(), at.column(), m.name().name()));
            } else if (s instanceof Statement.Fit) {
                steps.add(step(i, Step.Where.PARTITIONS, Step.only(text, at.start(), at.end()), s, null, false, false));
            } else if (s instanceof Statement.LetDecl l) {
                refuseEvaluate(l.value(), file, problems);
                steps.add(step(i, Step.Where.PARTITIONS, Step.only(text, at.start(), at.end()), s, null, false, false));
            } else if (s instanceof Statement.ExpressionStatement e) {
                refuseEvaluate(e.expr(), file, problems);
                steps.add(step(i, Step.Where.SHOW, Step.only(text, at.start(), at.end()), s, null, false, false));
            } else if (s instanceof Statement.Export e && !e.toTable()) {
                refuseEvaluate(e.value(), file, problems);
                Span v = e.value().span();
                steps.add(step(i, Step.Where.EXPORT, Step.only(text, v.start(), v.end()), s, e.path().value(),
                        flag(e, "append"), flag(e, "overwrite")));
            } else if (s instanceof Statement.Export) {
                // one JVM replaces a table's rows in one transaction; Spark's JDBC writer commits each
                // partition on its own, and a DuckDB file takes one writer, not every executor
                problems.add(Diagnostic.error(DiagnosticCode.SPARK_UNSUPPORTED, file, at,
                        "export to a database table does not run on Spark yet: partitions cannot replace a "
                                + "table's rows all at once", "export to a .parquet file (written from the partitions) "
                                + "and load it into the table, or run this script on one JVM"));
            } else {
                problems.add(Diagnostic.error(DiagnosticCode.SPARK_UNSUPPORTED, file, at,
                        what(s) + " does not run on Spark yet", "run this script on one JVM (without --spark)"));
            }
        }
        if (source == null && problems.isEmpty()) {
            problems.add(Diagnostic.error(DiagnosticCode.SPARK_SERIES_COUNT, file, Span.NONE,
                    "a script run on Spark declares one series, and this one declares none",
                    "declare the series: series demand = csv(\"data.csv\", time: \"date\", value: \"units\", id: \"sku\")"));
        }
        if (!problems.isEmpty()) {
            throw new QflScriptException(problems);
        }
        List<Diagnostic> warnings = checked.stream().filter(d -> !d.isError()).toList();
        return new SparkScript(name, text, folder.toString(), source, steps, warnings);
    }

    private static String what(Statement s) {
        if (s instanceof Statement.Plot) {
            return "plot";
        }
        if (s instanceof Statement.Save) {
            return "save";
        }
        return "this statement";
    }

    private static Step step(int index, Step.Where where, String text, Statement s, String path, boolean append,
                             boolean overwrite) {
        Span at = s.span();
        return new Step(index, where, text, path, append, overwrite, at.start(), at.end(), at.line(), at.column(), null);
    }

    private static void refuseEvaluate(Expr e, SourceFile file, List<Diagnostic> problems) {
        if (e instanceof Expr.Evaluate) {
            problems.add(Diagnostic.error(DiagnosticCode.SPARK_UNSUPPORTED, file, e.span(),
                    "evaluate does not run on Spark yet: its metrics are averaged over every series of the panel",
                    "run the backtest on one JVM (without --spark)"));
        }
    }

    private static boolean flag(Statement.Export e, String name) {
        for (Expr.Argument a : e.options()) {
            if (a.name() != null && a.name().name().equals(name) && a.value() instanceof Expr.BoolLit b) {
                return b.value();
            }
        }
        return false;
    }

    /** The kind's name when the declaration trains a neural model (not when it loads one). */
    private static Optional<String> neuralTraining(Statement.ModelDecl m, ModelRegistry models) {
        if (m.value() instanceof Expr.Call c) {
            String kind = c.callee().name();
            return models.find(kind).filter(ModelKind::neural).map(k -> kind);
        }
        return Optional.empty();
    }

    private static SeriesSource source(Statement.SeriesDecl d, SourceFile file, Path folder, List<Diagnostic> problems) {
        if (!(d.value() instanceof Expr.Call c) || !Set.of("csv", "parquet", "sql").contains(c.callee().name())) {
            problems.add(Diagnostic.error(DiagnosticCode.SPARK_UNSUPPORTED, file, d.value().span(),
                    "a Spark run reads csv(...), parquet(...) and sql(...) series; this source does not run on Spark yet",
                    "export the rows to Parquet or CSV files, or run this script on one JVM"));
            return null;
        }
        if (c.callee().name().equals("sql") && c.positional().size() != 1) {
            problems.add(Diagnostic.error(DiagnosticCode.SPARK_UNSUPPORTED, file, c.span(),
                    "a query on a database server does not run on Spark yet; sql(\"SELECT ...\") in the embedded "
                            + "DuckDB does", "export the rows to Parquet files, or run this script on one JVM"));
            return null;
        }
        String path = null;
        String time = null;
        String value = null;
        String id = null;
        String freq = null;
        Double fillConstant = null;
        boolean fillPrevious = false;
        String support = null;
        List<String> keys = List.of();
        char delimiter = ',';
        String dateFormat = null;
        boolean decimalComma = false;
        String missing = SourceShape.DEFAULT.missing();
        String asOf = null;
        Long maxRows = null;
        Span pathAt = Span.NONE;
        for (Expr.Argument a : c.arguments()) {
            if (a.name() == null) {
                path = a.value() instanceof Expr.StringLit s ? s.value() : null;
                pathAt = a.value().span();
                continue;
            }
            String option = a.name().name();
            if (option.equals("id") && a.value() instanceof Expr.ListLit list) {
                keys = list.elements().stream().map(SparkScript::literal).map(String::valueOf).toList();
                continue;   // the checker made sure they are distinct column names
            }
            Object v = literal(a.value());
            if (!SOURCE_OPTIONS.contains(option) || v == null) {
                problems.add(Diagnostic.error(DiagnosticCode.SPARK_UNSUPPORTED, file, a.span(),
                        "the source option " + option + ": does not run on Spark yet (or not with this value)",
                        "a Spark run reads long files with time:, value:, id:, freq:, fill:, support:, delimiter:, "
                                + "date_format:, decimal:, missing:, as_of: and max_rows:"));
                continue;
            }
            switch (option) {
                case "time" -> time = String.valueOf(v);
                case "value" -> value = String.valueOf(v);
                case "id" -> id = String.valueOf(v);
                case "freq" -> freq = String.valueOf(v);
                case "support" -> support = String.valueOf(v);
                case "delimiter" -> delimiter = String.valueOf(v).charAt(0);
                case "date_format" -> dateFormat = String.valueOf(v);
                case "decimal" -> decimalComma = ",".equals(v);
                case "missing" -> missing = String.valueOf(v);
                case "as_of" -> asOf = String.valueOf(v);
                case "max_rows" -> maxRows = ((java.math.BigDecimal) v).longValueExact();   // checked: a whole number
                default -> {
                    if (v instanceof java.math.BigDecimal n) {
                        fillConstant = n.doubleValue();
                    } else {
                        fillPrevious = "previous".equals(v);
                    }
                }
            }
        }
        if (value == null || id == null && keys.isEmpty()) {
            problems.add(Diagnostic.error(DiagnosticCode.SPARK_UNSUPPORTED, file, c.span(),
                    "a Spark run reads long files (value: and id: given); a wide file does not run on Spark yet",
                    "give value: and id:, or run this script on one JVM"));
            return null;
        }
        String location = path;
        if (c.callee().name().equals("sql")) {
            location = folder.toAbsolutePath().normalize().toString();   // where the query's relative paths start
        } else if (path != null && !path.contains("://") && !Path.of(path).isAbsolute()) {
            location = folder.resolve(path).normalize().toString();
        }
        Span at = c.span();   // one JVM reports a source's problems at its call, csv(...), not the whole line
        SourceShape shape = new SourceShape(keys, delimiter, dateFormat, decimalComma, missing, asOf);
        return new SeriesSource(d.name().name(), c.callee().name(), path, location, time, value, id, freq,
                fillConstant, fillPrevious, support, shape, at.start(), at.end(), at.line(), at.column(),
                pathAt.start(), pathAt.end(), maxRows);
    }

    /** A string, a number or a bare word (freq: week, fill: previous), or null for anything else. */
    private static Object literal(Expr e) {
        if (e instanceof Expr.StringLit s) {
            return s.value();
        }
        if (e instanceof Expr.NumberLit n) {
            return n.value();
        }
        if (e instanceof Expr.Name n) {
            return n.name();
        }
        return null;
    }
}
