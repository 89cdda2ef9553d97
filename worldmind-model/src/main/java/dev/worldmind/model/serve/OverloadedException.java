package dev.worldmind.model.serve;

import dev.worldmind.core.WorldmindException;

/**
 * A model cannot take a request now: its queue is full, the request waited too long, or the
 * deployment is shutting down. The caller should retry later (HTTP 503 with Retry-After).
 */
public class OverloadedException extends WorldmindException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is overloaded, and what to do
     */
    public OverloadedException(String message) {
        super(message);
    }
}
