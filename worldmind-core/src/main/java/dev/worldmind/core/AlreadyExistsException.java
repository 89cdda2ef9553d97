package dev.worldmind.core;

/** A named thing (an account, a space, a session) cannot be created because it exists already. */
public class AlreadyExistsException extends WorldmindException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which thing exists already, e.g. {@code "the username ada is taken"}
     */
    public AlreadyExistsException(String message) {
        super(message);
    }
}
