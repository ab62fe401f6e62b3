package dev.qfl.stdlib.data;

import dev.qfl.stdlib.FilePosition;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Decodes a data file as it is read, strictly: a byte sequence that is not valid in the file's
 * encoding is an error at its line and column (Latin-1 bytes read as UTF-8 would otherwise become
 * U+FFFD and merge {@code Café} with {@code Cafè}). It also remembers where lines start, so a
 * record's character offset becomes its line without holding the file in memory, and stops a row
 * that grows without bound (an unclosed quote, a file of zeros) before it exhausts memory.
 */
final class DecodingReader extends Reader {
    /** The longest row read, in characters: far beyond any real row, far below the heap. */
    static final int MAX_ROW_CHARS = 1 << 20;

    private final InputStream in;
    private final java.nio.file.Path file;
    private final CharsetDecoder decoder;
    private final String encodingName;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);
    /** Offsets of the line breaks decoded but not yet passed by {@link #lineOf}. */
    private final ArrayDeque<Long> pendingBreaks = new ArrayDeque<>();
    private long delivered;
    private int linesBefore;
    private long decodedLine = 1;
    private long decodedColumn = 1;
    private long rowStart;
    private boolean endOfInput;
    private boolean first = true;

    DecodingReader(InputStream in, java.nio.file.Path file, Charset charset) {
        this.in = in;
        this.file = file;
        this.encodingName = charset.name();
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] target, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(target, off, n);
        delivered += n;
        if (delivered - rowStart > MAX_ROW_CHARS) {
            throw DataErrors.at(DataErrors.ROW_TOO_LONG, new FilePosition(file, (int) Math.min(Integer.MAX_VALUE, decodedLine), 1, null),
                    String.format(Locale.ROOT, "a row longer than %,d characters", MAX_ROW_CHARS),
                    "is a quote left open, or is this not a CSV file?");
        }
        return n;
    }

    /** Decodes the next chunk; false at the end of the input. */
    private boolean fill() throws IOException {
        if (endOfInput && !bytes.hasRemaining()) {
            return false;
        }
        bytes.compact();
        int read = endOfInput ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
        chars.clear();
        CoderResult result = decoder.decode(bytes, chars, endOfInput);
        if (endOfInput && !result.isError()) {
            result = decoder.flush(chars);
        }
        chars.flip();
        skipByteOrderMark();
        track();
        if (result.isError()) {
            throw DataErrors.at(DataErrors.BAD_ENCODING, new FilePosition(file, (int) Math.min(Integer.MAX_VALUE, decodedLine),
                            (int) Math.min(Integer.MAX_VALUE, decodedColumn), null),
                    "bytes that are not valid " + encodingName + " (the file is in another encoding)",
                    "save the file as UTF-8, or name its encoding, e.g. encoding: \"ISO-8859-1\"");
        }
        return chars.hasRemaining() || !endOfInput || bytes.hasRemaining();
    }

    private void skipByteOrderMark() {
        if (first && chars.hasRemaining()) {
            first = false;
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.position(chars.position() + 1);
            }
        }
    }

    /** Counts the line breaks of the freshly decoded chunk (and where the next character sits). */
    private void track() {
        long offset = delivered;
        for (int i = chars.position(); i < chars.limit(); i++, offset++) {
            if (chars.get(i) == '\n') {
                pendingBreaks.add(offset);
                decodedLine++;
                decodedColumn = 1;
            } else {
                decodedColumn++;
            }
        }
    }

    /**
     * The 1-based line holding character {@code offset}; offsets must be asked in increasing order
     * (records are read in order), which lets passed line breaks be forgotten.
     */
    int lineOf(long offset) {
        while (!pendingBreaks.isEmpty() && pendingBreaks.peekFirst() < offset) {
            pendingBreaks.removeFirst();
            linesBefore++;
        }
        return linesBefore + 1;
    }

    /** A new row starts at {@code offset}: the row-length limit counts from here. */
    void rowStartsAt(long offset) {
        rowStart = Math.max(rowStart, offset);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
