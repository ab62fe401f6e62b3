package dev.qfl.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A partition's rows of a series named by several {@code id:} columns, declared to the
 * partition's interpreter as one JVM declares them. One JVM's answers about such a series carry a
 * column per key, and its conditions may name the keys ({@code where Store == "S1"}); the
 * interpreter knows the keys only from the series' declaration, not from a bound panel. So the
 * partition writes its rows' cells, as Spark read them, into a small CSV file of the same layout
 * (the key columns, the time, the value; the declaration's delimiter) and runs the script's own
 * declaration with that file in the path's place: the one-JVM reader then reads it with every
 * option. The rows were read once before (by {@link PartitionPanel}), so any data error was
 * already reported at its line of the real file; this second read finds none.
 */
final class KeyedSource implements AutoCloseable {
    private final SeriesSource source;
    private final Path file;
    private final Writer out;
    private final CSVPrinter printer;

    private KeyedSource(SeriesSource source, Path file) throws IOException {
        this.source = source;
        this.file = file;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(source.shape().delimiter())
                .setRecordSeparator("\n").get());
        List<String> header = new ArrayList<>(source.shape().keys());
        header.add(source.time());
        header.add(source.value());
        printer.printRecord(header);
    }

    /** A file for the partition's rows, or null when the series has one id column (then the panel is bound). */
    static KeyedSource open(SeriesSource source) {
        if (source.shape().keys().isEmpty()) {
            return null;
        }
        try {
            return new KeyedSource(source, Files.createTempFile("qfl-spark-keys-", ".csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row's cells as Spark read them: the key values joined by {@link SparkSeriesReader#KEY_JOIN}, time, value. */
    void row(String keys, String time, String value) {
        List<String> cells = new ArrayList<>(List.of(keys.split(SparkSeriesReader.KEY_JOIN, -1)));
        cells.add(time);
        cells.add(value);
        try {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The script's series declaration with this file in the path's place (and the support and
     * origin the driver decided for the whole panel), everything else blanked so positions stay
     * those of the script.
     */
    String declaration(SparkScript script, Step declared) {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = Step.only(script.text(), declared.start(), declared.end());
        StringBuilder b = new StringBuilder(text);
        // what the driver decided for the whole panel, where the declaration leaves it open
        String support = script.source().support();
        if (support != null && !hasOption(script, "support")) {
            b.insert(source.declEnd() - 1, ", support: " + support);
        }
        String asOf = script.source().shape().asOf();
        if (asOf != null && !hasOption(script, "as_of")) {
            b.insert(source.declEnd() - 1, ", as_of: \"" + asOf + "\"");
        }
        b.replace(source.pathStart(), source.pathEnd(), "\"" + file.toString().replace("\\", "/") + "\"");
        return b.toString();
    }

    private boolean hasOption(SparkScript script, String option) {
        return script.text().substring(source.declStart(), source.declEnd()).matches("(?s).*\\b" + option + "\\s*:.*");
    }

    @Override
    public void close() {
        try {
            printer.close();
        } catch (IOException ignored) {
            // the file is deleted next
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover in the temporary folder
        }
    }
}
