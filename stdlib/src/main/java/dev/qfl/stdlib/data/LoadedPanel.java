package dev.qfl.stdlib.data;

import java.util.List;

/**
 * A panel read from a file, with one-line notes for the user (a summary, the support detected,
 * anything dropped) and warnings about what was probably not meant (series that end early,
 * absent rows that look like omitted zeros).
 */
public record LoadedPanel(Panel panel, List<String> notes, List<DataWarning> warnings) {
    public LoadedPanel {
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    /** A panel with nothing to warn about. */
    public LoadedPanel(Panel panel, List<String> notes) {
        this(panel, notes, List.of());
    }
}
