package dev.qfl.stdlib.data;

import java.util.List;

/**
 * A panel read from a file, with one-line notes for the user (a summary, the support detected,
 * anything dropped).
 */
public record LoadedPanel(Panel panel, List<String> notes) {
    public LoadedPanel {
        notes = List.copyOf(notes);
    }
}
