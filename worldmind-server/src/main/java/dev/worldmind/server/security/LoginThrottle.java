package dev.worldmind.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key in a sliding window and blocks a key that had too many: failed logins per
 * account name or client address, and registrations per client address. Kept in memory: a restart
 * forgets it, which only ever helps the legitimate owner. Thread-safe.
 */
public final class LoginThrottle {
    private final int maxFailures;
    private final Duration window;
    private final Duration block;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param maxFailures failures within the window that trigger a block
     * @param window the sliding window
     * @param block how long a block lasts
     * @param clock the time source
     */
    public LoginThrottle(int maxFailures, Duration window, Duration block, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.block = block;
        this.clock = clock;
    }

    /**
     * How long the key is still blocked.
     *
     * @param key the account name or address
     * @return the remaining block, or empty when the key may try
     */
    public Optional<Duration> blockedFor(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            Instant now = clock.instant();
            if (entry.blockedUntil != null && now.isBefore(entry.blockedUntil)) {
                return Optional.of(Duration.between(now, entry.blockedUntil));
            }
            return Optional.empty();
        }
    }

    /**
     * Records a failure; the key is blocked when it reaches the limit.
     *
     * @param key the account name or address
     */
    public void failed(String key) {
        Entry entry = entries.computeIfAbsent(key, k -> new Entry());
        synchronized (entry) {
            Instant now = clock.instant();
            entry.failures.addLast(now);
            while (!entry.failures.isEmpty()
                    && entry.failures.peekFirst().isBefore(now.minus(window))) {
                entry.failures.removeFirst();
            }
            if (entry.failures.size() >= maxFailures) {
                entry.blockedUntil = now.plus(block);
                entry.failures.clear();
            }
        }
        if (entries.size() > 100_000) {
            forgetStale();
        }
    }

    /**
     * Counts an event that is limited whether or not it succeeds (a registration); the same as
     * {@link #failed}.
     *
     * @param key the client address
     */
    public void counted(String key) {
        failed(key);
    }

    /**
     * Forgets the failures of a key after a successful login.
     *
     * @param key the account name or address
     */
    public void succeeded(String key) {
        entries.remove(key);
    }

    private void forgetStale() {
        Instant horizon = clock.instant().minus(window);
        entries.entrySet()
                .removeIf(
                        e -> {
                            synchronized (e.getValue()) {
                                Entry v = e.getValue();
                                boolean blocked =
                                        v.blockedUntil != null
                                                && v.blockedUntil.isAfter(clock.instant());
                                Instant last = v.failures.peekLast();
                                return !blocked && (last == null || last.isBefore(horizon));
                            }
                        });
    }

    private static final class Entry {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant blockedUntil;
    }
}
