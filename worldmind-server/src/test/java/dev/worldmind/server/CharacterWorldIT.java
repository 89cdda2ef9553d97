package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.model.language.dialogue.DialogueSettings;
import dev.worldmind.model.language.dialogue.ProviderKind;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.testing.TestDatabases;
import dev.worldmind.testing.TestHome;
import dev.worldmind.testing.llm.ScriptedReply;
import dev.worldmind.testing.llm.StandInLlm;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AI characters in a real world server: talking over the socket, moderation and memory. */
class CharacterWorldIT {
    @TempDir static Path dir;
    static TestWorld world;

    static ServerConfig config() {
        return ServerConfig.defaults()
                .with("server.port", 0)
                .with("language.home", TestHome.get().root());
    }

    @BeforeAll
    static void start() {
        world = new TestWorld(config(), TestDatabases.h2(dir.resolve("shared")), Clock.systemUTC());
        awaitCharacters(world);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    /** Waits until the characters' models and knowledge are loaded. */
    static void awaitCharacters(TestWorld w) {
        TestWorld.User probe = w.user().enter("probe" + System.nanoTime() % 100000);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode list = TestWorld.json(probe.call("GET", "/api/characters", null));
            if (list.path("characters").size() == 5
                    && list.path("characters").get(0).path("ready").asBoolean()) {
                return;
            }
            TestWorld.sleep(200);
        }
        throw new AssertionError("the characters did not get ready within 3 minutes");
    }

    @Test
    void museumGuideStreamsAGroundedAnswer() {
        try (WsClient ann = world.user().enter("ann").socket()) {
            JsonNode joined = ann.join("museum");
            JsonNode guide = joined.path("characters").get(0);
            assertThat(guide.path("id").asText()).isEqualTo("iris");
            assertThat(guide.path("role").asText()).isEqualTo("museum guide");

            talk(ann, "iris", "Who painted The Starry Night, and when?");
            long turn = ann.await("talk_start").path("turn").asLong();
            StringBuilder streamed = new StringBuilder();
            JsonNode end = null;
            while (end == null) {
                JsonNode m = ann.awaitAny("talk_token", "talk_end");
                if (m.path("type").asText().equals("talk_end")) {
                    end = m;
                } else {
                    assertThat(m.path("turn").asLong()).isEqualTo(turn);
                    streamed.append(m.path("text").asText());
                }
            }
            assertThat(end.path("turn").asLong()).isEqualTo(turn);
            assertThat(end.path("text").asText()).containsIgnoringCase("Van Gogh");
            assertThat(streamed.toString().strip()).isEqualTo(end.path("text").asText().strip());
            assertThat(end.path("sources").size()).isGreaterThan(0);
            assertThat(end.path("provider").asText()).isEqualTo("embedded");
            assertThat(end.path("expression").asText()).isNotBlank();
        }
    }

    @Test
    void badTalkGetsClearErrorsAndFarAwayPeopleMustWalkUp() {
        try (WsClient bob = world.user().enter("bob").socket()) {
            JsonNode joined = bob.join("museum");
            talk(bob, "iris", "   ");
            JsonNode empty = bob.await("error");
            assertThat(empty.path("code").asText()).isEqualTo("bad_message");
            assertThat(empty.path("message").asText()).contains("\"text\" must have 1-500");
            talk(bob, "iris", "why? ".repeat(120));
            assertThat(bob.await("error").path("message").asText()).contains("1-500");
            talk(bob, "sam", "hello");
            assertThat(bob.await("error").path("code").asText()).isEqualTo("not_found");

            // Walk away from the guide, one step at a time, then talk.
            JsonNode guide = joined.path("characters").get(0);
            double x = joined.path("self").path("x").asDouble();
            double z = joined.path("self").path("z").asDouble();
            double gx = guide.path("x").asDouble();
            double gz = guide.path("z").asDouble();
            double len = Math.hypot(x - gx, z - gz);
            double ux = (x - gx) / len;
            double uz = (z - gz) / len;
            int seq = 1;
            for (int i = 0; i < 40 && Math.hypot(x - gx, z - gz) < 8; i++) {
                double nx = x + ux;
                double nz = z + uz;
                bob.send(Map.of("type", "move", "x", nx, "z", nz, "ry", 0, "seq", seq++));
                TestWorld.sleep(200);
                x = nx;
                z = nz;
            }
            bob.send(Map.of("type", "ping", "t", 1));
            bob.await("pong");
            assertThat(bob.drain(Duration.ofMillis(300)))
                    .noneMatch(m -> m.path("type").asText().equals("correction"));
            talk(bob, "iris", "hello");
            JsonNode far = bob.await("error");
            assertThat(far.path("code").asText()).isEqualTo("too_far");
            assertThat(far.path("message").asText()).contains("walk up to Iris");
        }
    }

