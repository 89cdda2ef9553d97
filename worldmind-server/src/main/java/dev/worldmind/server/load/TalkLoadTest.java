package dev.worldmind.server.load;

import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.concurrent.DaemonThreads;
import dev.worldmind.core.progress.ProgressMonitor;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Visitors talking to the AI characters of a running world server: spread evenly over the
 * characters' spaces, each walks up to its character and asks a question every few seconds (one at
 * a time, jittered), and every reply is timed from the {@code talk} to its first {@code talk_token}
 * and to its {@code talk_end}. Phases: wait until the characters are ready, connect and walk up,
 * talk unrecorded for the warm-up, record for the duration, then stop asking and wait for the last
 * replies at most the reply timeout. Bounded; closes what it opened.
 */
public final class TalkLoadTest {
    /** The spaces with a character in the default world, one visitor in five each. */
    static final List<String> SPACES = List.of("plaza", "museum", "classroom", "shop", "clinic");

    private static final Duration READY_LIMIT = Duration.ofMinutes(5);
    private static final Duration WALK_LIMIT = Duration.ofSeconds(60);

    private final TalkOptions options;
    private final ProgressMonitor progress;

    /**
     * @param options what to do
     * @param progress where to report progress
     */
    public TalkLoadTest(TalkOptions options, ProgressMonitor progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Runs the test; returns what it measured. */
    public TalkReport run() {
        URI base = options.server();
        AdminApi admin = new AdminApi(base, options.adminUser(), options.adminPassword());
        progress.info("waiting for the characters to be ready");
        long wait = System.nanoTime();
        int characters = admin.awaitCharacters(READY_LIMIT);
        progress.info(
                characters
                        + " characters ready after "
                        + (System.nanoTime() - wait) / 1_000_000_000
                        + " s");
        List<String> tokens = admin.bots(options.clients(), "talk", progress);

        TalkStats stats = new TalkStats();
        AtomicBoolean asking = new AtomicBoolean(true);
        AtomicBoolean measuring = new AtomicBoolean(false);
        List<TalkClient> clients = new ArrayList<>();
        HttpClient sockets = HttpClient.newHttpClient();
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws");
        ScheduledExecutorService ticker =
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("talk-ticker"));
        try {
            ticker.scheduleAtFixedRate(
                    () -> {
                        long now = System.nanoTime();
                        for (TalkClient c : snapshot(clients)) {
                            try {
                                c.tick(now);
                            } catch (RuntimeException e) {
                                stats.otherError("client_" + e.getClass().getSimpleName());
                            }
                        }
                    },
                    50,
                    50,
                    TimeUnit.MILLISECONDS);
            progress.info(
                    "connecting " + tokens.size() + " visitors to " + SPACES.size() + " spaces");
            for (int i = 0; i < tokens.size(); i++) {
                TalkClient client =
                        new TalkClient(
                                stats,
                                SPACES.get(i % SPACES.size()),
                                options.seed() + i,
                                options,
                                asking,
                                measuring);
                try {
                    sockets.newWebSocketBuilder()
                            .header("Authorization", "Bearer " + tokens.get(i))
                            .connectTimeout(Duration.ofSeconds(10))
                            .buildAsync(ws, client)
                            .get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    stats.otherError("connect_failed");
                    continue;
                }
                synchronized (clients) {
                    clients.add(client);
                }
                AdminApi.sleep(20);
            }
            awaitWalks(clients);
            progress.info("warming up for " + options.warmup().toSeconds() + " s");
            AdminApi.sleep(options.warmup().toMillis());
            int talking = count(clients, TalkClient.Phase.TALKING);
            measuring.set(true);
            long start = System.nanoTime();
            progress.info("recording for " + options.duration().toSeconds() + " s");
            AdminApi.sleep(options.duration().toMillis());
            asking.set(false);
            measuring.set(false);
            double seconds = (System.nanoTime() - start) / 1e9;
            long deadline = System.nanoTime() + options.replyTimeout().toNanos() + 200_000_000L;
            while (System.nanoTime() < deadline && clients.stream().anyMatch(TalkClient::waiting)) {
                AdminApi.sleep(50);
            }
            ticker.shutdownNow();
            clients.forEach(TalkClient::finish);
            return stats.report(options.clients(), talking, seconds);
        } finally {
            ticker.shutdownNow();
            clients.forEach(TalkClient::abort);
        }
    }

    private void awaitWalks(List<TalkClient> clients) {
        long deadline = System.nanoTime() + WALK_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            int settled =
                    count(clients, TalkClient.Phase.TALKING)
                            + count(clients, TalkClient.Phase.FAILED);
            if (settled >= clients.size()) {
                break;
            }
            AdminApi.sleep(100);
        }
        int failed = count(clients, TalkClient.Phase.FAILED);
        if (failed == clients.size()) {
            throw new WorldmindException(
                    "no visitor could join and walk up to a character (see the error codes)");
        }
        progress.info(
                count(clients, TalkClient.Phase.TALKING)
                        + " visitors are at their characters"
                        + (failed > 0 ? ", " + failed + " failed" : ""));
    }

    private static List<TalkClient> snapshot(List<TalkClient> clients) {
        synchronized (clients) {
            return List.copyOf(clients);
        }
    }

    private static int count(List<TalkClient> clients, TalkClient.Phase phase) {
        return (int) snapshot(clients).stream().filter(c -> c.phase() == phase).count();
    }
}
