package dev.worldmind.core;

/** A persisted artifact was written in a format version this build cannot read. */
public class UnsupportedFormatVersionException extends WorldmindException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param what the artifact, e.g. {@code "model keras-cnn:3"}
     * @param found the version found in the artifact
     * @param supported the version this build reads
     */
    public UnsupportedFormatVersionException(String what, int found, int supported) {
        super(
                what
                        + " has format version "
                        + found
                        + ", but this Worldmind reads format version "
                        + supported
                        + "; use a Worldmind release that wrote it, or retrain");
    }
}
