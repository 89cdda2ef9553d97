package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.server.TestWorld.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorldProtocolIT extends WorldPerClass {
    @Test
    void twoPeopleSeeEachOtherMoveAndChat() {
        try (WsClient ann = world.user().enter("ann").socket();
                WsClient ben = world.user().enter("ben").socket()) {
            JsonNode annJoined = ann.join("plaza");
            assertThat(annJoined.path("space").path("kind").asText()).isEqualTo("plaza");
            assertThat(annJoined.path("space").path("layout").path("portals").size())
                    .isGreaterThan(0);
            long annId = annJoined.path("self").path("id").asLong();
            JsonNode benJoined = ben.join("plaza");
            long benId = benJoined.path("self").path("id").asLong();
            ann.await("delta", d -> contains(d.path("entered"), benId));

            double x = benJoined.path("self").path("x").asDouble();
            double z = benJoined.path("self").path("z").asDouble();
            ben.send(Map.of("type", "move", "x", x + 0.5, "z", z, "ry", 1.0, "seq", 1));
            JsonNode delta = ann.await("delta", d -> contains(d.path("moved"), benId));
            JsonNode moved = find(delta.path("moved"), benId);
            assertThat(moved.path("x").asDouble()).isEqualTo(x + 0.5);
            assertThat(moved.path("seq").asLong()).isEqualTo(1);

            ann.send(Map.of("type", "chat", "text", "hello ben"));
            JsonNode chat = ben.await("chat");
            assertThat(chat.path("text").asText()).isEqualTo("hello ben");
            assertThat(chat.path("from").path("id").asLong()).isEqualTo(annId);
        }
    }

    @Test
    void badMessagesGetErrorsAndDisturbNobody() {
        try (WsClient bad = world.user().enter("mallory").socket();
                WsClient good = world.user().enter("gwen").socket()) {
            bad.join("museum");
            JsonNode goodJoined = good.join("museum");
            bad.send("{this is not json");
            assertThat(bad.await("error").path("code").asText()).isEqualTo("bad_json");
            bad.send("{\"v\":2,\"type\":\"chat\",\"text\":\"hi\"}");
            assertThat(bad.await("error").path("code").asText()).isEqualTo("unsupported_version");
            bad.send(Map.of("type", "teleport"));
            assertThat(bad.await("error").path("code").asText()).isEqualTo("unknown_type");
            bad.send(Map.of("type", "chat"));
            assertThat(bad.await("error").path("code").asText()).isEqualTo("bad_message");
            bad.send(Map.of("type", "move", "x", "NaN", "z", 1, "ry", 0, "seq", 1));
            assertThat(bad.await("error").path("code").asText()).isEqualTo("bad_message");
            bad.send(Map.of("type", "chat", "text", "x".repeat(70_000)));
            assertThat(bad.await("error").path("code").asText()).isEqualTo("too_large");
            bad.send(Map.of("type", "move", "x", 1e6, "z", 1e6, "ry", 0, "seq", 2));
            assertThat(bad.await("correction").path("seq").asLong()).isEqualTo(2);
            bad.send(Map.of("type", "act", "action", "purchase", "item", "no-such-item"));
            assertThat(bad.await("error").path("code").asText()).isEqualTo("not_found");

            // still connected and served
            bad.send(Map.of("type", "ping", "t", 7));
            assertThat(bad.await("pong").path("t").asDouble()).isEqualTo(7.0);
            good.send(Map.of("type", "chat", "text", "all fine here"));
            assertThat(good.await("chat").path("text").asText()).isEqualTo("all fine here");
            assertThat(goodJoined.path("instance").asInt()).isEqualTo(1);
        }
    }

    @Test
    void floodingIsLimitedThenCutOffWhileOthersCarryOn() throws Exception {
        try (WsClient flood = world.user().enter("flooder").socket();
                WsClient calm = world.user().enter("calm").socket()) {
            flood.join("classroom");
            calm.join("classroom");
            // In lockstep: each frame waits for its answer (its chat echo or an error), and the
            // flooder stops right after the refusal that crosses the limit (100 refused within
            // 10 s, docs/protocol.md). Writing on after the server has closed would make the kernel
            // reset the connection, and the client could lose the close frame (code -1, not 1008).
            int refused = 0;
            List<JsonNode> got = new java.util.ArrayList<>();
            for (int i = 0; i < 300 && refused < 100 && !flood.closed.isDone(); i++) {
                flood.send("{\"v\":1,\"type\":\"chat\",\"text\":\"spam " + i + "\"}");
                JsonNode answer = flood.awaitAny("chat", "error");
                got.add(answer);
                if (answer.path("code").asText().equals("rate_limited")) {
                    refused++;
                }
            }
            assertThat(got).anyMatch(m -> m.path("code").asText().equals("rate_limited"));
            assertThat(flood.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
            long spam =
                    calm.drain(Duration.ofMillis(500)).stream()
                            .filter(m -> m.path("type").asText().equals("chat"))
                            .count();
            assertThat(spam).isLessThanOrEqualTo(6); // the burst got through, the rest did not
            calm.send(Map.of("type", "chat", "text", "still here"));
            assertThat(calm.await("chat").path("text").asText()).isEqualTo("still here");
        }
    }

    @Test
    void refusesForeignOriginsAndStrangers() {
        User ok = world.user().enter("olive");
        assertThatThrownBy(
                        () ->
                                WsClient.open(
                                        world,
                                        Map.of(
                                                "Cookie",
                                                "wm_session=" + ok.cookie(),
                                                "Origin",
                                                "http://evil.example")))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThatThrownBy(() -> WsClient.open(world, Map.of()))
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(
                        ((WebSocketHandshakeException)
                                        catchCause(
                                                () ->
                                                        HttpClient.newHttpClient()
                                                                .newWebSocketBuilder()
                                                                .buildAsync(
                                                                        URI.create(
                                                                                "ws://127.0.0.1:"
                                                                                        + world
                                                                                                .server
                                                                                                .port()
                                                                                        + "/ws"),
                                                                        new WsClient())
                                                                .join()))
                                .getResponse()
                                .statusCode())
                .isEqualTo(401);
    }

    @Test
    void onlyModeratorsModerateAndBansStick() {
        User ownerUser = world.user().enter("owner1");
        User admin = world.user().admin();
        admin.call("PUT", "/api/admin/accounts/owner1/role", Map.of("role", "creator"));
        assertThat(
                        ownerUser
                                .call(
                                        "POST",
                                        "/api/spaces",
                                        Map.of(
                                                "id",
                                                "club",
                                                "name",
                                                "Club",
                                                "kind",
                                                "plaza",
                                                "capacity",
                                                10))
                                .statusCode())
                .isEqualTo(201);
        User visitorUser = world.user().enter("visitor1");
        try (WsClient owner = ownerUser.socket();
                WsClient visitor = visitorUser.socket()) {
            owner.join("club");
            visitor.join("club");
            visitor.moderate("kick", ownerUser.id);
            assertThat(visitor.await("error").path("code").asText()).isEqualTo("forbidden");

            owner.moderate("mute", visitorUser.id, "seconds", 60);
            assertThat(visitor.await("moderated").path("action").asText()).isEqualTo("mute");
            visitor.send(Map.of("type", "chat", "text", "can you hear me"));
            assertThat(visitor.await("error").path("code").asText()).isEqualTo("muted");

            owner.moderate("ban", visitorUser.id, "reason", "test");
            assertThat(visitor.await("moderated").path("action").asText()).isEqualTo("ban");
            visitor.await("left");
            visitor.send(Map.of("type", "join", "space", "club"));
            assertThat(visitor.await("error").path("code").asText()).isEqualTo("forbidden");
        }
    }

    @Test
    void privateSpacesAdmitOnlyMembers() {
        User creator = world.user().enter("maker");
        world.user()
                .admin()
                .call("PUT", "/api/admin/accounts/maker/role", Map.of("role", "creator"));
        creator.call(
                "POST",
                "/api/spaces",
                Map.of("id", "secret", "kind", "classroom", "visibility", "private"));
        User stranger = world.user().enter("stranger");
        assertThat(stranger.call("GET", "/api/spaces/secret", null).statusCode()).isEqualTo(404);
        assertThat(stranger.call("GET", "/api/spaces", null).body()).doesNotContain("secret");
        try (WsClient s = stranger.socket()) {
            s.await("welcome");
            s.send(Map.of("type", "join", "space", "secret"));
            assertThat(s.await("error").path("code").asText()).isEqualTo("not_found");
        }
        assertThat(creator.setMemberRole("secret", "stranger", "member")).isEqualTo(204);
        try (WsClient s = stranger.socket()) {
            assertThat(s.join("secret").path("space").path("id").asText()).isEqualTo("secret");
        }
    }

    @Test
    void aFullSpaceOverflowsIntoANewInstance() {
        User creator = world.user().enter("host");
        world.user()
                .admin()
                .call("PUT", "/api/admin/accounts/host/role", Map.of("role", "creator"));
        creator.call("POST", "/api/spaces", Map.of("id", "tiny", "kind", "shop", "capacity", 2));
        try (WsClient a = world.user().enter("tiny_a").socket();
                WsClient b = world.user().enter("tiny_b").socket();
                WsClient c = world.user().enter("tiny_c").socket()) {
            assertThat(a.join("tiny").path("instance").asInt()).isEqualTo(1);
            assertThat(b.join("tiny").path("instance").asInt()).isEqualTo(1);
            assertThat(c.join("tiny").path("instance").asInt()).isEqualTo(2);
        }
    }

    @Test
    void areaOfInterestHidesFarAwayAvatarsUntilTheyComeClose() throws Exception {
        User creator = world.user().enter("planner");
        world.user()
                .admin()
                .call("PUT", "/api/admin/accounts/planner/role", Map.of("role", "creator"));
        Map<String, Object> layout =
                TestWorld.emptyLayout(
                        100, 20, List.of(Map.of("x", 10, "z", 10), Map.of("x", 50, "z", 10)));
        assertThat(
                        creator.call(
                                        "POST",
                                        "/api/spaces",
                                        Map.of("id", "field", "kind", "plaza", "layout", layout))
                                .statusCode())
                .isEqualTo(201);
        try (WsClient near = world.user().enter("near").socket();
                WsClient far = world.user().enter("far").socket()) {
            near.join("field");
            JsonNode farJoined = far.join("field");
            long farId = farJoined.path("self").path("id").asLong();
            assertThat(farJoined.path("others").size()).isZero(); // 40 m apart
            double x = 50;
            far.send(Map.of("type", "move", "x", x - 0.5, "z", 10, "ry", 0, "seq", 1));
            List<JsonNode> seen = near.drain(Duration.ofMillis(400));
            assertThat(seen).noneMatch(m -> m.toString().contains("\"id\":" + farId));
            for (int seq = 2; x > 30; seq++) { // walk west at 5 m/s
                x -= 0.5;
                far.send(Map.of("type", "move", "x", x, "z", 10, "ry", 0, "seq", seq));
                Thread.sleep(100);
            }
            JsonNode entered = near.await("delta", d -> contains(d.path("entered"), farId));
            assertThat(find(entered.path("entered"), farId).path("name").asText()).isEqualTo("far");
        }
    }

    private static boolean contains(JsonNode list, long id) {
        return find(list, id) != null;
    }

    private static JsonNode find(JsonNode list, long id) {
        for (JsonNode n : list) {
            if (n.path("id").asLong() == id) {
                return n;
            }
        }
        return null;
    }

    private static Throwable catchCause(Runnable r) {
        try {
            r.run();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }
}
