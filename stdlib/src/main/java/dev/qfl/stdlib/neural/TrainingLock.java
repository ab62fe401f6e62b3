package dev.qfl.stdlib.neural;

import dev.qfl.stdlib.model.FitContext;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one training run at a time use the tensor engine's training state.
 *
 * <p>Why a lock that spans the JVM: DJL's PyTorch engine allows a single gradient collector per
 * process (a second one fails with "A PtGradientCollector is already collecting"), a collector
 * zeroes the gradients of every array in the process when it opens, and the random generator that
 * initialises weights and draws mqf2's noise is the engine's, not the run's. Two sessions training
 * at once would therefore fail, or silently disturb each other's gradients and seeds. Holding this
 * lock for a whole training run (seeding, initialisation and every step) keeps concurrent fits
 * correct and a seed's model the same as when it trains alone; forecasting needs no gradients and
 * runs outside it.
 *
 * <p>This is the one piece of process-wide state in the neural code, forced by the engine; it is
 * a lock only, holding no data.
 */
final class TrainingLock {
    /** Fair, so sessions take turns in the order they asked. */
    private static final ReentrantLock LOCK = new ReentrantLock(true);
    /** How often a waiting run looks whether it was cancelled. */
    private static final long POLL_MILLIS = 200;

    private TrainingLock() {
    }

    /** Releases the lock; closing twice is harmless. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the lock, telling the reporter when it has to wait for another training in this JVM;
     * a cancelled wait (the thread interrupted) ends with a {@link CancellationException}.
     */
    static Held acquire(FitContext context) {
        if (!LOCK.tryLock()) {
            context.reporter().info(context.modelName() + ": waiting for another training in this JVM to finish");
            try {
                while (!LOCK.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    context.checkCancelled();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("cancelled");
            }
        }
        return new Held() {
            private boolean open = true;

            @Override
            public void close() {
                if (open) {
                    open = false;
                    LOCK.unlock();
                }
            }
        };
    }

    /** Whether some thread is training now (for tests). */
    static boolean busy() {
        return LOCK.isLocked();
    }
}
