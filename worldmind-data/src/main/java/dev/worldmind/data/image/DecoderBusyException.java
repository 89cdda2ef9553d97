package dev.worldmind.data.image;

import dev.worldmind.core.WorldmindException;
import java.time.Duration;

/**
 * Every picture decoder slot is taken and none came free in time; retrying a moment later succeeds
 * (HTTP answers 503 with Retry-After).
 */
public final class DecoderBusyException extends WorldmindException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param message what was busy, and what to do
     * @param retryAfter when a retry is worth it
     */
    public DecoderBusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** When a retry is worth it. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
