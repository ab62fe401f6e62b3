package dev.qfl.stdlib.table;

import dev.qfl.stdlib.data.sql.ParquetExport;
import dev.qfl.stdlib.io.ExclusiveFileLock;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table written to a file chunk by chunk, so that a large answer never sits in memory whole:
 * each chunk's rows go to a temporary file beside the target, and {@link #finish()} renames it
 * into place in one step. A failure before that (or {@link #close()} without {@code finish})
 * deletes the temporary file, so the target keeps its previous content or stays absent, as with
 * {@link TableExporter#write}. The bytes are those {@link TableExporter} writes for the whole
 * table: CSV rows in the same format, and Parquet through the same DuckDB {@code COPY}.
 *
 * <p>JSON is not written in chunks: its notes and provenance describe the whole answer, so the
 * caller writes it with {@link TableExporter#write} instead ({@link #supports}).
 */
public abstract class ChunkedExport implements AutoCloseable {
    /** The file the chunks end up in. */
    protected final Path target;
    /** The temporary file beside it, renamed over it by {@link #finish()}. */
    protected final Path temporary;
    private boolean finished;

    /** Whether a file of this name is written in chunks: CSV and Parquet are, JSON is not. */
    public static boolean supports(Path file) {
        return supports(file.getFileName().toString());
    }

    /** Whether a file whose name (or path) ends like {@code name} is written in chunks. */
    public static boolean supports(String name) {
        return !name.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /**
     * Starts writing {@code file} (CSV unless its name ends in {@code .parquet}), whose rows will
     * have {@code columns}.
     *
     * @param append add the rows to a CSV file's rows under an exclusive lock, like
     *               {@link TableExporter#append} (the existing header must equal the columns)
     * @throws TableExporter.HeaderMismatch when appending to a file of other columns
     */
    public static ChunkedExport open(Path file, List<Column> columns, boolean append) throws IOException {
        if (!supports(file)) {
            throw new IllegalArgumentException("JSON is written whole, not in chunks: " + file);
        }
        boolean parquet = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
        if (parquet && append) {
            throw new IllegalArgumentException("only CSV files can be appended to: " + file);
        }
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        return parquet ? new ParquetChunks(target, columns) : CsvChunks.start(target, columns, append);
    }

    protected ChunkedExport(Path target) throws IOException {
        this.target = target;
        // named like AtomicFiles' temporaries, so a write after a killed run removes a stale one
        this.temporary = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".qfl-"
                + ProcessHandle.current().pid() + "-", ".tmp");
    }

    /** Adds the rows of {@code chunk} (whose columns are those given to {@link #open}). */
    public abstract void write(Table chunk) throws IOException;

    /** Completes the temporary file (flushed to disk) and renames it over the target. */
    public final void finish() throws IOException {
        complete();
        try (FileChannel ch = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            // the temporary file is private: the result gets the permissions a plain write would give
            Files.setPosixFilePermissions(temporary, Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        finished = true;
    }

    /** Writes whatever the format still holds to the temporary file. */
    protected abstract void complete() throws IOException;

    /** Releases the format's resources (called by {@link #close()}, finished or not). */
    protected abstract void release() throws IOException;

    /** Releases everything; without {@link #finish()} the temporary file is deleted and the target untouched. */
    @Override
    public final void close() throws IOException {
        try {
            release();
        } finally {
            if (!finished) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** CSV: a header, then each chunk's rows printed as {@link TableExporter#csv} prints them. */
    private static final class CsvChunks extends ChunkedExport {
        private final ExclusiveFileLock lock;
        private final CSVPrinter printer;

        private CsvChunks(Path target, ExclusiveFileLock lock, List<Column> columns, boolean append) throws IOException {
            super(target);
            this.lock = lock;
            CSVPrinter opened = null;
            try {
                boolean header = true;
                if (append) {
                    header = !copyExisting(target, temporary, headerLine(columns));
                }
                OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.APPEND);
                opened = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                        format());
                if (header) {
                    opened.printRecord(columns.stream().map(Column::name).toList());
                }
            } catch (IOException | RuntimeException e) {
                if (opened != null) {
                    opened.close();
                }
                Files.deleteIfExists(temporary);
                throw e;
            }
            this.printer = opened;
        }

        /** Opens the writer; an append first takes the target's lock, held until {@link #close()}. */
        static CsvChunks start(Path target, List<Column> columns, boolean append) throws IOException {
            ExclusiveFileLock lock = append ? ExclusiveFileLock.acquire(ExclusiveFileLock.sidecar(target)) : null;
            try {
                return new CsvChunks(target, lock, columns, append);
            } catch (IOException | RuntimeException e) {
                if (lock != null) {
                    lock.close();
                }
                throw e;
            }
        }

        private static CSVFormat format() {
            return CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
        }

        private static String headerLine(List<Column> columns) throws IOException {
            StringWriter out = new StringWriter();
            try (CSVPrinter p = new CSVPrinter(out, format())) {
                p.printRecord(columns.stream().map(Column::name).toList());
            }
            String line = out.toString();
            return line.substring(0, line.length() - 1);
        }

        /**
         * Copies the existing file to the temporary one, as {@link TableExporter#append} keeps it
         * (with a line break added when it lacks a final one), after checking its header.
         *
         * @return whether the file had content (so the rows go on without a header)
         */
        private static boolean copyExisting(Path target, Path temporary, String header) throws IOException {
            if (!Files.exists(target) || Files.size(target) == 0) {
                return false;
            }
            String existingHeader;
            try (BufferedReader r = Files.newBufferedReader(target, StandardCharsets.UTF_8)) {
                String first = r.readLine();
                existingHeader = first == null ? "" : first;
            }
            if (!existingHeader.equals(header)) {
                throw new TableExporter.HeaderMismatch(target.getFileName() + " has the columns " + existingHeader
                        + ", not " + header, target.getFileName() + " has other columns than " + header);
            }
            try (InputStream in = Files.newInputStream(target);
                 OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.TRUNCATE_EXISTING)) {
                in.transferTo(out);
            }
            if (!endsWithLineBreak(target)) {
                Files.write(temporary, new byte[] {'\n'}, StandardOpenOption.APPEND);
            }
            return true;
        }

        private static boolean endsWithLineBreak(Path file) throws IOException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
                ch.read(last, ch.size() - 1);
                return last.get(0) == '\n';
            }
        }

        @Override
        public void write(Table chunk) throws IOException {
            for (Table.Row row : chunk.rows()) {
                Object[] cells = new Object[row.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = CellFormat.exact(row.get(i));
                }
                printer.printRecord(cells);
            }
        }

        @Override
        protected void complete() throws IOException {
            printer.flush();
        }

        @Override
        protected void release() throws IOException {
            try {
                printer.close();
            } finally {
                if (lock != null) {
                    lock.close();
                }
            }
        }
    }

    /** Parquet: the chunks go into one DuckDB table, copied to the temporary file at the end. */
    private static final class ParquetChunks extends ChunkedExport {
        private final ParquetExport.Rows rows;

        ParquetChunks(Path target, List<Column> columns) throws IOException {
            super(target);
            try {
                this.rows = ParquetExport.rows(columns);
            } catch (RuntimeException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
        }

        @Override
        public void write(Table chunk) throws IOException {
            rows.add(chunk);
        }

        @Override
        protected void complete() throws IOException {
            rows.copyTo(temporary);
        }

        @Override
        protected void release() throws IOException {
            rows.close();
        }
    }
}
