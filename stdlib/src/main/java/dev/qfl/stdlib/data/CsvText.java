package dev.qfl.stdlib.data;

import dev.qfl.stdlib.FilePosition;
import dev.qfl.stdlib.QflException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read as a stream: its header, then one row at a time, each with the line it starts
 * on, so data errors can point at line and column without the file being held in memory. The
 * bytes pass through a digest on the way (the data fingerprint). A line's text is read again from
 * the file only when a diagnostic quotes it.
 */
final class CsvText implements AutoCloseable {
    private static final int MAX_QUOTED_CHARS = 1000;

    /** One row of the file: its fields and the 1-based line it starts on. */
    record Row(CSVRecord record, int line) {
        String get(int i) {
            return record.get(i);
        }

        int size() {
            return record.size();
        }
    }

    final Path file;
    final List<String> header;
    private final Charset charset;
    private final long maxRows;
    /** The field separator: a comma, or what {@code delimiter:} says. */
    private final char delimiter;
    private final MessageDigest digest;
    private final InputStream bytes;
    private final DecodingReader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int headerLine;
    private Row pending;
    private long rows;

    private CsvText(Path file, InputStream in, Charset charset, long maxRows, char delimiter) throws IOException {
        this.file = file;
        this.delimiter = delimiter;
        this.charset = charset;
        this.maxRows = maxRows;
        this.digest = sha256();
        this.bytes = new DigestInputStream(in, digest);
        this.reader = new DecodingReader(bytes, file, charset);
        this.parser = CSVParser.parse(reader, CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get());
        this.records = parser.iterator();
        CSVRecord first = nextRecord();
        this.headerLine = first == null ? 1 : reader.lineOf(first.getCharacterPosition());
        if (first == null || isBlank(first) && peekIsEnd()) {
            throw DataErrors.at(DataErrors.EMPTY_FILE, FilePosition.wholeFile(file), "the file is empty", null);
        }
        List<String> names = new ArrayList<>();
        first.forEach(h -> names.add(h.strip()));
        this.header = List.copyOf(names);
        if (pending == null && !records.hasNext()) {
            throw DataErrors.at(DataErrors.EMPTY_FILE, header(-1), "the file has a header but no rows", null);
        }
    }

    /**
     * Opens {@code file} for reading: it must be a regular file (a device or a pipe never ends or
     * blocks), decoded strictly in {@code charset}.
     *
     * @param maxRows the most data rows read; more is an error
     */
    static CsvText open(Path file, Charset charset, long maxRows) {
        return open(file, charset, maxRows, ',');
    }

    /** Opens {@code file} whose fields are separated by {@code delimiter} ({@code ;} or a tab in many exports). */
    static CsvText open(Path file, Charset charset, long maxRows, char delimiter) {
        if (!Files.isRegularFile(file)) {
            // The position names the file as the script gave it; absolute paths would make the
            // message depend on where the project happens to be checked out.
            boolean exists = Files.exists(file);
            throw DataErrors.at(exists ? DataErrors.NOT_REGULAR : DataErrors.MISSING_FILE, FilePosition.wholeFile(file),
                    !exists ? "the file does not exist" : Files.isDirectory(file) ? "this is a folder, not a file"
                            : "this is not a regular file (a device, a pipe or a socket), so it is not read",
                    exists ? "data files are plain files" : "paths in a script are relative to the script's folder");
        }
        InputStream in = null;
        try {
            in = Files.newInputStream(file);
            return new CsvText(file, in, charset, maxRows, delimiter);
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(in);
            throw unreadable(file, e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    private static RuntimeException unreadable(Path file, Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException || !Files.isReadable(file)) {
            return DataErrors.at(DataErrors.MISSING_FILE, FilePosition.wholeFile(file), "the file cannot be read",
                    "check the file's permissions");
        }
        return DataErrors.at(DataErrors.FIELD_COUNT, FilePosition.wholeFile(file),
                "cannot read the file as CSV: " + e.getMessage(), "check the quoting of fields");
    }

    /** The next data row, or null at the end of the file. */
    Row next() {
        if (pending != null) {
            Row r = pending;
            pending = null;
            return count(r);
        }
        CSVRecord r = nextRecord();
        return r == null ? null : count(new Row(r, reader.lineOf(r.getCharacterPosition())));
    }

    private Row count(Row r) {
        if (++rows > maxRows) {
            throw DataErrors.at(DataErrors.TOO_MANY_ROWS, new FilePosition(file, r.line(), 1, null),
                    String.format(Locale.ROOT, "the file has more than %,d rows", maxRows),
                    "raise the limit with max_rows:, or read a shorter file");
        }
        return r;
    }

    private CSVRecord nextRecord() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord r = records.next();
            reader.rowStartsAt(r.getCharacterPosition());
            return r;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw unreadable(file, e);
        } catch (QflException e) {
            throw withLineText(e);
        }
    }

