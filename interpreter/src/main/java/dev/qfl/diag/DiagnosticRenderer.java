package dev.qfl.diag;

/**
 * Renders diagnostics the same way for the CLI, the REPL and exception messages:
 * <pre>
 * plan.qfl:4:22: error[QF2006]: level 1.5 is outside (0, 1)
 *    4 | quantile(demand, 1.5) using naive
 *      |                  ^^^
 *      = hint: a level is a probability, e.g. 0.95
 * </pre>
 */
public final class DiagnosticRenderer {
    private final boolean color;

    public DiagnosticRenderer(boolean color) {
        this.color = color;
    }

    public static DiagnosticRenderer plain() {
        return new DiagnosticRenderer(false);
    }

    public String render(Diagnostic d) {
        StringBuilder sb = new StringBuilder();
        sb.append(location(d)).append(": ");
        sb.append(paint(d.severity().label() + "[" + d.code() + "]", d.severity() == Severity.ERROR ? "31;1" : "33;1"));
        sb.append(": ").append(d.message()).append('\n');
        if (d.span() != null && d.lineText() != null) {
            String lineNo = String.valueOf(d.span().line());
            String pad = " ".repeat(lineNo.length());
            String text = d.lineText().replace('\t', ' ');
            sb.append(' ').append(lineNo).append(" | ").append(text).append('\n');
            int col = Math.max(1, d.span().column());
            int width = Math.max(1, Math.min(d.span().length(), Math.max(1, text.length() - col + 1)));
            sb.append(' ').append(pad).append(" | ").append(" ".repeat(Math.min(col - 1, text.length())))
                    .append(paint("^".repeat(width), "32;1")).append('\n');
            for (String hint : d.hints()) {
                sb.append(' ').append(pad).append(" = hint: ").append(hint).append('\n');
            }
        } else {
            for (String hint : d.hints()) {
                sb.append("  = hint: ").append(hint).append('\n');
            }
        }
        return sb.toString();
    }

    /** {@code file:line:col}, or {@code file} when there is no position. */
    public static String location(Diagnostic d) {
        if (d.span() == null) {
            return d.source();
        }
        return d.source() + ":" + d.span().line() + ":" + Math.max(1, d.span().column());
    }

    private String paint(String s, String ansi) {
        return color ? "\u001b[" + ansi + "m" + s + "\u001b[0m" : s;
    }
}
