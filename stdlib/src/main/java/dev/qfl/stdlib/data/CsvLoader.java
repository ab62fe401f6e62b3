package dev.qfl.stdlib.data;

import dev.qfl.stdlib.FilePosition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a panel of series from a CSV file, in long format (one row per series and time: columns
 * time, id, value) or wide format (a time column and one column per series). Every data problem
 * is a {@link dev.qfl.stdlib.QflException} pointing at its line and column.
 */
public final class CsvLoader {
    /** The point limit of a panel when {@code max_rows:} does not raise it (lowered by tests only). */
    private final long defaultMaxPoints;

    /** A loader with the usual limits. */
    public CsvLoader() {
        this(SeriesAssembler.MAX_POINTS);
    }

    /** A loader whose default point limit is {@code defaultMaxPoints}: tests use a small one. */
    CsvLoader(long defaultMaxPoints) {
        this.defaultMaxPoints = defaultMaxPoints;
    }

    /** Reads {@code file} as the panel {@code name}. */
    public LoadedPanel load(String name, Path file, CsvOptions options) {
        try (CsvText csv = CsvText.open(file, options.charset(), options.maxRows(), options.shape().delimiter())) {
            return load(name, file, options, csv, null);
        }
    }

    /**
     * Reads {@code file} as the panel {@code name}, with the future values of its dynamic
     * covariates from the second CSV file {@code future} (the {@code future:} option; see
     * {@link FutureRows} for its rules).
     */
    public LoadedPanel load(String name, Path file, CsvOptions options, Path future) {
        return load(name, file, options, () -> FutureRows.read(future, options));
    }

    /** The rows of the future CSV file {@code file} of a source read with {@code options} (not yet merged). */
    public static PlannedRows futureFile(Path file, CsvOptions options) {
        return FutureRows.read(file, options);
    }

    /**
     * Reads {@code file} as the panel {@code name}, with the future values of its dynamic
     * covariates from rows read elsewhere ({@code future:} sql(...) or parquet(...)); the
     * supplier runs once the main file has been read, so the main file's problems come first.
     */
    public LoadedPanel load(String name, Path file, CsvOptions options, Supplier<PlannedRows> future) {
        try (CsvText csv = CsvText.open(file, options.charset(), options.maxRows(), options.shape().delimiter())) {
            return load(name, file, options, csv, future);
        }
    }

    private LoadedPanel load(String name, Path file, CsvOptions options, CsvText csv, Supplier<PlannedRows> future) {
        int timeCol = column(csv, options.time());
        RowReader cells = new RowReader(csv, options);
        Map<String, List<SeriesAssembler.Point>> bySeries = new LinkedHashMap<>();
        long maxPoints = SeriesAssembler.pointLimit(defaultMaxPoints, options);
        PointBudget budget = new PointBudget(csv, maxPoints);
        SharedTimes times = new SharedTimes();
        if (options.value() != null) {
            int valueCol = column(csv, options.value());
            int[] idCols = options.idColumns().stream().mapToInt(c -> column(csv, c)).toArray();
            int[] covariateCols = options.covariates().columns().stream().mapToInt(c -> column(csv, c)).toArray();
            String single = options.value();
            for (CsvText.Row r = csv.next(); r != null; r = csv.next()) {
                checkWidth(csv, r);
                var t = times.shared(cells.time(r, timeCol, options.time()));
                if (options.until() != null && t.isAfter(options.until())) {
                    continue;
                }
                String id = idCols.length == 0 ? single : cells.seriesId(r, idCols);
                budget.take(r, 1);
                bySeries.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(cells.withCovariates(cells.point(r, timeCol, valueCol, options.value(), t), r,
                                covariateCols, options.covariates()));
            }
        } else {
            if (!options.idColumns().isEmpty()) {
                throw DataErrors.at(DataErrors.MISSING_COLUMN, csv.header(column(csv, options.idColumns().get(0))),
                        "a wide file (no value column) has one column per series, so id: does not apply",
                        "give value: \"COLUMN\" for a long file, or drop id:");
            }
            for (int c = 0; c < csv.header.size(); c++) {
                if (c != timeCol) {
                    bySeries.put(csv.header.get(c), new ArrayList<>());
                }
            }
            for (CsvText.Row r = csv.next(); r != null; r = csv.next()) {
                checkWidth(csv, r);
                var t = times.shared(cells.time(r, timeCol, options.time()));
                if (options.until() != null && t.isAfter(options.until())) {
                    continue;
                }
                budget.take(r, csv.header.size() - 1);
                for (int c = 0; c < csv.header.size(); c++) {
                    if (c != timeCol) {
                        bySeries.get(csv.header.get(c)).add(cells.point(r, timeCol, c, csv.header.get(c), t));
                    }
                }
            }
        }
        String fingerprint = fingerprint(csv.digestOfAllBytes(), options);
        RowPositions where = positions(csv);
        if (future != null && options.value() != null) {
            FutureRows.Merged merged = FutureRows.merge(future.get(), options, bySeries);
            // the planned covariates change the forecasts, so they are part of the data's identity
            fingerprint = fingerprint(sha256(fingerprint + ";future=" + merged.digest()), options);
            where = merged.positions(where);
        }
        return PanelRows.finish(name, bySeries, where, options, fingerprint, file.getFileName().toString(),
                file.toAbsolutePath().normalize(), csv.rowCount(), maxPoints);
    }

