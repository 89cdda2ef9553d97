package dev.worldmind.server.load;

import dev.worldmind.core.InvalidDataException;
import java.net.URI;
import java.time.Duration;

/**
 * What a talk load test does: visitors spread over the AI characters' spaces, each asking its
 * character a question every few seconds.
 *
 * @param server the running server to test
 * @param adminUser an admin's name (for bot tokens) on that server
 * @param adminPassword the admin's password
 * @param clients how many talking visitors, spread evenly over the characters' spaces
 * @param talkInterval the mean time between one visitor's questions (each gap is drawn uniformly
 *     from half to one and a half times this)
 * @param warmup how long the visitors talk before anything is recorded
 * @param duration how long questions are recorded
 * @param replyTimeout how long a reply may take before it counts as a timeout
 * @param seed the seed of the visitors' question order and timing
 */
public record TalkOptions(
        URI server,
        String adminUser,
        String adminPassword,
        int clients,
        Duration talkInterval,
        Duration warmup,
        Duration duration,
        Duration replyTimeout,
        long seed) {

    /** The most talking clients one run may start. */
    public static final int MAX_CLIENTS = 1_000;

    /**
     * The shortest mean interval: its shortest gap (half of it) keeps within the server's talk
     * limit per connection (1 message/s, shared with chat).
     */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(2);

    public TalkOptions {
        if (server == null || adminUser == null || adminPassword == null) {
            throw new InvalidDataException(
                    "a talk load test needs a running server (--url) and an admin's name and"
                            + " password (WORLDMIND_ADMIN_PASSWORD)");
        }
        if (clients < 1 || clients > MAX_CLIENTS) {
            throw new InvalidDataException("clients must be 1-" + MAX_CLIENTS + ", got " + clients);
        }
        if (talkInterval.compareTo(MIN_INTERVAL) < 0
                || talkInterval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new InvalidDataException(
                    "the talk interval must be 2-60 s (the server takes at most one talk message"
                            + " per second from a connection), got "
                            + talkInterval.toMillis() / 1000.0
                            + " s");
        }
        check(warmup, "warm-up", true);
        check(duration, "duration", false);
        check(replyTimeout, "reply timeout", false);
    }

    private static void check(Duration d, String what, boolean zeroOk) {
        if (d.isNegative()
                || (!zeroOk && d.isZero())
                || d.compareTo(LoadOptions.MAX_DURATION) > 0) {
            throw new InvalidDataException(
                    "the " + what + " must be " + (zeroOk ? "0" : "above 0") + "-10 minutes");
        }
    }
}
