package dev.worldmind.core.progress;

/**
 * Receives progress of long work (downloads, training epochs) so that a front end can show it: the
 * CLI draws a progress bar, tests stay silent. Implementations must tolerate calls from the thread
 * doing the work only; they need not be thread-safe.
 */
public interface ProgressMonitor {
    /**
     * Starts a task.
     *
     * @param name what is being done, e.g. {@code "epoch 3/5"}
     * @param total how many units the task has, or -1 if unknown
     * @param unit the unit, e.g. {@code "img"}
     * @return the task, to be closed when done
     */
    Task begin(String name, long total, String unit);

    /**
     * Reports a message that is not part of a task (e.g. "fetching MNIST").
     *
     * @param message the message
     */
    void info(String message);

    /** A running task. */
    interface Task extends AutoCloseable {
        /**
         * Reports how far the task is.
         *
         * @param done units done so far
         * @param detail a short live summary, e.g. {@code "loss 0.12 acc 97.1%"}
         */
        void update(long done, String detail);

        /** Ends the task. */
        @Override
        void close();
    }

    /** Returns a monitor that shows nothing. */
    static ProgressMonitor silent() {
        return new ProgressMonitor() {
            @Override
            public Task begin(String name, long total, String unit) {
                return new Task() {
                    @Override
                    public void update(long done, String detail) {}

                    @Override
                    public void close() {}
                };
            }

            @Override
            public void info(String message) {}
        };
    }
}
