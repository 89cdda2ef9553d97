package dev.worldmind.core;

/**
 * Input data is corrupt, truncated, of the wrong kind or inconsistent: a damaged dataset file, a
 * checksum that does not match, an image that cannot be decoded.
 */
public class InvalidDataException extends WorldmindException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the data, naming the file or source
     */
    public InvalidDataException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong with the data, naming the file or source
     * @param cause the lower-level failure
     */
    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
