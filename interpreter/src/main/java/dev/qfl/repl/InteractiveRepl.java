package dev.qfl.repl;

import dev.qfl.api.QflVersion;
import dev.qfl.terminal.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The prompt a person types at: history across runs, multi-line entries, completion,
 * highlighting. Each entry runs on a worker thread so Ctrl-C can cancel it: the signal interrupts
 * the worker, the library stops at its next check between training steps, and the session keeps
 * everything defined before the cancelled statement.
 */
final class InteractiveRepl {
    static final String PROMPT = "qfl> ";
    static final String CONTINUATION = "...> ";

    private final ReplSession session;

    InteractiveRepl(ReplSession session) {
        this.session = session;
    }

    /** Where history is kept: {@code -Dqfl.history=FILE}, else {@code ~/.qfl_history}. */
    static Path historyFile() {
        String configured = System.getProperty("qfl.history");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".qfl_history");
    }

    int run() {
        try (Terminal terminal = TerminalBuilder.builder().name("qfl").system(true).encoding(StandardCharsets.UTF_8)
                .build()) {
            LineReader reader = reader(terminal);
            PrintWriter screen = terminal.writer();
            screen.println("QFL " + QflVersion.get() + ": type statements, or :help; Ctrl-D leaves.");
            screen.flush();
            try {
                loop(reader, terminal);
            } finally {
                saveHistory(reader);
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            session.invocation().console().err().println("qfl: cannot use the terminal: " + e.getMessage());
            return ExitCodes.USER_ERROR;
        }
    }

    private LineReader reader(Terminal terminal) {
        return LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("qfl")
                .parser(new QflLineParser())
                .completer(new QflCompleter(session.words(), session::names, new FileSuggestions(session.workingFolder())))
                .highlighter(new QflHighlighter(session.words(), session.session()::names))
                .variable(LineReader.HISTORY_FILE, historyFile())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                // '!' starts history expansion in shells; in QFL it is part of '!='
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    private void loop(LineReader reader, Terminal terminal) {
        while (true) {
            String entry;
            try {
                entry = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue;  // Ctrl-C at the prompt: the line is dropped, the session stays
            } catch (EndOfFileException e) {
                return;  // Ctrl-D
            }
            if (runCancellable(entry, terminal) == ReplSession.Outcome.QUIT) {
                return;
            }
        }
    }

    /** Runs an entry on a worker thread that Ctrl-C interrupts. */
    private ReplSession.Outcome runCancellable(String entry, Terminal terminal) {
        AtomicReference<ReplSession.Outcome> outcome = new AtomicReference<>(ReplSession.Outcome.ERROR);
        Thread worker = new Thread(() -> {
            try {
                outcome.set(session.submit(entry));
            } catch (Throwable t) {  // even an Error must not take the prompt down with it
                session.invocation().failure(t);
            }
        }, "qfl-evaluate");
        AtomicInteger presses = new AtomicInteger();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
            worker.interrupt();
            session.clearProgress();
            // start from a clean line: the terminal has echoed ^C wherever the cursor was
            terminal.writer().print("\r\u001b[K");
            terminal.writer().println(presses.getAndIncrement() == 0 ? "^C cancelling…"
                    : "^C still cancelling: the current step finishes first");
            terminal.writer().flush();
        });
        try {
            worker.start();
            while (worker.isAlive()) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    worker.interrupt();
                }
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
        return outcome.get();
    }

    private void saveHistory(LineReader reader) {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            session.invocation().console().err().println("qfl: could not save the history to " + historyFile() + ": "
                    + e.getMessage());
        }
    }
}
