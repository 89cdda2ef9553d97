package dev.worldmind.data.jobs;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Objects;

/**
 * A queued, running or finished job. Its JSON is the API's job (docs/protocol.md, "Jobs"): the
 * settings as an object, the state as its lowercase id.
 *
 * @param id its id
 * @param kind what kind of work, e.g. {@code train}
 * @param settings its settings as JSON
 * @param title what people see
 * @param feature what in the world waits for it, or null
 * @param priority lower runs first
 * @param state where it is
 * @param progress how far, in [0, 1]
 * @param stage what it is doing now, e.g. {@code "epoch 4 of 12"}, or null
 * @param etaSeconds the estimated seconds left, or null
 * @param problem why it is blocked or failed, or null
 * @param fix what a person can do about it, or null
 * @param output what it produced, e.g. {@code fashion-cnn:1}, or null
 * @param attempts how often it was started
 * @param cancelRequested whether a person asked a running job to stop
 * @param requestedBy who queued it, or null
 * @param createdAt when it was queued
 * @param startedAt when its last attempt started, or null
 * @param endedAt when it ended, or null
 * @param updatedAt when it last changed
 */
public record Job(
        long id,
        String kind,
        @JsonRawValue @JsonDeserialize(using = SettingsJson.class) String settings,
        String title,
        String feature,
        int priority,
        JobState state,
        double progress,
        String stage,
        Long etaSeconds,
        String problem,
        String fix,
        String output,
        int attempts,
        boolean cancelRequested,
        String requestedBy,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        Instant updatedAt) {
    public Job {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
