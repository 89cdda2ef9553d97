package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.server.ws.ProtocolSchema;
import dev.worldmind.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol document against the running server, over a real socket: every documented example of
 * every client message reaches its handler (it may be refused for what it asks, never as malformed
 * or unknown), and emotes, the message added through the document, reach everyone in the instance.
 */
class ProtocolDefinitionIT {
    private static final ProtocolSchema SCHEMA = ProtocolSchema.get();
    private static final Set<String> MALFORMED = Set.of("bad_message", "unknown_type", "internal");

    @TempDir static Path dir;
    static TestWorld world;

    @BeforeAll
    static void start() {
        world = new TestWorld(TestDatabases.h2(dir), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void everyDocumentedExampleReachesItsHandler() throws Exception {
        try (WsClient c = world.user().enter("docs_reader").socket()) {
            c.join("plaza");
            int probe = 0;
            for (ProtocolSchema.MessageSpec m : SCHEMA.clientToServer().values()) {
                if (m.type().equals("leave")) {
                    continue; // last, so the others are sent from inside the plaza
                }
                for (JsonNode example : m.examples()) {
                    List<JsonNode> answers = send(c, m.type(), example, ++probe);
                    assertThat(answers)
                            .as("%s %s", m.type(), example)
                            .noneMatch(
                                    a ->
                                            a.path("type").asText().equals("error")
                                                    && MALFORMED.contains(a.path("code").asText()));
                }
            }
            assertThat(send(c, "leave", Json.mapper().createObjectNode(), ++probe))
                    .anyMatch(a -> a.path("type").asText().equals("left"));
        }
    }

    @Test
    void anEmoteReachesEveryoneInTheInstance() {
        try (WsClient ann = world.user().enter("emote_ann").socket();
                WsClient ben = world.user().enter("emote_ben").socket()) {
            ann.join("classroom");
            long benId = ben.join("classroom").path("self").path("id").asLong();
            ben.send(Map.of("type", "emote", "emote", "wave"));
            JsonNode seen = ann.await("emote");
            assertThat(seen.path("id").asLong()).isEqualTo(benId);
            assertThat(seen.path("emote").asText()).isEqualTo("wave");
            assertThat(ben.await("emote").path("id").asLong()).isEqualTo(benId);
            ben.send(Map.of("type", "emote", "emote", "moonwalk"));
            JsonNode refused = ben.await("error");
            assertThat(refused.path("code").asText()).isEqualTo("bad_message");
            assertThat(refused.path("message").asText()).contains("wave, clap, dance, sit, point");
        }
    }

    /** Sends a message, then a ping; returns everything that came back before the pong. */
    private static List<JsonNode> send(WsClient c, String type, JsonNode fields, int probe)
            throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Thread.sleep(120); // under the limit of 10 other messages a second, pings included
            ObjectNode frame = Json.mapper().createObjectNode().put("v", 1).put("type", type);
            frame.setAll((ObjectNode) fields);
            c.send(frame.toString());
            c.send(Map.of("type", "ping", "t", probe));
            List<JsonNode> answers = new ArrayList<>();
            String[] all = SCHEMA.serverToClient().keySet().toArray(String[]::new);
            for (JsonNode a = c.awaitAny(all);
                    !(a.path("type").asText().equals("pong") && a.path("t").asInt() == probe);
                    a = c.awaitAny(all)) {
                answers.add(a);
            }
            boolean limited =
                    answers.stream().anyMatch(a -> a.path("code").asText().equals("rate_limited"));
            if (!limited || attempt == 3) {
                return answers;
            }
            Thread.sleep(1100); // the chat limit: 1 a second after a burst of 5
        }
    }
}
