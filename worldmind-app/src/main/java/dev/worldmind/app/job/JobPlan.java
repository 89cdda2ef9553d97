package dev.worldmind.app.job;

import java.util.Objects;

/**
 * A checked job, ready to queue.
 *
 * @param settings its complete settings (defaults filled in, so identical jobs look identical)
 * @param title what people see
 * @param feature what in the world waits for it, or null
 * @param priority lower runs first
 */
public record JobPlan(JobSettings settings, String title, String feature, int priority) {
    public JobPlan {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(title, "title");
    }
}
