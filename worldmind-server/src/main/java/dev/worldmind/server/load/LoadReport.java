package dev.worldmind.server.load;

/**
 * What a load test measured.
 *
 * @param clientsWanted clients asked for
 * @param clientsHeld clients connected and in the space at the end
 * @param instances how many instances of the space they were spread over
 * @param seconds the measured time
 * @param movesSentPerSecond moves sent by all clients
 * @param messagesReceivedPerSecond server messages received by all clients
 * @param movesObservedPerSecond moves that arrived at observers (one per observer)
 * @param p50Millis median latency from a move to its arrival at an observer
 * @param p99Millis 99th percentile of that latency
 * @param maxMillis the slowest arrival
 * @param errors protocol errors and failed connections
 */
public record LoadReport(
        int clientsWanted,
        int clientsHeld,
        int instances,
        double seconds,
        double movesSentPerSecond,
        double messagesReceivedPerSecond,
        double movesObservedPerSecond,
        double p50Millis,
        double p99Millis,
        double maxMillis,
        long errors) {

    /** A short human-readable summary. */
    public String summary() {
        return ("clients held %d/%d in %d instance(s) | %.0f moves/s sent, %.0f msgs/s received,"
                        + " %.0f move arrivals/s | move→observer latency p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms | errors %d")
                .formatted(
                        clientsHeld,
                        clientsWanted,
                        instances,
                        movesSentPerSecond,
                        messagesReceivedPerSecond,
                        movesObservedPerSecond,
                        p50Millis,
                        p99Millis,
                        maxMillis,
                        errors);
    }
}
