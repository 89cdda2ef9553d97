package dev.worldmind.data.db;

import dev.worldmind.core.WorldmindException;

/**
 * The database cannot be opened or used: it is locked by another process, unreachable, has a schema
 * newer than this build, or a statement failed. The message says which, and what to do.
 */
public class DatabaseException extends WorldmindException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, and what to do about it
     */
    public DatabaseException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, and what to do about it
     * @param cause the lower-level failure
     */
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
