package dev.qfl.terminal;

/**
 * A mistake in how QFL was called (a missing file, an unknown benchmark): printed as one line
 * {@code qfl: message}, exit code 1, never with a stack trace.
 */
public final class UserError extends Exception {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
