package dev.qfl.stdlib.neural;

import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Draws training batches on a second thread while the tensor engine works on the current one, so
 * window sampling (plain Java) overlaps the step (native code). One producer draws from the seeded
 * random source in order, so the sequence of batches is the same as drawing them in line.
 */
final class BatchPrefetcher implements AutoCloseable {
    private static final int AHEAD = 2;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread producer;

    BatchPrefetcher(WindowSampler windows, SplittableRandom random, int size) {
        producer = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    queue.put(windows.sample(random, size));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                queue.offer(e);   // surfaced by next(), on the training thread
            }
        }, "qfl-batches");
        producer.setDaemon(true);
        producer.start();
    }

    Batch next() {
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("cancelled");
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        return (Batch) item;
    }

    @Override
    public void close() {
        producer.interrupt();
    }
}
