package dev.worldmind.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import dev.worldmind.core.WorldmindException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Opens gradient collectors one at a time in the whole process. DJL's PyTorch engine allows only
 * one open collector per JVM and refuses a second at once, so a background training job and a
 * Grad-CAM explanation served at the same time would break one another. Every collector Worldmind
 * opens goes through here: a fair lock hands the engine's tape to each in turn, so an explanation
 * waits for at most one training batch and a trainer for at most one explanation.
 */
public final class GradientTapes {
    private static final ReentrantLock LOCK = new ReentrantLock(true);

    private GradientTapes() {}

    /**
     * Opens a collector once no other is open, waiting at most {@code patience}.
     *
     * @param open opens the engine's collector, e.g. {@code trainer::newGradientCollector}
     * @param patience how long to wait for the tape
     * @return the collector; closing it lets the next one open
     * @throws EngineBusyException when the tape stayed taken for {@code patience}
     */
    public static GradientCollector open(Supplier<GradientCollector> open, Duration patience) {
        try {
            if (!LOCK.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new EngineBusyException(
                        "the engine's gradient tape stayed busy for "
                                + patience.toSeconds()
                                + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineBusyException("interrupted while waiting for the gradient tape");
        }
        try {
            return new Held(open.get());
        } catch (RuntimeException e) {
            LOCK.unlock();
            throw e;
        }
    }

    /**
     * Opens a collector for training: waits as long as an explanation can take.
     *
     * @param open opens the engine's collector
     * @return the collector
     */
    public static GradientCollector forTraining(Supplier<GradientCollector> open) {
        return open(open, Duration.ofMinutes(5));
    }

    /** Thrown when the gradient tape could not be had in time. */
    public static final class EngineBusyException extends WorldmindException {
        private static final long serialVersionUID = 1L;

        EngineBusyException(String message) {
            super(message);
        }
    }

    /** A collector that gives the tape back when closed (once, on the thread that opened it). */
    private static final class Held implements GradientCollector {
        private final GradientCollector delegate;
        private boolean closed;

        Held(GradientCollector delegate) {
            this.delegate = delegate;
        }

        @Override
        public void backward(NDArray target) {
            delegate.backward(target);
        }

        @Override
        public void zeroGradients() {
            delegate.zeroGradients();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                delegate.close();
            } finally {
                LOCK.unlock();
            }
        }
    }
}
