package dev.qfl.spark;

import dev.qfl.ast.Expr;
import dev.qfl.check.QueryKind;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.SourceFile;
import dev.qfl.diag.Span;
import dev.qfl.stdlib.data.DataShape;
import dev.qfl.stdlib.diag.DiagnosticCode;
import dev.qfl.stdlib.table.Column;
import dev.qfl.stdlib.table.ColumnType;
import dev.qfl.stdlib.table.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key columns of a series named by several {@code id:} columns, on Spark. One JVM gives the
 * answers per series and step a text column per key right after {@code id}, and lets conditions
 * name those columns. A partition's interpreter is handed the partition's panel without the
 * declaration's options, so it knows no keys: the driver decides which statements' answers get
 * them ({@link #keyed}), the partitions add them the way one JVM does ({@link #withKeys}: the id
 * split at "/"), and a condition that names a key, which the partition could not check, is
 * refused before Spark starts (QF5046).
 */
final class KeyColumns {
    private static final Pattern NAME = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z_][A-Za-z0-9_]*");

    private final List<String> keys;
    private final SourceFile file;
    private final Map<String, Boolean> keyedLets = new HashMap<>();

    KeyColumns(List<String> keys, SourceFile file) {
        this.keys = List.copyOf(keys);
        this.file = file;
    }

    /** Whether one JVM's answer to {@code e} has the key columns. */
    boolean keyed(Expr e) {
        if (keys.isEmpty()) {
            return false;
        }
        if (e instanceof Expr.Query q) {
            return keyed(q.body());
        }
        if (e instanceof Expr.Call c) {
            for (QueryKind kind : QueryKind.values()) {
                if (kind.function().equals(c.callee().name())) {
                    return kind.hasKeyColumns();
                }
            }
            return false;
        }
        return e instanceof Expr.Name n && keyedLets.getOrDefault(n.name(), false);
    }

    /** Remembers whether the table bound by {@code let name = value} has the key columns. */
    void let(String name, Expr value) {
        keyedLets.put(name, keyed(value));
    }

    /** Refuses a query condition that names a key column (QF5046). */
    void check(Expr e, List<Diagnostic> problems) {
        if (keys.isEmpty() || !(e instanceof Expr.Query q) || q.condition() == null) {
            return;
        }
        Span at = q.condition().span();
        Matcher m = NAME.matcher(file.text().substring(at.start(), at.end()));
        Set<String> named = new java.util.LinkedHashSet<>();
        while (m.find()) {
            if (keys.contains(m.group())) {
                named.add(m.group());
            }
        }
        if (!named.isEmpty()) {
            problems.add(Diagnostic.error(DiagnosticCode.SPARK_KEY_CONDITION, file, at,
                    "on Spark, a condition cannot name the key column " + String.join(", ", named) + " yet",
                    "select by the series id, which joins the keys with \"" + DataShape.KEY_SEPARATOR
                            + "\" (where id == \"A-17" + DataShape.KEY_SEPARATOR + "S1\"), or run on one JVM"));
        }
    }

    /** The answer with a text column per key right after {@code id}, as one JVM's answers have them. */
    static Table withKeys(Table table, List<String> keys) {
        if (keys.isEmpty() || table.columns().isEmpty() || !table.columns().get(0).name().equals("id")) {
            return table;
        }
        List<Column> columns = new ArrayList<>(table.columns().size() + keys.size());
        columns.add(table.columns().get(0));
        keys.forEach(k -> columns.add(new Column(k, ColumnType.STRING)));
        columns.addAll(table.columns().subList(1, table.columns().size()));
        List<Table.Row> rows = new ArrayList<>(table.rowCount());
        for (Table.Row r : table.rows()) {
            String[] parts = String.valueOf(r.get(0)).split(Pattern.quote(DataShape.KEY_SEPARATOR), -1);
            Object[] cells = new Object[r.size() + keys.size()];
            cells[0] = r.get(0);
            for (int k = 0; k < keys.size(); k++) {
                cells[1 + k] = k < parts.length ? parts[k] : "";
            }
            for (int c = 1; c < r.size(); c++) {
                cells[c + keys.size()] = r.get(c);
            }
            rows.add(new Table.Row(cells));
        }
        return new Table(columns, rows, table.notes(), table.provenance());
    }
}
