package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.app.reinforce.WorldEnvironments;
import dev.worldmind.app.tour.Leg;
import dev.worldmind.app.tour.Navigator;
import dev.worldmind.app.tour.Tour;
import dev.worldmind.app.tour.TourFixtures;
import dev.worldmind.app.tour.TourGuide;
import dev.worldmind.app.tour.TourSettings;
import dev.worldmind.app.world.CharacterPlacement;
import dev.worldmind.app.world.DefaultWorld;
import dev.worldmind.data.world.Point;
import dev.worldmind.data.world.Space;
import dev.worldmind.model.navigation.AStar;
import dev.worldmind.model.navigation.Cell;
import dev.worldmind.model.navigation.GridPath;
import dev.worldmind.model.navigation.WalkGrid;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.testing.TestDatabases;
import dev.worldmind.testing.TestHome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The museum guide's tour in a real server: a registered (untrained) navigation policy that A*
 * keeps rescuing, the guide walking past a visitor who stands in its way, every exhibit in order,
 * the moves seen by everyone in the room, and the refusals.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TourWorldIT {
    static final Space MUSEUM =
            DefaultWorld.spaces().stream().filter(s -> s.id().equals("museum")).findFirst().get();
    static final WalkGrid GRID = WalkGrid.of(MUSEUM.layout(), WorldEnvironments.CELL);
    static final CharacterPlacement.Spot HOME =
            CharacterPlacement.of(MUSEUM.kind(), MUSEUM.layout());

    @TempDir static Path dir;
    static TestWorld world;

    @BeforeAll
    static void start() {
        TourFixtures.registerUntrainedPolicy(new ModelRegistry(dir.resolve("models")), 5);
        ServerConfig config =
                ServerConfig.defaults()
                        .with("server.port", 0)
                        .with("language.home", TestHome.get().root())
                        .with("recommend.enabled", false)
                        .with("tour.models", dir.resolve("models"))
                        .with("tour.guide", new TourSettings(10.0, 0.2, 0.3, 4));
        world = new TestWorld(config, TestDatabases.h2(dir.resolve("db")), Clock.systemUTC());
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!world.server.desks().tours().navigator().equals(Navigator.POLICY)) {
            assertThat(System.nanoTime())
                    .as("the policy loads within a minute")
                    .isLessThan(deadline);
            TestWorld.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @Order(1)
    void theGuideLeadsATourPastSomeoneInTheWayAndEveryoneSeesIt() {
        Cell home = TourGuide.cellOf(GRID, new Point(HOME.x(), HOME.z()));
        Tour plan = Tour.plan(GRID, MUSEUM.layout().items(), home);
        GridPath firstLeg = AStar.path(GRID, home, plan.stops().get(0).cell()).orElseThrow();
        Cell blocked = firstLeg.cells().get(firstLeg.cells().size() / 2);
        Point stand = GRID.centre(blocked);
        try (WsClient ann = world.user().enter("ann").socket();
                WsClient bob = world.user().enter("bob").socket()) {
            ann.join("museum");
            JsonNode joined = bob.join("museum");
            String guide = joined.path("characters").get(0).path("id").asText();
            TestWorld.sleep(1200); // a long step is only accepted after a while
            bob.send(Map.of("type", "move", "x", stand.x(), "z", stand.z(), "ry", 0, "seq", 1));
            assertThat(bob.drain(Duration.ofMillis(300)))
                    .noneMatch(m -> m.path("type").asText().equals("correction"));

            ann.send(Map.of("type", "tour", "character", guide));
            List<JsonNode> seen = new ArrayList<>();
            collect(ann, seen, m -> isTour(m, "finished"), Duration.ofSeconds(90));
            List<JsonNode> stops = seen.stream().filter(m -> isTour(m, "at_stop")).toList();
            assertThat(stops)
                    .extracting(m -> m.path("stop").path("item").asText())
                    .containsExactlyElementsOf(
                            plan.stops().stream().map(s -> s.item().id()).toList());
            assertThat(stops)
                    .extracting(m -> m.path("stop").path("index").asInt())
                    .containsExactly(1, 2, 3, 4, 5, 6, 7);
            assertThat(stops.get(0).path("stop").path("of").asInt()).isEqualTo(7);
            assertThat(stops.get(0).path("text").asText()).startsWith("Here is ");
            JsonNode first = seen.stream().filter(m -> isTour(m, "walking")).findFirst().get();
            assertThat(first.path("navigator").asText()).isEqualTo(Navigator.POLICY);
            assertThat(first.path("visitor").asLong()).isPositive();

            // Then home, where it started; it never stood where bob stands.
            collect(ann, seen, m -> atHome(m), Duration.ofSeconds(60));
            List<JsonNode> moves =
                    seen.stream()
                            .filter(m -> m.path("type").asText().equals("character_move"))
                            .toList();
            assertThat(moves)
                    .hasSizeGreaterThan(50)
                    .allMatch(m -> m.path("character").asText().equals(guide));
            for (JsonNode m : moves) {
                Cell at = GRID.cellAt(m.path("x").asDouble(), m.path("z").asDouble());
                assertThat(at).isNotEqualTo(blocked);
                assertThat(GRID.walkable(at) || near(m, HOME)).isTrue();
            }
            // Bob, in the same room, saw the guide walk too.
            List<JsonNode> bobSaw = bob.drain(Duration.ofMillis(300));
            assertThat(
                            bobSaw.stream()
                                    .filter(m -> m.path("type").asText().equals("character_move")))
                    .hasSizeGreaterThan(50);
            assertThat(bobSaw.stream().filter(m -> isTour(m, "at_stop"))).hasSize(7);
        }
        awaitEnded(1);
        List<Leg> legs = world.server.desks().tours().legs();
        assertThat(legs).hasSize(7);
        for (Leg leg : legs) {
            assertThat(leg.walked()).isGreaterThanOrEqualTo(leg.shortest() - 1e-9);
            System.out.println(TourFixtures.describe(leg));
        }
        System.out.println("fallbacks to A*: " + world.server.desks().tours().fallbacks());
        assertThat(world.server.desks().tours().fallbacks()).isBetween(1L, 8L);
    }

    @Test
    @Order(2)
    void refusesBadBusyFarAndUnknownAsksAndALeavingVisitorEndsTheTour() {
        try (WsClient cat = world.user().enter("cat").socket();
                WsClient dan = world.user().enter("dan").socket();
                WsClient eve = world.user().enter("eve").socket()) {
            String guide = cat.join("museum").path("characters").get(0).path("id").asText();
            dan.join("museum");
            eve.join("museum");
            cat.send(Map.of("type", "tour", "character", "nobody"));
            assertError(cat, "not_found");
            cat.send(Map.of("type", "tour"));
            assertError(cat, "bad_message");
            cat.send(Map.of("type", "tour", "character", 5));
            assertError(cat, "bad_message");
            cat.send("{\"v\":1,\"type\":\"tour\",\"character\":");
            assertError(cat, "bad_json");

            TestWorld.sleep(2100);
            eve.send(Map.of("type", "move", "x", 30.0, "z", 24.0, "ry", 0, "seq", 1));
            eve.send(Map.of("type", "tour", "character", guide));
            assertError(eve, "too_far");

            cat.send(Map.of("type", "tour", "character", guide));
            cat.await("tour", m -> m.path("state").asText().equals("walking"));
            dan.send(Map.of("type", "tour", "character", guide));
            assertError(dan, "busy");
            cat.send(Map.of("type", "tour", "character", guide));
            assertError(cat, "busy");

            cat.socket.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "bye"); // cat leaves
            List<JsonNode> seen = new ArrayList<>();
            collect(dan, seen, TourWorldIT::atHome, Duration.ofSeconds(30));
            assertThat(seen).noneMatch(m -> isTour(m, "finished"));
        }
        awaitEnded(2);
        assertThat(world.server.desks().tours().started()).isEqualTo(2);
    }

    private static void assertError(WsClient ws, String code) {
        JsonNode e = ws.await("error");
        assertThat(e.path("code").asText()).as(e.toString()).isEqualTo(code);
        assertThat(e.path("ref").asText(null)).isIn("tour", null);
    }

    private static boolean isTour(JsonNode m, String state) {
        return m.path("type").asText().equals("tour") && m.path("state").asText().equals(state);
    }

    private static boolean atHome(JsonNode m) {
        return m.path("type").asText().equals("character_move") && near(m, HOME);
    }

    private static boolean near(JsonNode m, CharacterPlacement.Spot spot) {
        return Math.hypot(m.path("x").asDouble() - spot.x(), m.path("z").asDouble() - spot.z())
                < 0.02;
    }

    /** Keeps every message until one matches. */
    private static void collect(
            WsClient ws, List<JsonNode> into, Predicate<JsonNode> until, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode m = ws.inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (m != null) {
                    into.add(m);
                    if (until.test(m)) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("the awaited message did not arrive in " + within);
    }

    private static void awaitEnded(long n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (world.server.desks().tours().ended() < n) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            TestWorld.sleep(50);
        }
    }
}
