package dev.worldmind.server.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.worldmind.data.jobs.Job;
import java.util.List;
import java.util.Map;

/**
 * A job as the API shows it (docs/protocol.md, "Jobs"): the job's own fields (its settings as an
 * object and its state as a lowercase word, as {@link Job} writes them), with {@code log} and
 * {@code points} only when one job is asked for.
 *
 * @param job the job
 * @param deduplicated on a submit or retry, whether an identical active job was returned instead
 * @param log its newest log lines, or null
 * @param points its metric points, or null
 */
public record JobView(
        @JsonUnwrapped Job job,
        Boolean deduplicated,
        List<String> log,
        List<Map<String, Object>> points) {

    /**
     * The job alone, as lists and events show it.
     *
     * @param j the job
     * @return its view
     */
    public static JobView of(Job j) {
        return of(j, null, null, null);
    }

    /**
     * The job with what one answer adds to it.
     *
     * @param j the job
     * @param deduplicated whether a submit or retry found it already queued, or null
     * @param log its log lines, or null
     * @param points its metric points, or null
     * @return its view
     */
    public static JobView of(
            Job j, Boolean deduplicated, List<String> log, List<Map<String, Object>> points) {
        return new JobView(j, deduplicated, log, points);
    }
}
