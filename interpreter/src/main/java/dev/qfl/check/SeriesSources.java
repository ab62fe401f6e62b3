package dev.qfl.check;

import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.model.OptionType;
import java.util.List;

/** Option specs of the data sources a {@code series} declaration can use. */
public final class SeriesSources {
    private SeriesSources() {
    }

    /** A CSV file. */
    public static final String CSV = "csv";
    /** A SQL query: in an embedded DuckDB, or on a JDBC database. */
    public static final String SQL = "sql";
    /** Parquet files (a path or a glob), read by the embedded DuckDB. */
    public static final String PARQUET = "parquet";
    /** Every source function, for hints. */
    public static final List<String> ALL = List.of(CSV, SQL, PARQUET);

    /** Options of {@code csv(path, ...)}. */
    public static final List<OptionSpec> CSV_OPTIONS = List.of(
            new OptionSpec("time", OptionType.STRING, true, null, null, null, null, List.of(), "the time column"),
            new OptionSpec("value", OptionType.STRING, false, null, "wide format: every other column is a series",
                    null, null, List.of(), "the value column (long format)"),
            new OptionSpec("id", OptionType.STRING, false, null, "a single series", null, null, List.of(),
                    "the column naming each series (long format), or a list of key columns: [\"sku\", \"store\"]"),
            new OptionSpec("freq", OptionType.SYMBOL, false, null, "inferred from the timestamps", null, null,
                    List.of("hour", "day", "week", "month", "quarter", "year"), "the frequency"),
            new OptionSpec("fill", OptionType.NUMBER, false, null, "gaps are an error", null, null,
                    List.of("previous"), "how to fill gaps: a number or previous"),
            new OptionSpec("support", OptionType.SYMBOL, false, null, "nonnegative when every value is >= 0",
                    null, null, List.of("real", "nonnegative"), "where values can lie"),
            new OptionSpec("until", OptionType.STRING, false, null, "everything", null, null, List.of(),
                    "last date to read, e.g. \"2024-06-15\": holds out the rest"),
            new OptionSpec("encoding", OptionType.STRING, false, null, "UTF-8", null, null, List.of(),
                    "the file's character encoding, e.g. \"ISO-8859-1\""),
            OptionSpec.integer("max_rows", 10_000_000, 1, 2_000_000_000,
                    "the most rows read from the file; above 10,000,000 also the most points the panel may hold"),
            new OptionSpec("missing", OptionType.SYMBOL, false, "unknown", null, null, null, List.of("unknown", "zero"),
                    "what a time without a row means: unknown (a gap) or zero (an observed zero)"),
            new OptionSpec("as_of", OptionType.STRING, false, null, "the panel's last time", null, null, List.of(),
                    "the common forecast origin, e.g. \"2024-06-24\": rows after it are not read"),
            new OptionSpec("delimiter", OptionType.STRING, false, ",", null, null, null, List.of(),
                    "the field separator, one character: \",\", \";\", \"\\t\" or \"|\""),
            new OptionSpec("date_format", OptionType.STRING, false, null, "ISO dates, months, years and weeks", null,
                    null, List.of(), "a java.time pattern for the time column, e.g. \"dd.MM.yyyy\""),
            new OptionSpec("decimal", OptionType.STRING, false, ".", null, null, null, List.of(),
                    "the decimal separator: \".\" or \",\" (then another delimiter)"),
            // covariates (CovariateOptionsCheck takes the lists out before the option checker runs)
            new OptionSpec("covariates", OptionType.STRING, false, null, "none", null, null, List.of(),
                    "numeric columns known in the future, e.g. [\"price\", \"promo\"]: future rows leave the value empty"),
            new OptionSpec("past", OptionType.STRING, false, null, "none", null, null, List.of(),
                    "numeric columns known only up to now, e.g. [\"stock\"]"),
            new OptionSpec("static", OptionType.STRING, false, null, "none", null, null, List.of(),
                    "per-series attributes, constant per series, e.g. [\"category\", \"region\"]"),
            new OptionSpec("holidays", OptionType.STRING, false, null, "none", null, null, List.of(),
                    "a public-holiday calendar, e.g. \"US\" or \"DE-BY\": a feature of every forecast step"));

    /**
     * The key columns a {@code series} declaration's checked options name with {@code id: [...]}
     * (several columns: its answers get one column each), or empty for one id column or none.
     */
    public static List<String> keyColumns(java.util.Map<String, Object> options) {
        if (options.get("id") instanceof List<?> keys && keys.size() > 1) {
            return keys.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /** The key columns of series {@code series} in {@code scope} (empty when it has none or is unknown). */
    public static List<String> keyColumns(Scope scope, String series) {
        return series != null && scope.lookup(series).orElse(null) instanceof Symbol.SeriesSymbol s
                ? keyColumns(s.options()) : List.of();
    }

    /**
     * Options of {@code parquet(path, ...)}: csv's options that concern rows, named one by one so
     * an option about text files (an encoding, a delimiter) does not slip in.
     */
    public static final List<OptionSpec> PARQUET_OPTIONS = rowOptions("the most rows read");

    /** Options of {@code sql([url,] query, ...)}: parquet's, and where a server's credentials are. */
    public static final List<OptionSpec> SQL_OPTIONS = withCredentials(rowOptions("the most rows the query may return"));

    /** The options of source {@code function}, or empty when it is not a source. */
    public static List<OptionSpec> optionsOf(String function) {
        return switch (function) {
            case CSV -> CSV_OPTIONS;
            case SQL -> SQL_OPTIONS;
            case PARQUET -> PARQUET_OPTIONS;
            default -> List.of();
        };
    }

    private static List<OptionSpec> rowOptions(String maxRowsHelp) {
        List<OptionSpec> out = new java.util.ArrayList<>();
        List<String> rows = List.of("time", "value", "id", "freq", "fill", "support", "until", "missing", "as_of",
                "covariates", "past", "static", "holidays");
        for (OptionSpec o : CSV_OPTIONS) {
            if (rows.contains(o.name())) {
                out.add(o);
            }
        }
        out.add(OptionSpec.integer("max_rows", 10_000_000, 1, 2_000_000_000, maxRowsHelp));
        return List.copyOf(out);
    }

    private static List<OptionSpec> withCredentials(List<OptionSpec> options) {
        List<OptionSpec> out = new java.util.ArrayList<>(options);
        out.add(new OptionSpec("credentials", OptionType.STRING, false, null,
                "QFL_JDBC_USER and QFL_JDBC_PASSWORD from the environment", null, null, List.of(),
                "a properties file with user= and password= for a JDBC URL"));
        return List.copyOf(out);
    }
}
