package dev.qfl.repl;

import dev.qfl.terminal.ExitCodes;
import dev.qfl.terminal.Invocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The QFL REPL. With a person at a terminal it is the interactive prompt ({@link InteractiveRepl});
 * with stdin piped it reads entries from it line by line with the same rules for where an entry
 * ends, prints results, and exits at the end of input: 0, or 1 when any entry had errors, which
 * makes it scriptable ({@code qfl < session.txt}) and testable.
 */
public final class Repl {
    private final Invocation invocation;

    public Repl(Invocation invocation) {
        this.invocation = invocation;
    }

    /** Runs until the user leaves or input ends; returns the exit code. */
    public int run() {
        Path here = Path.of("").toAbsolutePath();
        try (ReplSession session = new ReplSession(invocation, here)) {
            if (invocation.console().stdinTerminal()) {
                return new InteractiveRepl(session).run();
            }
            return piped(session);
        }
    }

    private int piped(ReplSession session) {
        BufferedReader in = new BufferedReader(new InputStreamReader(invocation.console().in(), StandardCharsets.UTF_8));
        boolean errors = false;
        StringBuilder entry = new StringBuilder();
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (entry.length() == 0 && line.isBlank()) {
                    continue;
                }
                if (entry.length() > 0) {
                    entry.append('\n');
                }
                entry.append(line);
                if (InputCompleteness.needsMore(entry.toString())) {
                    continue;
                }
                ReplSession.Outcome outcome = session.submit(entry.toString());
                entry.setLength(0);
                errors |= outcome == ReplSession.Outcome.ERROR;
                if (outcome == ReplSession.Outcome.QUIT) {
                    return errors ? ExitCodes.USER_ERROR : ExitCodes.OK;
                }
            }
        } catch (IOException e) {
            invocation.console().err().println("qfl: cannot read standard input: " + e.getMessage());
            return ExitCodes.USER_ERROR;
        }
        if (!entry.toString().isBlank()) {
            // input ended in the middle of a statement: run it, which reports what is missing
            errors |= session.submit(entry.toString()) == ReplSession.Outcome.ERROR;
        }
        return errors ? ExitCodes.USER_ERROR : ExitCodes.OK;
    }
}
