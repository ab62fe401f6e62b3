package dev.qfl.stdlib.data;

import dev.qfl.stdlib.FilePosition;
import dev.qfl.stdlib.io.LineIndex;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file's header and records, remembering where each record and field sits in the file so
 * data errors can point at line and column.
 */
final class CsvText {
    final Path file;
    final byte[] bytes;
    final List<String> header;
    final List<CSVRecord> records;
    private final LineIndex lines;

    private CsvText(Path file, byte[] bytes, String text, List<String> header, List<CSVRecord> records) {
        this.file = file;
        this.bytes = bytes;
        this.header = header;
        this.records = records;
        this.lines = new LineIndex(text);
    }

    static CsvText read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            // The position already names the file as the script gave it; absolute paths would make
            // the message depend on where the project happens to be checked out.
            throw DataErrors.at(DataErrors.MISSING_FILE, FilePosition.wholeFile(file),
                    Files.exists(file) ? "the file cannot be read" : "the file does not exist",
                    "paths in a script are relative to the script's folder");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw DataErrors.at(DataErrors.EMPTY_FILE, FilePosition.wholeFile(file), "the file is empty", null);
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT.builder()
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get())) {
            List<CSVRecord> all = parser.getRecords();
            List<String> header = new ArrayList<>();
            all.get(0).forEach(h -> header.add(h.strip()));
            CsvText csv = new CsvText(file, bytes, text, header, all.subList(1, all.size()));
            if (csv.records.isEmpty()) {
                throw DataErrors.at(DataErrors.EMPTY_FILE, new FilePosition(file, 1, 1, csv.lineText(1)),
                        "the file has a header but no rows", null);
            }
            return csv;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw DataErrors.at(DataErrors.FIELD_COUNT, FilePosition.wholeFile(file),
                    "cannot read the file as CSV: " + e.getMessage(), "check the quoting of fields");
        }
    }

    int lineOf(CSVRecord r) {
        return lines.lineOf(r.getCharacterPosition());
    }

    String lineText(int line) {
        return lines.line(line);
    }

    /** Position of field {@code index} of a record: its 1-based character column in the line. */
    FilePosition at(CSVRecord r, int index) {
        int line = lineOf(r);
        String raw = lineText(line);
        return new FilePosition(file, line, fieldColumn(raw, index), raw);
    }

    FilePosition header(int index) {
        return new FilePosition(file, 1, index < 0 ? 1 : fieldColumn(lineText(1), index), lineText(1));
    }

    /** The 1-based column where field {@code index} starts, honouring quoted commas. */
    static int fieldColumn(String line, int index) {
        int field = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            if (field == index) {
                return i + 1;
            }
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                field++;
            }
        }
        return field == index ? line.length() + 1 : 1;
    }
}
