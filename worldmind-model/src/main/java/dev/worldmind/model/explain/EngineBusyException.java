package dev.worldmind.model.explain;

import dev.worldmind.core.WorldmindException;

/**
 * The deep-learning engine is computing gradients for something else (a training step in another
 * thread) for longer than an explanation waits; retrying later succeeds.
 */
public final class EngineBusyException extends WorldmindException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was busy
     */
    public EngineBusyException(String message) {
        super(message);
    }
}
