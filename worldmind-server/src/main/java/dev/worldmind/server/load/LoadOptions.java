package dev.worldmind.server.load;

import dev.worldmind.core.InvalidDataException;
import java.net.URI;
import java.time.Duration;

/**
 * What a load test does.
 *
 * @param server the server to test, or null to start a throw-away one in this JVM
 * @param adminUser an admin's name (for bot tokens) on that server
 * @param adminPassword the admin's password
 * @param clients how many simulated clients to hold
 * @param moveHz how often each client moves per second
 * @param space the space they join
 * @param rampUp how long to take to connect them all
 * @param duration how long to measure once all are in (plus a short warm-up)
 */
public record LoadOptions(
        URI server,
        String adminUser,
        String adminPassword,
        int clients,
        double moveHz,
        String space,
        Duration rampUp,
        Duration duration) {

    /** The most clients one run may start (the tool is bounded by design). */
    public static final int MAX_CLIENTS = 5_000;

    /** The longest run. */
    public static final Duration MAX_DURATION = Duration.ofMinutes(10);

    public LoadOptions {
        if (clients < 1 || clients > MAX_CLIENTS) {
            throw new InvalidDataException("clients must be 1-" + MAX_CLIENTS + ", got " + clients);
        }
        if (moveHz <= 0 || moveHz > 20) {
            throw new InvalidDataException(
                    "move rate must be in (0, 20] per second, got " + moveHz);
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new InvalidDataException("duration must be positive and at most 10 minutes");
        }
        if (rampUp.isNegative() || rampUp.compareTo(MAX_DURATION) > 0) {
            throw new InvalidDataException("ramp-up must be 0-10 minutes");
        }
        if (server != null && (adminUser == null || adminPassword == null)) {
            throw new InvalidDataException(
                    "testing a running server needs an admin's name and password (for bot tokens)");
        }
    }
}
