package dev.qfl.eval;

import dev.qfl.diag.Span;
import dev.qfl.check.Symbol;
import dev.qfl.diag.Diagnostic;
import dev.qfl.diag.Severity;
import dev.qfl.diag.SourceFile;
import dev.qfl.stdlib.FilePosition;
import dev.qfl.stdlib.QflException;
import dev.qfl.stdlib.data.CsvLoader;
import dev.qfl.stdlib.data.PlannedRows;
import dev.qfl.stdlib.data.sql.SqlLoader;
import dev.qfl.stdlib.data.sql.SqlRequest;
import dev.qfl.stdlib.data.CsvOptions;
import dev.qfl.stdlib.data.DataErrors;
import dev.qfl.stdlib.data.DataShape;
import dev.qfl.stdlib.data.DataWarning;
import dev.qfl.stdlib.data.Missing;
import dev.qfl.stdlib.data.Fill;
import dev.qfl.stdlib.data.Frequency;
import dev.qfl.stdlib.data.Panel;
import dev.qfl.stdlib.data.Support;
import dev.qfl.stdlib.io.FileAccess;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns a checked {@code series} declaration into a loaded panel. Problems that concern the whole
 * file (missing, empty, not a regular file) have no place in it, so they are reported at the
 * declaration that named the file; problems at a line of the file keep that position.
 */
final class DataLoading {
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

    private DataLoading() {
    }

    /** A loaded panel, the one-line notes to show about it and what it warns of. */
    record Loaded(Panel panel, List<String> notes, List<DataWarning> warnings) {
        Loaded(Panel panel, List<String> notes) {
            this(panel, notes, List.of());
        }

        /** The warnings as diagnostics of the declaration that read the panel. */
        List<Diagnostic> diagnostics(SourceFile file, Span declaration) {
            return warnings.stream().map(w -> new Diagnostic(w.code(), Severity.WARNING, file.name(), declaration,
                    declaration == null ? null : file.line(declaration.line()), panel.name() + ": " + w.message(),
                    w.hint() == null ? List.of() : List.of(w.hint()))).toList();
        }
    }

    /** Loads with no restriction (the CLI's {@code qfl check}). */
    static Loaded load(Symbol.SeriesSymbol symbol, Path file) {
        return load(symbol, file, FileAccess.unrestricted());
    }

    static Loaded load(Symbol.SeriesSymbol symbol, Path file, FileAccess access) {
        if (symbol.query() != null) {
            return QueryLoading.load(symbol, file, access, System.getenv());
        }
        Path future = future(symbol, file);
        try {
            CsvOptions options = options(symbol.options());
            var loaded = symbol.options().get("future") == null
                    ? new CsvLoader().load(symbol.name(), access.check(file), options)
                    : new CsvLoader().load(symbol.name(), access.check(file), options,
                            futureRows(symbol, folderOf(symbol, file), options, access));
            return new Loaded(loaded.panel(), loaded.notes(), loaded.warnings());
        } catch (QflException e) {
            boolean inFuture = future != null && e.position().map(p -> future.equals(p.file())).orElse(false);
            throw located(access.quoteContent() ? e : withoutContent(e),
                    inFuture ? (String) symbol.options().get("future") : symbol.path());
        }
    }

    /** The option that says the future rows come from sql(...) or parquet(...) (see FutureOptionCheck). */
    private static final String FUTURE_FROM = "future_from";

    /**
     * Reads the rows of the {@code future:} option, or null without one: a csv file, or
     * {@code parquet("path")} / {@code sql("SELECT ...")} read by the embedded DuckDB as a main
     * sql/parquet source is (relative paths against the script's folder {@code folder}, nothing
     * outside a confined session's folder). The reading waits until the main rows are read.
     */
    static Supplier<PlannedRows> futureRows(Symbol.SeriesSymbol symbol, Path folder, CsvOptions options,
                                            FileAccess access) {
        if (!(symbol.options().get("future") instanceof String written)) {
            return null;
        }
        Object from = symbol.options().get(FUTURE_FROM);
        if (from == null) {
            return () -> CsvLoader.futureFile(access.check(folder.resolve(written).normalize()), options);
        }
        SqlRequest request = from.equals("parquet")
                ? SqlRequest.parquet(folder.resolve(written).normalize().toString(), folder, access.root())
                        .describedAs(written)
                : SqlRequest.embedded(written, folder, access.root());
        return () -> new SqlLoader(System.getenv()).future(request, options);
    }

    /** The script's folder, from the main file and the path the script wrote for it. */
    static Path folderOf(Symbol.SeriesSymbol symbol, Path file) {
        Path folder = scriptFolder(symbol, file);
        return folder == null ? Path.of("").toAbsolutePath() : folder;
    }

