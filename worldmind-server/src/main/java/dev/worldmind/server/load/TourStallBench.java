package dev.worldmind.server.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.Folders;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.data.world.LayoutLimits;
import dev.worldmind.server.WorldServer;
import dev.worldmind.server.config.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Does a creator planning tours stall the world? Starts a throw-away server, builds museums of the
 * biggest allowed size (a serpentine maze with every obstacle and exhibit allowed), puts plaza
 * clients to work with the load test and measures the world's tick (p99 and max, from the hub) and
 * the plaza's move-to-observer latency, once idle and once while visitors keep asking for,
 * cancelling and asking again for tours in the mazes. Run by {@code bench/tour-stall}.
 */
public final class TourStallBench {
    private final int clients;
    private final int mazes;
    private final Duration measure;
    private final ProgressMonitor progress;

    /** One run's figures. */
    public record Run(
            boolean tours,
            double tickP99Millis,
            double tickMaxMillis,
            double moveP99Millis,
            long toursStarted,
            long toursRefused) {}

    /**
     * @param clients plaza clients
     * @param mazes biggest allowed museums, each with a visitor asking for tours
     * @param measure how long to measure
     * @param progress where to report progress
     */
    public TourStallBench(int clients, int mazes, Duration measure, ProgressMonitor progress) {
        this.clients = clients;
        this.mazes = mazes;
        this.measure = measure;
        this.progress = progress;
    }

    /**
     * Measures one run.
     *
     * @param tours whether visitors plan tours in the mazes meanwhile
     * @return the figures
     */
    public Run run(boolean tours) {
        Path dir;
        try {
            dir = Files.createTempDirectory("worldmind-tour-stall");
        } catch (IOException e) {
            throw new WorldmindException("cannot create a temporary folder: " + e.getMessage(), e);
        }
        ServerConfig config =
                ServerConfig.defaults()
                        .with("server.port", 0)
                        .with("language.home", dir.resolve("home"))
                        .with("recommend.enabled", false);
        try (WorldServer server =
                WorldServer.start(
                        config, DatabaseConfig.h2File(dir.resolve("db")), Clock.systemUTC())) {
            URI base = URI.create("http://127.0.0.1:" + server.port());
            String password = server.firstAdminPassword().orElseThrow();
            AdminApi admin = new AdminApi(base, "admin", password);
            admin.awaitCharacters(Duration.ofMinutes(3));
            for (int i = 0; i < mazes; i++) {
                admin.createSpace(Map.of("id", "maze-" + i, "kind", "museum", "layout", maze()));
            }
            List<Thread> visitors = new ArrayList<>();
            AtomicLong started = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            if (tours) {
                List<String> tokens = admin.bots(mazes, "tourist", progress);
                for (int i = 0; i < mazes; i++) {
                    String token = tokens.get(i);
                    String space = "maze-" + i;
                    Thread t =
                            new Thread(
                                    () -> tourist(base, token, space, started, refused),
                                    "bench-tourist-" + i);
                    t.setDaemon(true);
                    t.start();
                    visitors.add(t);
                }
            }
            server.desks().hub().tickTimes(); // forget the start
            LoadReport plaza =
                    new LoadTest(
                                    new LoadOptions(
                                            base,
                                            "admin",
                                            password,
                                            clients,
                                            10,
                                            "plaza",
                                            Duration.ofSeconds(5),
                                            measure),
                                    progress)
                            .run();
            // The tick figures cover ramp-up, warm-up and measuring: the tours ran through all.
            Histogram ticks = server.desks().hub().tickTimes();
            visitors.forEach(Thread::interrupt);
            return new Run(
                    tours,
                    ticks.getValueAtPercentile(99) / 1e6,
                    ticks.getMaxValue() / 1e6,
                    plaza.p99Millis(),
                    started.get(),
                    refused.get());
        } finally {
            try {
                Folders.deleteTree(dir);
            } catch (IOException e) {
                progress.info("could not delete " + dir + ": " + e.getMessage());
            }
        }
    }

