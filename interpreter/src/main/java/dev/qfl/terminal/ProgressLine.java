package dev.qfl.terminal;

import dev.qfl.stdlib.model.Reporter.EpochReport;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line training progress bar redrawn in place with a carriage return, for a terminal.
 * Whoever prints anything else first calls {@link #clear()}, so the bar never runs into other
 * text (a fit that stops early leaves its last frame behind otherwise).
 */
public final class ProgressLine {
    private final PrintStream err;
    private final int width;
    private boolean drawn;

    /** @param width terminal columns; the bar stays one column short so it never wraps */
    public ProgressLine(PrintStream err, int width) {
        this.err = err;
        this.width = width;
    }

    /** Draws the bar for an epoch that just finished, and removes it after the last one. */
    public synchronized void show(EpochReport r) {
        String text = frame(r, width - 1);
        err.print("\r" + text + "\u001b[K");
        drawn = true;
        if (r.epoch() >= r.epochs()) {
            clear();
        } else {
            err.flush();
        }
    }

    /** Erases the bar if one is on screen. */
    public synchronized void clear() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = false;
        }
    }

    /** The bar's text, at most {@code columns} characters. */
    public static String frame(EpochReport r, int columns) {
        String stats = String.format(Locale.ROOT, " %d/%d  loss %.4f%s  eta %s", r.epoch(), r.epochs(), r.trainLoss(),
                Double.isNaN(r.validationLoss()) ? "" : String.format(Locale.ROOT, "  val %.4f", r.validationLoss()),
                duration(r.etaMillis()));
        String head = "fit " + r.model() + " ";
        int barWidth = Math.max(0, Math.min(30, columns - head.length() - stats.length() - 2));
        StringBuilder sb = new StringBuilder(head);
        if (barWidth >= 5) {
            int done = r.epochs() <= 0 ? 0 : (int) Math.round((double) barWidth * Math.min(r.epoch(), r.epochs()) / r.epochs());
            sb.append('[').append("=".repeat(done)).append(" ".repeat(barWidth - done)).append(']');
        }
        sb.append(stats);
        return sb.length() <= columns ? sb.toString() : sb.substring(0, Math.max(0, columns));
    }

    public static String duration(long millis) {
        long s = Math.max(0, (millis + 500) / 1000);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
