package dev.worldmind.server.http;

import dev.worldmind.app.job.JobSettings;
import dev.worldmind.data.jobs.Job;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job as the API shows it (docs/protocol.md, "Jobs"): its settings as an object, its state as a
 * lowercase word; with {@code log} and {@code points} only when one job is asked for.
 */
public record JobView(
        long id,
        String kind,
        String title,
        Map<String, Object> settings,
        String state,
        int priority,
        double progress,
        String stage,
        Long etaSeconds,
        String feature,
        String problem,
        String fix,
        String output,
        int attempts,
        boolean cancelRequested,
        String requestedBy,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        Instant updatedAt,
        Boolean deduplicated,
        List<String> log,
        List<Map<String, Object>> points) {

    public static JobView of(Job j) {
        return of(j, null, null, null);
    }

    public static JobView of(
            Job j, Boolean deduplicated, List<String> log, List<Map<String, Object>> points) {
        return new JobView(
                j.id(),
                j.kind(),
                j.title(),
                JobSettings.parse(j.settings()).asMap(),
                j.state().id(),
                j.priority(),
                j.progress(),
                j.stage(),
                j.etaSeconds(),
                j.feature(),
                j.problem(),
                j.fix(),
                j.output(),
                j.attempts(),
                j.cancelRequested(),
                j.requestedBy(),
                j.createdAt(),
                j.startedAt(),
                j.endedAt(),
                j.updatedAt(),
                deduplicated,
                log,
                points);
    }
}
