package dev.qfl.diag;

import java.util.Locale;

/** How bad a diagnostic is: errors stop a script, warnings and notes do not. */
public enum Severity {
    ERROR,
    WARNING,
    NOTE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
