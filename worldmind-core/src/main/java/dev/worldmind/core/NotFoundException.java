package dev.worldmind.core;

/** A named thing (a model, a version, a dataset, a file) does not exist. */
public class NotFoundException extends WorldmindException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which thing was not found, and where it was looked for
     */
    public NotFoundException(String message) {
        super(message);
    }
}
