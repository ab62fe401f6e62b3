package dev.qfl.terminal;

import dev.qfl.diag.DiagnosticRenderer;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The streams a command talks through, and what is known about them: whether stdin and stderr
 * are terminals (for the interactive REPL, colour and progress bars) and how wide the terminal is.
 * Tests pass in-memory streams, which are never terminals.
 *
 * @param in             standard input
 * @param out            results: tables and messages
 * @param err            diagnostics, warnings and progress
 * @param stdinTerminal  whether a person types on stdin (interactive REPL)
 * @param stderrTerminal whether stderr is shown on a terminal (progress bars)
 * @param color          whether diagnostics on stderr may use ANSI colour
 * @param width          terminal width in columns (for progress bars)
 */
public record Console(InputStream in, PrintStream out, PrintStream err, boolean stdinTerminal, boolean stderrTerminal,
                      boolean color, int width) {

    /**
     * A console over the given streams. Only the process's own standard streams can be
     * terminals: the launcher tells which ones are ({@code -Dqfl.tty.stdin/stderr}, from the
     * shell's {@code [ -t N ]}), since Java alone only knows whether both stdin and stdout are.
     */
    public static Console of(InputStream in, PrintStream out, PrintStream err, boolean systemStreams,
                             Map<String, String> env) {
        boolean console = System.console() != null;
        boolean stdinTty = systemStreams && flag("qfl.tty.stdin", console);
        boolean stderrTty = systemStreams && flag("qfl.tty.stderr", console);
        boolean color = stderrTty && env.get("NO_COLOR") == null && !"dumb".equals(env.get("TERM"));
        return new Console(in, out, err, stdinTty, stderrTty, color, width(env));
    }

    private static boolean flag(String property, boolean fallback) {
        String v = System.getProperty(property);
        return v == null ? fallback : Boolean.parseBoolean(v);
    }

    private static int width(Map<String, String> env) {
        try {
            int columns = Integer.parseInt(env.getOrDefault("COLUMNS", "80").trim());
            return columns >= 20 ? columns : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /** Renders diagnostics for stderr, in colour when stderr is a terminal that wants it. */
    public DiagnosticRenderer renderer() {
        return new DiagnosticRenderer(color);
    }
}
