package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.app.recommend.WorldRecommendations;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.testing.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The world's recommendations in a real server: shelf, suggestions, next lesson and the API. */
class RecommendationWorldIT {
    @TempDir static Path dir;
    static TestWorld world;

    @BeforeAll
    static void start() {
        world = startRecommending(dir);
    }

    /** A server on a free port whose recommender keeps its models in {@code models}. */
    static ServerConfig recommending(Path models) {
        return ServerConfig.defaults().with("server.port", 0).with("recommend.models", models);
    }

    /**
     * Starts a recommending world on a new database in {@code dir} and waits until its recommender
     * is ready.
     */
    static TestWorld startRecommending(Path dir) {
        TestWorld w =
                new TestWorld(
                        recommending(dir.resolve("models")),
                        TestDatabases.h2(dir.resolve("db")),
                        Clock.systemUTC());
        awaitRecommendations(w);
        return w;
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    /** Waits until the recommender is trained or loaded (503 warming_up until then). */
    static void awaitRecommendations(TestWorld w) {
        TestWorld.User probe = w.user().enter("probe" + System.nanoTime() % 100000);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = probe.call("GET", "/api/recommendations?kind=product", null);
            if (r.statusCode() == 200) {
                return;
            }
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(TestWorld.json(r).path("error").asText()).isEqualTo("warming_up");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the recommender did not get ready within a minute");
    }

    @Test
    void theRecommenderIsRegisteredWithItsHeldOutFigures() {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"));
        var m = registry.get(WorldRecommendations.NAME);
        assertThat(m.kind()).isEqualTo("recommender");
        assertThat(m.metrics()).containsKeys("ndcg@10", "popularityNdcg@10");
        assertThat(m.provenance().dataset().sha256()).isNotBlank();
    }

    @Test
    void aNewShopperGetsPopularProductsAndThreeLikesChangeTheShelf() {
        TestWorld.User ann = world.user().enter("ann");
        try (WsClient ws = ann.socket()) {
            ws.join("shop");
            JsonNode first = ws.await("shelf");
            assertThat(first.path("status").asText()).isEqualTo("ready");
            List<String> before = ids(first.path("items"));
            assertThat(before).hasSize(6).allMatch(id -> id.startsWith("shop/"));
            assertThat(first.path("items").get(0).path("explanation").asText())
                    .isEqualTo("popular with other visitors");
            assertThat(first.path("items").get(0).path("price").isNumber()).isTrue();
            JsonNode rest = TestWorld.json(ann.call("GET", "/api/recommendations?n=6", null));
            assertThat(ids(rest.path("items"))).isEqualTo(before);

            List<String> liked = List.of("french-press", "coffee-beans", "honey-jar");
            JsonNode shelf = null;
            for (String item : liked) {
                ws.send(Map.of("type", "act", "action", "like", "item", item));
                ws.await("acted");
                shelf = ws.await("shelf");
            }
            List<String> after = ids(shelf.path("items"));
            assertThat(after).isNotEqualTo(before).doesNotContain("shop/french-press");
            List<String> reasons =
                    List.of(
                            "because you liked Glass French press",
                            "because you liked Single-origin coffee beans",
                            "because you liked Wildflower honey");
            assertThat(shelf.path("items").get(0).path("explanation").asText()).isIn(reasons);
            JsonNode now = TestWorld.json(ann.call("GET", "/api/recommendations?n=6", null));
            assertThat(ids(now.path("items"))).isEqualTo(after);
            assertThat(now.path("algorithm").asText()).isEqualTo("item-knn");

            // the same like again: no error, the liked product stays off the shelf
            ws.send(Map.of("type", "act", "action", "like", "item", "french-press"));
            ws.await("acted");
            assertThat(ids(ws.await("shelf").path("items"))).doesNotContain("shop/french-press");
        }
    }

    @Test
    void thePlazaSuggestsSpacesAndPeopleAndTheClassroomTheNextLesson() {
        TestWorld.User bob = world.user().enter("bob");
        try (WsClient ws = bob.socket()) {
            ws.join("plaza");
            JsonNode s = ws.await("suggestions");
            assertThat(s.path("spaces").size()).isBetween(1, 4);
            assertThat(ids(s.path("spaces")))
                    .allMatch(id -> id.startsWith("space:"))
                    .doesNotContain("space:plaza");
            // bob has not opted in to "people like you": he sees nobody
            assertThat(s.path("people").size()).isZero();
            assertThat(s.toString().length()).isLessThan(4096);

            ws.send(Map.of("type", "join", "space", "classroom"));
            JsonNode next = ws.await("next_lesson");
            assertThat(next.path("lesson").path("step").asInt()).isEqualTo(1);
            String first = next.path("lesson").path("item").asText();
            ws.send(Map.of("type", "act", "action", "view", "item", first));
            JsonNode then = ws.await("next_lesson");
            assertThat(then.path("lesson").path("item").asText()).isNotEqualTo(first);
        }
        JsonNode spaces =
                TestWorld.json(bob.call("GET", "/api/recommendations?kind=space&n=3", null));
        assertThat(spaces.path("items").size()).isBetween(1, 3);
    }

    @Test
    void peopleSuggestionsAreOptInAndNeverListStaffOrSimulatedVisitors() {
        List<String> liked = List.of("french-press", "coffee-beans", "honey-jar", "ceramic-mug");
        TestWorld.User dan = world.user().enter("dan");
        TestWorld.User erin = world.user().enter("erin");
        TestWorld.User admin = world.user().admin();
        admin.call("PUT", "/api/avatar", Map.of("name", "Admin"));
        for (TestWorld.User u : List.of(dan, erin, admin)) {
            try (WsClient ws = u.socket()) {
                ws.join("shop");
                ws.await("shelf");
                for (String item : liked) {
                    ws.send(Map.of("type", "act", "action", "like", "item", item));
                    ws.await("acted");
                }
            }
        }
        // off by default: nobody is shown to dan, and he is shown to nobody
        JsonNode off = TestWorld.json(dan.call("GET", "/api/recommendations/people", null));
        assertThat(off.path("optedIn").asBoolean()).isFalse();
        assertThat(off.path("people").size()).isZero();
        assertThat(optIn(dan, null)).isFalse();

        // dan opts in; erin and the admin have not: only opted-in people, never simulated ones
        assertThat(optIn(dan, true)).isTrue();
        assertThat(people(dan)).isEmpty();
        // the admin opts in too but is staff: never listed; erin is
        assertThat(optIn(admin, true)).isTrue();
        assertThat(optIn(erin, true)).isTrue();
        assertThat(people(dan)).containsExactly("erin");
        assertThat(people(erin)).containsExactly("dan");
        try (WsClient ws = dan.socket()) {
            ws.join("plaza");
            JsonNode s = ws.await("suggestions");
            assertThat(s.path("people").size()).isEqualTo(1);
            assertThat(s.path("people").get(0).path("username").asText()).isEqualTo("erin");
        }
        // erin changes her mind: she disappears from dan's list and sees nobody herself
        assertThat(optIn(erin, false)).isFalse();
        assertThat(people(dan)).isEmpty();
        assertThat(people(erin)).isEmpty();

        HttpResponse<String> bad =
                dan.call("PUT", "/api/recommendations/people/opt-in", Map.of("optedIn", "maybe"));
        assertThat(bad.statusCode()).isEqualTo(400);
        HttpResponse<String> missing =
                dan.call("PUT", "/api/recommendations/people/opt-in", Map.of());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(
                        world.user()
                                .call("PUT", "/api/recommendations/people/opt-in", Map.of())
                                .statusCode())
                .isEqualTo(401);
    }

    /** Reads (on == null) or sets the opt-in; returns the state the server answered. */
    private static boolean optIn(TestWorld.User u, Boolean on) {
        HttpResponse<String> r =
                on == null
                        ? u.call("GET", "/api/recommendations/people/opt-in", null)
                        : u.call(
                                "PUT", "/api/recommendations/people/opt-in", Map.of("optedIn", on));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestWorld.json(r).path("optedIn").asBoolean();
    }

    private static List<String> people(TestWorld.User u) {
        JsonNode r = TestWorld.json(u.call("GET", "/api/recommendations/people?n=50", null));
        List<String> names = new java.util.ArrayList<>();
        r.path("people").forEach(p -> names.add(p.path("username").asText()));
        return names;
    }

    @Test
    void badRequestsGetClearJsonErrorsNever500() {
        TestWorld.User cy = world.user().enter("carol");
        expect(cy, "/api/recommendations/similar/no-such-thing", 404, "no-such-thing");
        expect(cy, "/api/recommendations?n=0", 400, "n must");
        expect(cy, "/api/recommendations?n=51", 400, "n must");
        expect(cy, "/api/recommendations?n=abc", 400, "n must");
        expect(cy, "/api/recommendations/people?n=-3", 400, "n must");
        expect(cy, "/api/recommendations/similar/ceramic-mug?n=x", 400, "n must");
        expect(cy, "/api/recommendations?kind=spaceship", 400, "kind");
        expect(cy, "/api/recommendations?kind=other", 400, "kind");
        // a user with no events: popular things, nobody alike yet
        JsonNode people = TestWorld.json(cy.call("GET", "/api/recommendations/people", null));
        assertThat(people.path("people").size()).isZero();
        JsonNode similar =
                TestWorld.json(
                        cy.call("GET", "/api/recommendations/similar/shop/ceramic-mug?n=3", null));
        assertThat(similar.path("items").size()).isEqualTo(3);
        assertThat(ids(similar.path("items"))).allMatch(id -> id.startsWith("shop/"));
        TestWorld.User stranger = world.user();
        assertThat(stranger.call("GET", "/api/recommendations", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aRestartLoadsTheRegisteredRecommenderAndReplaysWhatWasLoggedSince() {
        ServerConfig config = recommending(dir.resolve("models-2"));
        var db = TestDatabases.h2(dir.resolve("db-2"));
        List<String> personal;
        try (TestWorld first = new TestWorld(config, db, Clock.systemUTC())) {
            awaitRecommendations(first);
            TestWorld.User eve = first.user().enter("eve");
            try (WsClient ws = eve.socket()) {
                ws.join("shop");
                ws.await("shelf"); // the one for entering: each like's own shelf follows it
                for (String item : List.of("chess-set", "card-game", "dominoes")) {
                    ws.send(Map.of("type", "act", "action", "like", "item", item));
                    ws.await("acted", a -> a.path("item").asText().equals(item));
                    ws.await("shelf");
                }
            }
            personal =
                    ids(
                            TestWorld.json(eve.call("GET", "/api/recommendations", null))
                                    .path("items"));
            assertThat(personal).doesNotContain("shop/chess-set");
        }
        try (TestWorld second = new TestWorld(config, db, Clock.systemUTC())) {
            awaitRecommendations(second);
            TestWorld.User eve = second.user();
            assertThat(eve.login("eve", "eve-password-long").statusCode()).isEqualTo(200);
            JsonNode again = TestWorld.json(eve.call("GET", "/api/recommendations", null));
            assertThat(ids(again.path("items"))).isEqualTo(personal);
            assertThat(again.path("items").get(0).path("explanation").asText())
                    .startsWith("because you liked ");
        }
        // trained once, loaded the second time
        assertThat(
                        new ModelRegistry(dir.resolve("models-2"))
                                .latestVersion(WorldRecommendations.NAME))
                .contains(1);
    }

    @Test
    void switchedOffRecommendationsSaySo() {
        ServerConfig off =
                ServerConfig.defaults().with("server.port", 0).with("recommend.enabled", false);
        try (TestWorld w =
                new TestWorld(off, TestDatabases.h2(dir.resolve("off")), Clock.systemUTC())) {
            TestWorld.User dee = w.user().enter("dee");
            expect(dee, "/api/recommendations", 503, "switched off");
            expect(dee, "/api/recommendations?n=0", 400, "n must");
            try (WsClient ws = dee.socket()) {
                ws.join("shop");
                JsonNode shelf = ws.await("shelf");
                assertThat(shelf.path("status").asText()).isEqualTo("off");
                assertThat(shelf.path("items").size()).isZero();
            }
        }
    }

    private static void expect(TestWorld.User u, String path, int status, String message) {
        HttpResponse<String> r = u.call("GET", path, null);
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        JsonNode body = TestWorld.json(r);
        assertThat(body.path("error").asText()).as(path).isNotBlank();
        assertThat(body.path("message").asText()).as(path).contains(message);
    }

    private static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        StreamSupport.stream(items.spliterator(), false)
                .forEach(n -> out.add(n.path("id").asText()));
        return out;
    }
}
