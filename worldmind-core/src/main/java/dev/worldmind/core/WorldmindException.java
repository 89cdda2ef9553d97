package dev.worldmind.core;

/**
 * The root of every error Worldmind raises on purpose. Its message is written for the person at the
 * terminal or the client: it says what went wrong and, where possible, what to do about it.
 */
public class WorldmindException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message for the user.
     *
     * @param message what went wrong, and what to do about it
     */
    public WorldmindException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message for the user and the underlying cause.
     *
     * @param message what went wrong, and what to do about it
     * @param cause the lower-level failure
     */
    public WorldmindException(String message, Throwable cause) {
        super(message, cause);
    }
}
