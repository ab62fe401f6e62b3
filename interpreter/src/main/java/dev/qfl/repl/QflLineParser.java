package dev.qfl.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine when Enter ends an entry (otherwise it inserts a line break and shows the
 * continuation prompt), and where the word under the cursor starts, for completion. Both
 * decisions are made by the REPL's own classes, so the piped REPL behaves the same.
 */
final class QflLineParser implements Parser {

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) throws EOFError {
        if (context == ParseContext.ACCEPT_LINE && InputCompleteness.needsMore(line)) {
            throw new EOFError(-1, -1, "the statement is not finished", "...");
        }
        return new Word(line, cursor, QflCompleter.wordStart(line, Math.min(cursor, line.length())));
    }

    /** The line with the word being completed: from {@code start} to the cursor. */
    private record Word(String line, int cursor, int start) implements CompletingParsedLine {
        @Override
        public String word() {
            return line.substring(start, Math.min(cursor, line.length()));
        }

        @Override
        public int wordCursor() {
            return word().length();
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word());
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;  // QFL has no shell-style escaping: candidates go in as they are
        }

        @Override
        public int rawWordCursor() {
            return wordCursor();
        }

        @Override
        public int rawWordLength() {
            return word().length();
        }
    }
}