    /**
     * The file of the {@code future:} option, or null: a relative path is resolved as the main
     * path was, against the script's directory, which is what is left of {@code file} once the
     * script's relative main path is taken off its end (else the main file's directory).
     */
    private static Path future(Symbol.SeriesSymbol symbol, Path file) {
        if (!(symbol.options().get("future") instanceof String written) || "sql".equals(symbol.options().get(FUTURE_FROM))) {
            return null;   // none, or a query rather than a path
        }
        Path future = Path.of(written);
        if (future.isAbsolute()) {
            return future;
        }
        Path base = scriptFolder(symbol, file);
        return base == null ? future : base.resolve(future).normalize();
    }

    /** The folder of the script, from the main file and the path the script wrote for it (or null). */
    private static Path scriptFolder(Symbol.SeriesSymbol symbol, Path file) {
        Path main = Path.of(symbol.path()).normalize();
        Path base = file.getParent();
        if (!main.isAbsolute() && file.normalize().endsWith(main)) {
            base = file.normalize();
            for (int i = 0; i < main.getNameCount() && base != null; i++) {
                base = base.getParent();
            }
        }
        return base;
    }

    /**
     * A whole-file problem as an error of the declaration (the diagnostic then quotes the
     * {@code csv(...)} line of the script) that names the file as the script wrote it.
     */
    private static QflException located(QflException e, String scriptPath) {
        FilePosition p = e.position().orElse(null);
        if (p == null || p.line() > 0) {
            return e;
        }
        return new QflException(e.diagnosticCode(), "cannot read \"" + scriptPath + "\": " + e.getMessage(), null,
                e.hint().orElse(null), e);
    }

    /**
     * The same error without anything read from the file: no quoted line, and quoted cells,
     * column names and lists of columns masked. For servers whose users may not see the files
     * their scripts point at (a diagnostic would otherwise quote the first line of any file).
     */
    static QflException withoutContent(QflException e) {
        FilePosition p = e.position().orElse(null);
        FilePosition bare = p == null ? null : new FilePosition(p.file(), p.line(), p.column(), null);
        String hint = e.hint().map(h -> h.startsWith("columns are") ? null : mask(h)).orElse(null);
        return new QflException(e.diagnosticCode(), mask(e.getMessage()), bare, hint, e);
    }

    private static String mask(String text) {
        return QUOTED.matcher(text).replaceAll("\"…\"");
    }

    static CsvOptions options(Map<String, Object> o) {
        Fill fill = null;
        Object f = o.get("fill");
        if ("previous".equals(f)) {
            fill = new Fill.Previous();
        } else if (f instanceof Double d) {
            fill = new Fill.Constant(d);
        }
        Support support = o.get("support") == null ? null
                : "real".equals(o.get("support")) ? Support.REAL : Support.NONNEGATIVE;
        Frequency freq = o.get("freq") == null ? null : Frequency.fromKeyword((String) o.get("freq")).orElseThrow();
        String u = (String) o.get("until");
        java.time.LocalDateTime until = u == null ? null : CsvOptions.parseUntil(u).orElseThrow();   // checked before running
        long maxRows = o.get("max_rows") instanceof Number n ? n.longValue() : CsvOptions.DEFAULT_MAX_ROWS;
        List<String> keys = o.get("id") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        return new CsvOptions((String) o.get("time"), (String) o.get("value"), keys.isEmpty() ? (String) o.get("id") : null,
                freq, fill, support, until, encoding((String) o.get("encoding")), maxRows, shape(o, keys))
                .withCovariates(dev.qfl.stdlib.data.CovariateSpec.fromOptions(o));
    }

    /** The shape options, checked before running (CsvSourceCheck). */
    private static DataShape shape(Map<String, Object> o, List<String> keys) {
        String delimiter = (String) o.get("delimiter");
        String asOf = (String) o.get("as_of");
        return new DataShape(keys, delimiter == null ? ',' : delimiter.charAt(0), (String) o.get("date_format"),
                ",".equals(o.get("decimal")), Missing.fromKeyword(String.valueOf(o.get("missing"))).orElse(Missing.UNKNOWN),
                asOf == null ? null : DataShape.parseAsOf(asOf).orElseThrow());
    }

    private static Charset encoding(String name) {
        if (name == null) {
            return null;
        }
        return CsvOptions.parseEncoding(name).orElseThrow(() -> new QflException(DataErrors.UNKNOWN_ENCODING,
                "unknown encoding \"" + name + "\"", null, "e.g. encoding: \"UTF-8\", \"ISO-8859-1\" or \"windows-1252\"",
                null));
    }
}
