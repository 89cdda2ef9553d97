package dev.worldmind.server.load;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a talk load test measured: per character and over all, the latency from a {@code talk}
 * leaving a visitor to the reply's first {@code talk_token} and to its {@code talk_end}.
 *
 * @param clientsWanted talking visitors asked for
 * @param clientsTalking visitors that joined, walked up to their character and talked
 * @param seconds the measured time
 * @param rows one row per character, then {@code all}
 * @param errorCodes the server's error codes for questions in the measured time and any other
 *     problem of the run (e.g. {@code unreachable_character}, a closed socket), with counts
 * @param sampleReplies the first reply to each question asked, keyed {@code character: question}
 *     (to see that the replies are real answers)
 */
public record TalkReport(
        int clientsWanted,
        int clientsTalking,
        double seconds,
        List<Row> rows,
        Map<String, Long> errorCodes,
        Map<String, String> sampleReplies) {

    public TalkReport {
        rows = List.copyOf(rows);
        errorCodes = Map.copyOf(errorCodes);
        sampleReplies = Collections.unmodifiableMap(new TreeMap<>(sampleReplies));
    }

    /** The row over all characters. */
    public Row all() {
        return rows.stream().filter(r -> r.character().equals("all")).findFirst().orElseThrow();
    }

    /**
     * One character's figures (or {@code all}).
     *
     * @param character the character's id, or {@code all}
     * @param asked questions sent in the measured time
     * @param replies replies that ended ({@code talk_end}) within the timeout
     * @param errors questions the server refused with an error (busy, rate_limited, ...)
     * @param timeouts questions without a {@code talk_end} within the timeout
     * @param withheld replies whose question moderation held back
     * @param firstToken talk to the first {@code talk_token}
     * @param end talk to {@code talk_end}
     */
    public record Row(
            String character,
            long asked,
            long replies,
            long errors,
            long timeouts,
            long withheld,
            Latency firstToken,
            Latency end) {}

    /**
     * Latency percentiles in milliseconds.
     *
     * @param count how many values
     * @param p50 median
     * @param p90 90th percentile
     * @param p99 99th percentile
     * @param max the slowest
     */
    public record Latency(long count, double p50, double p90, double p99, double max) {}
}
