package dev.worldmind.data.jobs;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A job to queue.
 *
 * @param kind what kind of work, e.g. {@code train}
 * @param settings its settings as canonical JSON (the same settings always give the same text)
 * @param title what people see, e.g. {@code "fashion-cnn: garment classifier on fashion-mnist"}
 * @param feature what in the world waits for it, or null
 * @param priority lower runs first
 * @param requestedBy who asked for it (a username or {@code start}), or null
 */
public record JobRequest(
        String kind,
        String settings,
        String title,
        String feature,
        int priority,
        String requestedBy) {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,23}");

    public JobRequest {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("a job kind is a short lowercase word: " + kind);
        }
        Objects.requireNonNull(settings, "settings");
        if (settings.length() > 8000) {
            throw new IllegalArgumentException("job settings are at most 8000 characters");
        }
        Objects.requireNonNull(title, "title");
        title = JobText.cut(title, 200);
        feature = feature == null ? null : JobText.cut(feature, 200);
        if (requestedBy != null && requestedBy.length() > 40) {
            throw new IllegalArgumentException("requestedBy is at most 40 characters");
        }
    }
}
