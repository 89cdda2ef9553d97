package dev.worldmind.data.jobs;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a job is in its life. */
public enum JobState {
    /** Waiting for the runner. */
    QUEUED,
    /** Being worked on. */
    RUNNING,
    /** Waiting for something outside Worldmind (e.g. a dataset to be installed). */
    BLOCKED,
    /** Stopped with an error; can be retried. */
    FAILED,
    /** Cancelled by a person; can be retried. */
    CANCELLED,
    /** Finished; its output is registered. */
    DONE;

    /** Whether the job still holds its place (an identical request is deduplicated to it). */
    public boolean active() {
        return this == QUEUED || this == RUNNING || this == BLOCKED;
    }

    /** Whether the job can be queued again. */
    public boolean retryable() {
        return this == FAILED || this == CANCELLED || this == BLOCKED;
    }

    /** The lowercase name used in the database and the API (and in JSON). */
    @JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
