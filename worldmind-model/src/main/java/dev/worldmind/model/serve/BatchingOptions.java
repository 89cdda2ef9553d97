package dev.worldmind.model.serve;

import java.time.Duration;
import java.util.Objects;

/**
 * How a model's requests are batched.
 *
 * @param maxBatchSize the most images one forward pass takes; 1 turns batching off
 * @param maxQueueDelay how long the first request of a batch waits for company
 * @param workers how many threads run forward passes
 * @param queueCapacity the most images waiting; beyond it requests are refused as overload
 * @param timeout how long a request may wait in the queue before it is refused
 */
public record BatchingOptions(
        int maxBatchSize,
        Duration maxQueueDelay,
        int workers,
        int queueCapacity,
        Duration timeout) {
    /** Batches of up to 32 images, 2 ms wait, one worker, 512 queued images, 5 s timeout. */
    public static final BatchingOptions DEFAULT =
            new BatchingOptions(32, Duration.ofMillis(2), 1, 512, Duration.ofSeconds(5));

    public BatchingOptions {
        if (maxBatchSize < 1 || maxBatchSize > 1024) {
            throw new IllegalArgumentException("maxBatchSize must be 1-1024: " + maxBatchSize);
        }
        Objects.requireNonNull(maxQueueDelay, "maxQueueDelay");
        if (maxQueueDelay.isNegative() || maxQueueDelay.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("maxQueueDelay must be 0-1000 ms: " + maxQueueDelay);
        }
        if (workers < 1 || workers > 64) {
            throw new IllegalArgumentException("workers must be 1-64: " + workers);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be positive: " + queueCapacity);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** Returns these options with batching off: every request is its own forward pass. */
    public BatchingOptions unbatched() {
        return new BatchingOptions(1, Duration.ZERO, workers, queueCapacity, timeout);
    }

    /**
     * Returns these options with another number of workers.
     *
     * @param n the workers
     */
    public BatchingOptions withWorkers(int n) {
        return new BatchingOptions(maxBatchSize, maxQueueDelay, n, queueCapacity, timeout);
    }
}
