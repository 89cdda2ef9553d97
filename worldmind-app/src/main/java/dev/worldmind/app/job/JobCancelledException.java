package dev.worldmind.app.job;

import dev.worldmind.core.WorldmindException;

/** Thrown inside a job's work when it must stop: a person cancelled it or the runner closes. */
public final class JobCancelledException extends WorldmindException {
    private static final long serialVersionUID = 1L;

    /** Whether the runner is closing (the job is queued again) rather than cancelled. */
    private final boolean shutdown;

    JobCancelledException(String message, boolean shutdown) {
        super(message);
        this.shutdown = shutdown;
    }

    /** Whether the runner is closing, so the job resumes on the next start. */
    public boolean shutdown() {
        return shutdown;
    }
}
