package dev.worldmind.server.load;

import dev.worldmind.core.Folders;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.concurrent.DaemonThreads;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.server.WorldServer;
import dev.worldmind.server.config.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Drives simulated clients against a world server over loopback and measures what it holds: moves
 * at a fixed rate, the latency from a move to its arrival at each observer, and messages per
 * second. Bounded in clients and time; stops by itself and closes what it opened.
 */
public final class LoadTest {
    private final LoadOptions options;
    private final ProgressMonitor progress;
    // The simulated clients' sockets are spread over two HTTP clients, so that receiving is not
    // funnelled through one selector thread (the tool would then measure itself).
    private final HttpClient[] socketClients = {
        HttpClient.newHttpClient(), HttpClient.newHttpClient()
    };

    /**
     * @param options what to do
     * @param progress where to report progress
     */
    public LoadTest(LoadOptions options, ProgressMonitor progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Runs the test; returns what it measured. */
    public LoadReport run() {
        if (options.server() != null) {
            return against(options.server(), options.adminUser(), options.adminPassword());
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("worldmind-load");
        } catch (IOException e) {
            throw new WorldmindException("cannot create a temporary folder: " + e.getMessage(), e);
        }
        ServerConfig config = ServerConfig.defaults().with("server.port", 0);
        try (WorldServer server =
                WorldServer.start(
                        config, DatabaseConfig.h2File(dir.resolve("load")), Clock.systemUTC())) {
            progress.info("started a throw-away server at " + server.url());
            return against(
                    URI.create("http://127.0.0.1:" + server.port()),
                    "admin",
                    server.firstAdminPassword().orElseThrow());
        } finally {
            try {
                Folders.deleteTree(dir);
            } catch (IOException e) {
                progress.info("could not delete " + dir + ": " + e.getMessage());
            }
        }
    }

    private LoadReport against(URI base, String adminUser, String adminPassword) {
        List<String> tokens =
                new AdminApi(base, adminUser, adminPassword)
                        .bots(options.clients(), "load", progress);

        LoadStats stats = new LoadStats();
        List<SimClient> clients = new ArrayList<>();
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws");
        ScheduledExecutorService mover =
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("load-mover"));
        try {
            long sliceNanos = (long) (1e9 / options.moveHz() / 10);
            AtomicLong slice = new AtomicLong();
            mover.scheduleAtFixedRate(
                    () -> {
                        long s = slice.getAndIncrement() % 10;
                        List<SimClient> snapshot;
                        synchronized (clients) {
                            snapshot = List.copyOf(clients);
                        }
                        for (int i = (int) s; i < snapshot.size(); i += 10) {
                            try {
                                snapshot.get(i).step();
                            } catch (RuntimeException e) {
                                stats.errors.increment();
                            }
                        }
                    },
                    sliceNanos,
                    sliceNanos,
                    TimeUnit.NANOSECONDS);
            long rampNanosEach = options.rampUp().toNanos() / tokens.size();
            progress.info(
                    "connecting "
                            + tokens.size()
                            + " clients over "
                            + options.rampUp().toSeconds()
                            + " s");
            for (int i = 0; i < tokens.size(); i++) {
                SimClient client = new SimClient(stats, options.space(), 42L + i);
                try {
                    socketClients[i % socketClients.length]
                            .newWebSocketBuilder()
                            .header("Authorization", "Bearer " + tokens.get(i))
                            .connectTimeout(Duration.ofSeconds(10))
                            .buildAsync(ws, client)
                            .get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    stats.errors.increment();
                    continue;
                }
                synchronized (clients) {
                    clients.add(client);
                }
                if (rampNanosEach > 0) {
                    sleep(rampNanosEach / 1_000_000);
                }
            }
            waitForJoins(clients);
            progress.info("warming up for 3 s");
            sleep(3_000);
            stats.startMeasuring();
            long start = System.nanoTime();
            progress.info("measuring for " + options.duration().toSeconds() + " s");
            sleep(options.duration().toMillis());
            Histogram h = stats.stopMeasuring();
            double seconds = (System.nanoTime() - start) / 1e9;
            int held = 0;
            Set<Integer> instances = new HashSet<>();
            for (SimClient c : clients) {
                if (c.joined) {
                    held++;
                    instances.add(c.instance);
                }
            }
            return new LoadReport(
                    options.clients(),
                    held,
                    instances.size(),
                    seconds,
                    stats.sent.sum() / seconds,
                    stats.received.sum() / seconds,
                    stats.arrivals.sum() / seconds,
                    h.getValueAtPercentile(50) / 1e6,
                    h.getValueAtPercentile(99) / 1e6,
                    h.getMaxValue() / 1e6,
                    stats.errors.sum() + stats.closedUnexpectedly.sum());
        } finally {
            mover.shutdownNow();
            for (SimClient c : clients) {
                if (c.socket != null) {
                    c.socket.abort();
                }
            }
        }
    }

    private void waitForJoins(List<SimClient> clients) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            long joined = clients.stream().filter(c -> c.joined).count();
            if (joined >= clients.size()) {
                return;
            }
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorldmindException("interrupted", e);
        }
    }
}
