package dev.qfl.stdlib.model;

import java.util.concurrent.CancellationException;

/**
 * What a fit or forecast needs from its caller besides data and spec.
 *
 * @param modelName the declared name, for messages
 * @param reporter  where progress and warnings go
 */
public record FitContext(String modelName, Reporter reporter) {

    public static FitContext silent(String modelName) {
        return new FitContext(modelName, Reporter.silent());
    }

    /**
     * Stops long work when the user cancelled (Ctrl-C in the REPL interrupts the evaluating
     * thread). Call between steps, never in the middle of writing a file.
     */
    public void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }
}