    /** Joins a maze, asks for a tour, leaves (which cancels it), again and again. */
    private static void tourist(
            URI base, String token, String space, AtomicLong started, AtomicLong refused) {
        Inbox inbox = new Inbox();
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws");
        WebSocket socket =
                HttpClient.newHttpClient()
                        .newWebSocketBuilder()
                        .header("Authorization", "Bearer " + token)
                        .buildAsync(ws, inbox)
                        .join();
        try {
            inbox.await("welcome");
            while (!Thread.currentThread().isInterrupted()) {
                socket.sendText(Json.write(Map.of("v", 1, "type", "join", "space", space)), true)
                        .join();
                JsonNode joined = inbox.await("joined");
                String guide = joined.path("characters").path(0).path("id").asText();
                socket.sendText(
                                Json.write(Map.of("v", 1, "type", "tour", "character", guide)),
                                true)
                        .join();
                JsonNode answer = inbox.await("tour", "error");
                if (answer.path("type").asText().equals("tour")) {
                    started.incrementAndGet();
                } else if (answer.path("code").asText().equals("no_route")) {
                    refused.incrementAndGet();
                } else if (answer.path("code").asText().equals("too_far")) {
                    Thread.sleep(2_000); // the guide is still walking home from the last one
                } else {
                    System.err.println(space + ": " + answer);
                }
                Thread.sleep(1_100); // tour shares chat's rate limit: one a second
                socket.sendText(Json.write(Map.of("v", 1, "type", "leave")), true).join();
                inbox.await("left");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println(space + ": the tourist stopped: " + e.getMessage());
        } finally {
            socket.abort();
        }
    }

    /** What arrives on a tourist's socket. */
    private static final class Inbox extends WholeMessages {
        private final LinkedBlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();

        @Override
        void onMessage(WebSocket ws, String text) {
            try {
                queue.add(Json.mapper().readTree(text));
            } catch (IOException e) {
                // not JSON: not for us
            }
        }

        JsonNode await(String... types) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode m = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (m != null && List.of(types).contains(m.path("type").asText())) {
                    return m;
                }
            }
            throw new WorldmindException("no " + List.of(types) + " within 30 s");
        }
    }

    /**
     * The biggest allowed museum: walls every 4 m with a gap at alternating ends, made of as many
     * segments as obstacles are allowed, and every exhibit allowed, four per corridor. Also the
     * layout the regression test of issue 19 plans a tour in.
     *
     * @return the layout as JSON-ready maps
     */
    public static Map<String, Object> maze() {
        int side = (int) LayoutLimits.MAX_SIDE;
        int walls = side / 4 - 1;
        int segments = LayoutLimits.MAX_OBSTACLES / walls;
        List<Map<String, Object>> obstacles = new ArrayList<>();
        for (int k = 1; k <= walls; k++) {
            double from = k % 2 == 1 ? 0 : 4;
            double to = k % 2 == 1 ? side - 4 : side;
            double len = (to - from) / segments;
            for (int s = 0; s < segments && obstacles.size() < LayoutLimits.MAX_OBSTACLES; s++) {
                obstacles.add(
                        Map.of(
                                "kind",
                                "wall",
                                "x",
                                from + len * (s + 0.5),
                                "z",
                                4.0 * k,
                                "w",
                                len,
                                "d",
                                0.4,
                                "h",
                                3));
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < LayoutLimits.MAX_ITEMS; i++) {
            items.add(
                    Map.of(
                            "id", "piece-" + i,
                            "name", "Piece " + i,
                            "description", "",
                            "x", 20.0 + 45 * (i % 4),
                            "z", 2.0 + 4 * ((i / 4) % (side / 4))));
        }
        return Map.of(
                "width", side,
                "depth", side,
                "spawns", List.of(Map.of("x", 2, "z", 2)),
                "obstacles", obstacles,
                "portals", List.of(),
                "items", items);
    }

    /**
     * Runs the bench: three runs idle and three with tours, alternating, then the median and the
     * spread (min-max) of each figure.
     *
     * @param args {@code [clients] [mazes] [seconds]}, default 200 2 20
     */
    public static void main(String[] args) {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int mazes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        ProgressMonitor quiet = ProgressMonitor.silent();
        TourStallBench bench =
                new TourStallBench(clients, mazes, Duration.ofSeconds(seconds), quiet);
        List<Run> idle = new ArrayList<>();
        List<Run> touring = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (boolean tours : new boolean[] {false, true}) {
                Run r = bench.run(tours);
                System.out.println(r);
                (tours ? touring : idle).add(r);
            }
        }
        System.out.printf(
                "%d plaza clients at 10 moves/s, %d biggest-allowed mazes (%d x %d m, %d obstacles,"
                        + " %d items), %d s measured, 3 runs each (median [min-max]):%n",
                clients,
                mazes,
                (int) LayoutLimits.MAX_SIDE,
                (int) LayoutLimits.MAX_SIDE,
                LayoutLimits.MAX_OBSTACLES,
                LayoutLimits.MAX_ITEMS,
                seconds);
        for (List<Run> runs : List.of(idle, touring)) {
            System.out.printf(
                    "  %-9s tick p99 %s ms, tick max %s ms, move->observer p99 %s ms,"
                            + " tours started %s, refused %s%n",
                    runs == idle ? "idle" : "touring",
                    spread(runs.stream().mapToDouble(Run::tickP99Millis).toArray()),
                    spread(runs.stream().mapToDouble(Run::tickMaxMillis).toArray()),
                    spread(runs.stream().mapToDouble(Run::moveP99Millis).toArray()),
                    spread(runs.stream().mapToDouble(Run::toursStarted).toArray()),
                    spread(runs.stream().mapToDouble(Run::toursRefused).toArray()));
        }
    }

    private static String spread(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return "%.1f [%.1f-%.1f]".formatted(v[v.length / 2], v[0], v[v.length - 1]);
    }
}
