package dev.qfl.stdlib.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qfl.stdlib.data.sql.ParquetExport;
import dev.qfl.stdlib.io.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes tables to CSV (header + rows) or JSON ({@code provenance}, {@code columns}, {@code rows}
 * as objects, {@code notes}). Files are written atomically: a reader sees the old file or the
 * complete new one, never a half-written one. Numbers are rounded to 12 significant digits
 * ({@link CellFormat#FILE_DIGITS}); the JSON provenance gets the UTC time of writing.
 */
public final class TableExporter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TableExporter() {
    }

    /**
     * Writes by file extension ({@code .csv}, {@code .json} or {@code .parquet}). A plain write reads nothing, so it
     * needs no lock (and leaves no lock file): it replaces the file in one rename.
     */
    public static void write(Table table, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        AtomicFiles.write(file, name.endsWith(".parquet") ? ParquetExport.bytes(table)
                : (name.endsWith(".json") ? json(table) : csv(table)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds the rows to a CSV log, creating it (with its header) when absent. The existing header
     * must equal the table's columns. The read, the check and the rewrite happen under an exclusive
     * lock (threads and processes appending to one log take turns, so no row is lost), and the
     * whole new file is renamed into place, so a crash leaves the old log intact.
     *
     * @throws HeaderMismatch when the file's header names other columns
     */
    public static void append(Table table, Path file) throws IOException {
        String fresh = csv(table);
        AtomicFiles.rewrite(file, current -> appended(file, current, fresh).getBytes(StandardCharsets.UTF_8));
    }

    private static String appended(Path file, byte[] current, String fresh) throws HeaderMismatch {
        if (current == null || current.length == 0) {
            return fresh;
        }
        String existing = new String(current, StandardCharsets.UTF_8);
        int end = fresh.indexOf('\n');
        String header = fresh.substring(0, end);
        String existingHeader = existing.lines().findFirst().orElse("");
        if (!existingHeader.equals(header)) {
            throw new HeaderMismatch(file.getFileName() + " has the columns " + existingHeader + ", not " + header,
                    file.getFileName() + " has other columns than " + header);
        }
        StringBuilder all = new StringBuilder(existing);
        if (!existing.endsWith("\n")) {
            all.append('\n');
        }
        all.append(fresh.substring(end + 1));
        return all.toString();
    }

    /** An append to a CSV file whose columns differ from the table's. */
    public static final class HeaderMismatch extends IOException {
        private static final long serialVersionUID = 1L;

        private final String withoutContent;

        HeaderMismatch(String message, String withoutContent) {
            super(message);
            this.withoutContent = withoutContent;
        }

        /** The message without the existing file's header (for sessions that quote no file content). */
        public String withoutContent() {
            return withoutContent;
        }
    }

    public static String csv(Table table) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(table.columnNames());
            for (Table.Row row : table.rows()) {
                Object[] cells = new Object[row.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = CellFormat.exact(row.get(i));
                }
                printer.printRecord(cells);
            }
        }
        return out.toString();
    }

    public static String json(Table table) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode provenance = JSON.valueToTree(table.provenance());
        // when this file was written, in UTC, so a plan read later says how old it is
        provenance.put("exported_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        root.set("provenance", provenance);
        ArrayNode columns = root.putArray("columns");
        for (Column c : table.columns()) {
            columns.addObject().put("name", c.name()).put("type", c.type().name().toLowerCase(Locale.ROOT));
        }
        ArrayNode rows = root.putArray("rows");
        for (Table.Row row : table.rows()) {
            ObjectNode o = rows.addObject();
            for (int i = 0; i < row.size(); i++) {
                Object cell = row.get(i);
                String key = table.columns().get(i).name();
                if (cell instanceof Double d && !d.isNaN() && !d.isInfinite()) {
                    o.put(key, CellFormat.fileValue(d));
                } else if (cell instanceof Integer n) {
                    o.put(key, n);
                } else if (cell == null) {
                    o.putNull(key);
                } else {
                    o.put(key, CellFormat.exact(cell));
                }
            }
        }
        ArrayNode notes = root.putArray("notes");
        table.notes().forEach(notes::add);
        return JSON.writeValueAsString(root) + "\n";
    }
}