    /** A CSV file's problems point at its lines and fields. */
    private static RowPositions positions(CsvText csv) {
        return new RowPositions() {
            @Override
            public FilePosition whole() {
                return csv.header(-1);
            }

            @Override
            public FilePosition at(int line, int column) {
                return csv.at(line, column);
            }
        };
    }

    /**
     * Counts the points read against the panel's point limit ({@link SeriesAssembler#pointLimit}),
     * so a file too large for memory stops with a diagnostic at the row that crossed the limit,
     * not with the heap exhausted.
     */
    private static final class PointBudget {
        private final CsvText csv;
        private final long limit;
        private long used;

        PointBudget(CsvText csv, long limit) {
            this.csv = csv;
            this.limit = limit;
        }

        void take(CsvText.Row r, int points) {
            used += points;
            if (used > limit) {
                throw DataErrors.at(DataErrors.TOO_MANY_POINTS, new FilePosition(csv.file, r.line(), 1, null),
                        String.format(Locale.ROOT, "the file holds more than %,d values, more than a panel may hold",
                                limit), "read fewer rows (until:), or raise max_rows: to load a larger panel "
                                + "(and give the JVM the heap for it)");
            }
        }
    }

    /**
     * One time object per distinct time of the file: a panel of many series repeats the same few
     * hundred dates on millions of rows, and each parsed {@code LocalDateTime} (with its date) takes
     * about 48 bytes that every point kept until the panel is assembled, about half of what a read
     * point costs. Bounded, so a file of ever-new timestamps does not grow a second copy of them.
     */
    private static final class SharedTimes {
        private static final int MOST = 100_000;
        private final Map<LocalDateTime, LocalDateTime> seen = new HashMap<>();

        LocalDateTime shared(LocalDateTime t) {
            LocalDateTime known = seen.get(t);
            if (known != null) {
                return known;
            }
            if (seen.size() < MOST) {
                seen.put(t, t);
            }
            return t;
        }
    }

    static int column(CsvText csv, String name) {
        int i = csv.header.indexOf(name);
        if (i >= 0) {
            return i;
        }
        String hint = "columns are: " + String.join(", ", csv.header);
        String close = closest(name, csv.header);
        String other = otherDelimiter(csv.header);
        if (other != null) {
            // one column whose name holds the wanted one: the fields are separated by something else
            hint = "the header is one column, \"" + csv.header.get(0) + "\": are the fields separated by "
                    + (other.equals("\\t") ? "tabs" : "\"" + other + "\"") + "? Say delimiter: \"" + other + "\"";
            close = null;
        }
        throw DataErrors.at(DataErrors.MISSING_COLUMN, csv.header(-1),
                "no column \"" + name + "\" in " + csv.file.getFileName(),
                close != null ? hint + "; did you mean \"" + close + "\"?" : hint);
    }

    /** The separator (as written in a script) a one-column header seems to use instead, or null. */
    private static String otherDelimiter(List<String> header) {
        if (header.size() != 1) {
            return null;
        }
        for (String d : List.of(";", "\t", "|", ",")) {
            if (header.get(0).contains(d)) {
                return d.equals("\t") ? "\\t" : d;
            }
        }
        return null;
    }

    /** The candidate within two edits of {@code name} (ignoring case), or null: for did-you-mean hints on columns. */
    public static String closest(String name, List<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String c : candidates) {
            int d = editDistance(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static void checkWidth(CsvText csv, CsvText.Row r) {
        if (r.size() != csv.header.size()) {
            throw DataErrors.at(DataErrors.FIELD_COUNT, csv.at(r.line(), 0),
                    "this row has " + r.size() + " fields but the header has " + csv.header.size(),
                    "a field containing a comma must be quoted");
        }
    }

    private static MessageDigest sha256(String text) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(text.getBytes(StandardCharsets.UTF_8));
            return d;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String fingerprint(MessageDigest fileDigest, CsvOptions options) {
        fileDigest.update(options.canonical().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(fileDigest.digest()).substring(0, 16);
    }
}
