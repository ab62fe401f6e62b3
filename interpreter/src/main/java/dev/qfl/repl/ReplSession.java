package dev.qfl.repl;

import dev.qfl.api.QflEngine;
import dev.qfl.api.QflScriptException;
import dev.qfl.api.QflSession;
import dev.qfl.terminal.Invocation;
import dev.qfl.terminal.OutputPrinter;
import dev.qfl.terminal.ProgressLine;
import java.nio.file.Path;

/**
 * What the REPL keeps between entries: one QFL session (relative paths resolve against the
 * working folder) and the meta-commands. Each entry is either a meta-command ({@code :help}) or
 * QFL statements; an entry with errors prints them and changes nothing, and the session goes on.
 */
final class ReplSession implements AutoCloseable {
    /** What became of one entry. */
    enum Outcome { OK, ERROR, QUIT }

    /** Shown as the file name in diagnostics about typed input. */
    static final String SOURCE_NAME = "<repl>";

    private final Invocation invocation;
    private final ProgressLine progress;
    private final QflEngine engine;
    private final QflSession session;
    private final LanguageWords words;
    private final MetaCommands meta;
    private final Path workingFolder;

    ReplSession(Invocation invocation, Path workingFolder) {
        this.invocation = invocation;
        this.workingFolder = workingFolder;
        this.progress = invocation.progressLine();
        this.engine = invocation.engine(progress);
        this.session = engine.openSession(workingFolder);
        this.words = new LanguageWords(engine.models());
        this.meta = new MetaCommands(this);
    }

    /** Runs one entry: a meta-command or statements. */
    Outcome submit(String entry) {
        String text = entry.strip();
        if (text.isEmpty()) {
            return Outcome.OK;
        }
        if (text.startsWith(":")) {
            return meta.run(text);
        }
        return evaluate(SOURCE_NAME, entry, null);
    }

    /**
     * Runs statements, printing results as they come and errors at the end.
     *
     * @param folder where their relative paths resolve, or null for the working folder
     */
    Outcome evaluate(String sourceName, String source, Path folder) {
        OutputPrinter printer = printer();
        try {
            if (folder == null) {
                session.evaluate(sourceName, source, printer);
            } else {
                session.evaluate(sourceName, source, folder, printer);
            }
            return Outcome.OK;
        } catch (QflScriptException e) {
            invocation.scriptFailed(e, printer);
            return Outcome.ERROR;
        } catch (RuntimeException e) {
            invocation.failure(e);  // a bug in QFL: reported in one line, and the session goes on
            return Outcome.ERROR;
        }
    }

    /** A printer for one entry's outputs (tables unlabelled: the user just typed the statement). */
    OutputPrinter printer() {
        var c = invocation.console();
        return new OutputPrinter(c.out(), c.err(), c.renderer(), invocation.verbosity(), false, progress);
    }

    /** Erases a progress bar on screen (before the REPL says something while a fit runs). */
    void clearProgress() {
        if (progress != null) {
            progress.clear();
        }
    }

    Invocation invocation() {
        return invocation;
    }

    QflSession session() {
        return session;
    }

    LanguageWords words() {
        return words;
    }

    Path workingFolder() {
        return workingFolder;
    }

    DeclaredNames names() {
        return DeclaredNames.of(session);
    }

    @Override
    public void close() {
        session.close();
    }
}
