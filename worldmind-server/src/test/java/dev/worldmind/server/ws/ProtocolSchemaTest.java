package dev.worldmind.server.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.server.security.ModerationPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The protocol document against the server: its examples are accepted and its counter-examples
 * refused, the limits it states are the ones the server enforces, records must match it, and {@code
 * docs/protocol.md} shows its tables. Run with {@code -Dprotocol.docs.write=true} to write the
 * tables into the document after changing the protocol.
 */
class ProtocolSchemaTest {
    private static final ProtocolSchema SCHEMA = ProtocolSchema.get();

    @Test
    void acceptsEveryExampleAndRefusesEveryCounterExample() {
        assertThat(SCHEMA.clientToServer()).hasSizeGreaterThanOrEqualTo(12);
        for (ProtocolSchema.MessageSpec m : SCHEMA.clientToServer().values()) {
            assertThat(m.examples()).as(m.type() + " has examples").isNotEmpty();
            for (JsonNode example : m.examples()) {
                assertThat(SCHEMA.parse(frame(m.type(), example)).type()).isEqualTo(m.type());
            }
            for (JsonNode counter : m.counterExamples()) {
                assertThatThrownBy(() -> SCHEMA.parse(frame(m.type(), counter)))
                        .as("%s %s", m.type(), counter)
                        .isInstanceOfSatisfying(
                                ProtocolException.class,
                                e -> {
                                    assertThat(e.code()).isEqualTo("bad_message");
                                    assertThat(e.ref()).isEqualTo(m.type());
                                });
            }
        }
    }

    @Test
    void readsFieldsAsTheDocumentSays() {
        ObjectNode chat = SCHEMA.parse("{\"v\":1,\"type\":\"chat\",\"text\":\"  hi  \"}").fields();
        assertThat(chat.path("text").asText()).as("strip").isEqualTo("hi");
        ObjectNode kick =
                SCHEMA.parse(
                                "{\"v\":1,\"type\":\"moderate\",\"action\":\"kick\",\"target\":3,\"x\":1}")
                        .fields();
        assertThat(kick.path("seconds").asLong()).as("default").isZero();
        assertThat(kick.has("x")).as("undeclared fields are dropped").isFalse();
        assertThatThrownBy(
                        () ->
                                SCHEMA.parse(
                                        "{\"v\":1,\"type\":\"chat\",\"text\":\""
                                                + "x".repeat(501)
                                                + "\"}"))
                .hasMessageContaining("\"text\" must have 1-500 characters");
    }

    @Test
    void statesTheLimitsTheServerEnforces() {
        JsonNode seconds =
                SCHEMA.clientToServer().get("moderate").fields().path("properties").path("seconds");
        assertThat(seconds.path("maximum").asLong()).isEqualTo(ModerationPolicy.MAX_SECONDS);
        for (String type : new String[] {"chat", "talk"}) {
            assertThat(
                            SCHEMA.clientToServer()
                                    .get(type)
                                    .fields()
                                    .path("properties")
                                    .path("text")
                                    .path("maxLength")
                                    .asInt())
                    .isEqualTo(Limits.CHAT_LENGTH);
        }
    }

    @Test
    void refusesRecordsThatDoNotMatchTheDocument() {
        record Wrong(String emote, long extra) {}
        record Typed(long emote) {}
        assertThatThrownBy(() -> new MessageRoutes(SCHEMA).on("emote", Wrong.class, (f, m) -> {}))
                .hasMessageContaining("extra");
        assertThatThrownBy(() -> new MessageRoutes(SCHEMA).on("emote", Typed.class, (f, m) -> {}))
                .hasMessageContaining("'emote'");
        assertThatThrownBy(
                        () ->
                                new MessageRoutes(SCHEMA)
                                        .on("teleport", Emotes.Emote.class, (f, m) -> {}))
                .hasMessageContaining("not in protocol/worldmind-ws.json");
        assertThatThrownBy(() -> new MessageRoutes(SCHEMA).requireComplete())
                .hasMessageContaining("emote");
        assertThatThrownBy(() -> Outbound.message("teleported"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDocumentationShowsTheProtocolsTables() throws Exception {
        Path doc = Path.of("..", "docs", "protocol.md");
        String now = Files.readString(doc, StandardCharsets.UTF_8);
        String wanted = ProtocolDocs.update(now, SCHEMA);
        if (Boolean.getBoolean("protocol.docs.write")) {
            Files.writeString(doc, wanted, StandardCharsets.UTF_8);
            return;
        }
        assertThat(now)
                .as(
                        "docs/protocol.md's message tables differ from protocol/worldmind-ws.json;"
                                + " write them with ./mvnw -pl worldmind-server test"
                                + " -Dtest=ProtocolSchemaTest -Dprotocol.docs.write=true")
                .isEqualTo(wanted);
    }

    private static String frame(String type, JsonNode fields) {
        ObjectNode node = Json.mapper().createObjectNode().put("v", 1).put("type", type);
        node.setAll((ObjectNode) fields);
        return node.toString();
    }
}
