package dev.qfl.terminal;

/** How much a command says besides its results and errors. */
public enum Verbosity {
    /** Results and errors only: no messages, warnings or progress. */
    QUIET,
    /** Results, messages (fit summaries, files written), warnings, and a progress bar on a terminal. */
    NORMAL,
    /** Also one line per training epoch, even when stderr is not a terminal. */
    VERBOSE;

    public boolean quiet() {
        return this == QUIET;
    }
}
