package dev.worldmind.core.progress;

/**
 * Receives messages about long work (fetching a dataset, training) so that a front end can show
 * them: the CLI prints them, tests stay silent. Training progress has its own, richer listener in
 * the model layer. Implementations are called from the working thread only.
 */
@FunctionalInterface
public interface ProgressMonitor {
    /**
     * Reports what is happening, e.g. {@code "fetching mnist"}.
     *
     * @param message the message
     */
    void info(String message);

    /** Returns a monitor that shows nothing. */
    static ProgressMonitor silent() {
        return message -> {};
    }
}