    @Test
    void aFlaggedChatMessageNeverReachesOthersAndWaitsForAModerator() {
        try (WsClient eve = world.user().enter("eve").socket();
                WsClient dan = world.user().enter("dan").socket()) {
            eve.join("plaza");
            dan.join("plaza");
            String threat = "I will kill you tonight, dan";
            eve.send(Map.of("type", "chat", "text", threat));
            JsonNode withheld = eve.await("withheld");
            assertThat(withheld.path("ref").asText()).isEqualTo("chat");
            assertThat(withheld.path("reasons").toString()).contains("threat");
            eve.send(Map.of("type", "chat", "text", "sorry, that was rude. hello everyone!"));
            JsonNode next = dan.await("chat");
            assertThat(next.path("text").asText()).startsWith("sorry");
            List<JsonNode> seen = dan.drain(Duration.ofMillis(500));
            assertThat(seen).noneMatch(m -> m.path("text").asText().contains("kill"));

            // Said to a character, it is withheld by the same check, answered with a refusal,
            // queued.
            // (In the classroom: its spawn points all lie within talking distance of its tutor.)
            String toTheo = "I will kill you, Theo";
            eve.send(Map.of("type", "join", "space", "classroom"));
            eve.await("joined");
            talk(eve, "theo", toTheo);
            JsonNode talkWithheld = eve.await("withheld");
            assertThat(talkWithheld.path("ref").asText()).isEqualTo("talk");
            JsonNode refusal = eve.await("talk_end");
            assertThat(refusal.path("withheld").asBoolean()).isTrue();
            assertThat(refusal.path("sources").size()).isZero();

            TestWorld.User admin = world.user().admin();
            JsonNode queue = TestWorld.json(admin.call("GET", "/api/moderation/queue", null));
            JsonNode item = null;
            for (JsonNode i : queue.path("items")) {
                if (i.path("text").asText().equals(threat)) {
                    item = i;
                }
            }
            assertThat(item).as("the threat is queued").isNotNull();
            assertThat(queue.path("items").toString()).contains(toTheo);
            HttpResponse<String> reviewed =
                    admin.call(
                            "POST",
                            "/api/moderation/queue/" + item.path("id").asLong(),
                            Map.of("decision", "reject"));
            assertThat(reviewed.statusCode()).isEqualTo(200);
            assertThat(TestWorld.json(reviewed).path("status").asText()).isEqualTo("rejected");
            TestWorld.User visitor = world.user().enter("nosy");
            assertThat(visitor.call("GET", "/api/moderation/queue", null).statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void memoryPersistsAcrossARestartAndIsDeletedOnRequest() {
        DatabaseConfig db = TestDatabases.h2(dir.resolve("restart"));
        String user = "mia";
        try (TestWorld first = new TestWorld(config(), db, Clock.systemUTC())) {
            awaitCharacters(first);
            TestWorld.User mia = first.user().enter(user);
            try (WsClient s = mia.socket()) {
                s.join("shop");
                talk(s, "mina", "How much is the mug?");
                assertThat(s.await("talk_end").path("text").asText()).isNotBlank();
            }
        }
        try (TestWorld second = new TestWorld(config(), db, Clock.systemUTC())) {
            awaitCharacters(second);
            TestWorld.User mia = second.user();
            assertThat(mia.login(user, user + "-password-long").statusCode()).isEqualTo(200);
            JsonNode memory = TestWorld.json(mia.call("GET", "/api/characters/mina/memory", null));
            assertThat(memory.path("turns").size()).isEqualTo(2);
            assertThat(memory.path("turns").get(0).path("text").asText())
                    .isEqualTo("How much is the mug?");

            JsonNode deleted =
                    TestWorld.json(mia.call("DELETE", "/api/characters/mina/memory", null));
            assertThat(deleted.path("deleted").asInt()).isEqualTo(2);
            assertThat(
                            TestWorld.json(mia.call("GET", "/api/characters/mina/memory", null))
                                    .path("turns")
                                    .size())
                    .isZero();
            assertThat(mia.call("GET", "/api/characters/nobody/memory", null).statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void anOpenAiCompatibleLlmStreamsThroughTheSocketAndAFailingOneFallsBack() {
        try (StandInLlm llm = StandInLlm.openAi()) {
            llm.enqueue(
                    ScriptedReply.tokens(
                            "Welcome", " to", " the", " shop!", " Mugs", " are", " 18."));
            llm.enqueue(ScriptedReply.status(500));
            DialogueSettings dialogue =
                    DialogueSettings.builder()
                            .optProvider(ProviderKind.OPENAI)
                            .optBaseUrl(llm.baseUrl())
                            .optModel("stand-in")
                            .optFirstTokenTimeout(Duration.ofSeconds(5))
                            .build();
            ServerConfig c = config().with("language.dialogue", dialogue);
            try (TestWorld llmWorld =
                    new TestWorld(c, TestDatabases.h2(dir.resolve("llm")), Clock.systemUTC())) {
                awaitCharacters(llmWorld);
                try (WsClient s = llmWorld.user().enter("lena").socket()) {
                    s.join("shop");
                    talk(s, "mina", "What does a mug cost here?");
                    int tokens = 0;
                    JsonNode end = null;
                    while (end == null) {
                        JsonNode m = s.awaitAny("talk_token", "talk_end");
                        if (m.path("type").asText().equals("talk_end")) {
                            end = m;
                        } else {
                            tokens++;
                        }
                    }
                    assertThat(end.path("text").asText())
                            .isEqualTo("Welcome to the shop! Mugs are 18.");
                    assertThat(end.path("provider").asText()).isEqualTo("openai:stand-in");
                    assertThat(end.path("fellBack").asBoolean()).isFalse();
                    assertThat(tokens).isGreaterThanOrEqualTo(2);

                    talk(s, "mina", "How much is the ceramic mug?");
                    JsonNode fallback = s.await("talk_end");
                    assertThat(fallback.path("fellBack").asBoolean()).isTrue();
                    assertThat(fallback.path("provider").asText()).isEqualTo("embedded");
                    assertThat(fallback.path("sources").size()).isGreaterThan(0);
                }
            }
        }
    }

    /** Says {@code text} to a character, as the client's talk panel does. */
    static void talk(WsClient socket, String character, String text) {
        socket.send(Map.of("type", "talk", "character", character, "text", text));
    }
}
