package dev.worldmind.app.job;

import dev.worldmind.core.WorldmindException;

/** A job is refused because too many are waiting: one person may not take the whole queue. */
public final class JobLimitException extends WorldmindException {
    private static final long serialVersionUID = 1L;

    JobLimitException(String message) {
        super(message);
    }
}
