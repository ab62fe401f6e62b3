package dev.qfl.terminal;

/** The exit codes of every {@code qfl} command; scripts and CI rely on them. */
public final class ExitCodes {
    /** Everything worked. */
    public static final int OK = 0;
    /** A problem the user can fix: the script, its data, options, a missing file, bad usage. */
    public static final int USER_ERROR = 1;
    /** QFL itself failed (a bug): reported in one line, with the trace under {@code --debug}. */
    public static final int INTERNAL = 2;

    private ExitCodes() {
    }
}