    /** The reader knows the line of a problem but not its text: quote it (decoded leniently). */
    private QflException withLineText(QflException e) {
        FilePosition p = e.position().orElse(null);
        if (p == null || p.line() <= 0 || p.text() != null) {
            return e;
        }
        return new QflException(e.diagnosticCode(), e.getMessage(), new FilePosition(p.file(), p.line(), p.column(),
                lineText(p.line())), e.hint().orElse(null), null);
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // the read already failed; that is the error worth reporting
            }
        }
    }

    /** Whether the header line was blank and nothing follows (a file of spaces). */
    private boolean peekIsEnd() {
        CSVRecord r = nextRecord();
        if (r == null) {
            return true;
        }
        pending = new Row(r, reader.lineOf(r.getCharacterPosition()));
        return false;
    }

    private static boolean isBlank(CSVRecord r) {
        return r.size() == 1 && r.get(0).isBlank();
    }

    /** Rows read so far (all of them, once {@link #next} returned null). */
    long rowCount() {
        return rows;
    }

    /** The digest of every byte of the file; reads what the parser left unread first. */
    MessageDigest digestOfAllBytes() {
        try {
            bytes.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        return digest;
    }

    int headerLine() {
        return headerLine;
    }

    /**
     * The text of a 1-based line, read again from the file (only diagnostics need it), without its
     * line break and cut to a length a terminal can show; empty when out of range.
     */
    String lineText(int line) {
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            for (int i = 1; i < line; i++) {
                if (!skipLine(in)) {
                    return "";
                }
            }
            StringBuilder text = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n' && text.length() < MAX_QUOTED_CHARS) {
                text.append((char) c);
            }
            if (line == 1 && text.length() > 0 && text.charAt(0) == '\uFEFF') {
                text.deleteCharAt(0);
            }
            int end = text.length();
            return end > 0 && text.charAt(end - 1) == '\r' ? text.substring(0, end - 1) : text.toString();
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static boolean skipLine(BufferedReader in) throws IOException {
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return true;
            }
        }
        return false;
    }

    /** Position of field {@code index} of the row starting on {@code line}. */
    FilePosition at(int line, int index) {
        String raw = lineText(line);
        return new FilePosition(file, line, fieldColumn(raw, index, delimiter), raw);
    }

    FilePosition at(Row r, int index) {
        return at(r.line(), index);
    }

    FilePosition header(int index) {
        String raw = lineText(headerLine);
        return new FilePosition(file, headerLine, index < 0 ? 1 : fieldColumn(raw, index, delimiter), raw);
    }

    /** The 1-based column where field {@code index} starts, honouring quoted commas. */
    static int fieldColumn(String line, int index) {
        return FieldColumns.column(line, index, ',');
    }

    /** The 1-based column where field {@code index} starts, fields separated by {@code delimiter}. */
    static int fieldColumn(String line, int index, char delimiter) {
        return FieldColumns.column(line, index, delimiter);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // closing a file we only read: nothing to recover
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
