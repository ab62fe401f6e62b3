package dev.qfl.stdlib.model;

/**
 * Where long-running library work reports to: the CLI prints, the REPL draws progress bars, an
 * embedding application logs. Implementations must be cheap; they are called once per epoch.
 */
public interface Reporter {

    void info(String message);

    void warn(String message);

    /** Called after every training epoch. */
    default void epoch(EpochReport report) {
    }

    /** A reporter that drops everything (tests, batch scoring). */
    static Reporter silent() {
        return new Reporter() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }
        };
    }

    /**
     * Progress of one epoch.
     *
     * @param model          declared model name
     * @param epoch          1-based epoch just finished
     * @param epochs         planned epochs
     * @param trainLoss      mean training loss of the epoch
     * @param validationLoss validation loss after the epoch (NaN without a validation slice)
     * @param elapsedMillis  time since the fit started
     */
    record EpochReport(String model, int epoch, int epochs, double trainLoss, double validationLoss,
                       long elapsedMillis) {

        /** Estimated milliseconds left, from the mean epoch time so far. */
        public long etaMillis() {
            return epoch == 0 ? 0 : elapsedMillis * (epochs - epoch) / epoch;
        }
    }
}
