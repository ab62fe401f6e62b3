package dev.qfl.check;

import dev.qfl.stdlib.model.OptionSpec;
import dev.qfl.stdlib.model.OptionType;
import java.util.List;

/** Option specs of the data sources a {@code series} declaration can use. */
public final class SeriesSources {
    private SeriesSources() {
    }

    /** The one source so far. */
    public static final String CSV = "csv";

    /** Options of {@code csv(path, ...)}. */
    public static final List<OptionSpec> CSV_OPTIONS = List.of(
            new OptionSpec("time", OptionType.STRING, true, null, null, null, null, List.of(), "the time column"),
            new OptionSpec("value", OptionType.STRING, false, null, "wide format: every other column is a series",
                    null, null, List.of(), "the value column (long format)"),
            new OptionSpec("id", OptionType.STRING, false, null, "a single series", null, null, List.of(),
                    "the column naming each series (long format)"),
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
            OptionSpec.integer("max_rows", 10_000_000, 1, 2_000_000_000, "the most rows read from the file"));
}
