package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.server.load.TourStallBench;
import dev.worldmind.testing.TestDatabases;
import dev.worldmind.testing.TestHome;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One creator cannot stall the world: a huge layout is refused at the door, and a tour planned in
 * the biggest allowed space does not stop the updates of another space.
 */
class BoundedWorldIT {
    /**
     * The layout limit on a side (LayoutLimits), written out so the test also runs on older code.
     */
    static final int SIDE = 200;

    @TempDir static Path dir;
    static TestWorld world;
    static TestWorld.User creator;

    @BeforeAll
    static void start() {
        ServerConfig config =
                ServerConfig.defaults()
                        .with("server.port", 0)
                        .with("language.home", TestHome.get().root())
                        .with("recommend.enabled", false);
        world = new TestWorld(config, TestDatabases.h2(dir), Clock.systemUTC());
        // Closing the server while the characters' models still load crashes ONNX Runtime.
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (world.server.desks().characters().host().isEmpty()) {
            assertThat(System.nanoTime()).as("the characters load").isLessThan(deadline);
            TestWorld.sleep(100);
        }
        creator = world.user().enter("builder");
        world.user()
                .admin()
                .call("PUT", "/api/admin/accounts/builder/role", Map.of("role", "creator"));
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void refusesAnEightThousandMetreLayoutWithA400() {
        Map<String, Object> layout =
                TestWorld.emptyLayout(8000, 8000, List.of(Map.of("x", 10, "z", 10)));
        HttpResponse<String> r =
                creator.call(
                        "POST",
                        "/api/spaces",
                        Map.of("id", "vast", "kind", "museum", "layout", layout));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("at most " + SIDE + " m");
        assertThat(creator.call("GET", "/api/spaces/vast", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aTourInTheBiggestAllowedMazeDoesNotStopThePlaza() {
        HttpResponse<String> created =
                creator.call(
                        "POST",
                        "/api/spaces",
                        Map.of("id", "maze", "kind", "museum", "layout", TourStallBench.maze()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        try (WsClient visitor = world.user().enter("visitor").socket();
                WsClient mover = world.user().enter("mover").socket();
                WsClient watcher = world.user().enter("watcher").socket()) {
            JsonNode joined = visitor.join("maze");
            String guide = joined.path("characters").get(0).path("id").asText();
            JsonNode self = mover.join("plaza").path("self");
            long moverId = self.path("id").asLong();
            watcher.join("plaza"); // plaza spawns are within each other's area of interest
            visitor.send(Map.of("type", "tour", "character", guide));
            // The plaza goes on: each small step of the mover reaches the watcher promptly, while
            // the tour is planned and walked in the maze.
            double x = self.path("x").asDouble();
            double z = self.path("z").asDouble();
            for (int seq = 1; seq <= 40; seq++) {
                TestWorld.sleep(60);
                x += seq % 2 == 0 ? 0.2 : -0.2;
                mover.send(Map.of("type", "move", "x", x, "z", z, "ry", 0, "seq", seq));
                int want = seq;
                assertThat(awaitMove(watcher, moverId, want, Duration.ofMillis(1500)))
                        .as("move %d of the mover reached the watcher", want)
                        .isTrue();
            }
            // The visitor got an answer: a tour, or a clear refusal; never silence.
            JsonNode answer = visitor.awaitAny("tour", "error");
            assertThat(answer.toString()).doesNotContain("internal");
        }
    }

    /** Whether a delta with the mover at the given seq arrives within the time. */
    private static boolean awaitMove(WsClient ws, long id, int seq, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode m = ws.inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (m == null || !m.path("type").asText().equals("delta")) {
                    continue;
                }
                for (JsonNode e : m.path("moved")) {
                    if (e.path("id").asLong() == id && e.path("seq").asInt() >= seq) {
                        return true;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
