package dev.worldmind.server.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WebSocket protocol as one document, {@code protocol/worldmind-ws.json} (packaged with the web
 * client, which builds its messages from the same file): every message both ways, its fields as a
 * JSON Schema, its rate limit and its documentation. The server reads client messages by it ({@link
 * #parse}), checks the type of everything it sends, and {@code docs/protocol.md}'s tables are
 * rendered from it. Immutable and thread-safe.
 */
public final class ProtocolSchema {
    /** Where the document is on the classpath. */
    public static final String RESOURCE = "/dev/worldmind/protocol/worldmind-ws.json";

    private static final ProtocolSchema BUILT_IN = load();

    private final int version;
    private final Map<String, MessageSpec> clientToServer;
    private final Map<String, MessageSpec> serverToClient;

    /**
     * One message of the protocol.
     *
     * @param type its name on the wire
     * @param description what it does or when it is sent (documentation)
     * @param limit which rate limit a client message counts against ({@code move}, {@code chat} or
     *     {@code other}); null for server messages
     * @param recheckRights whether the sender's session and roles are looked up again first
     * @param fields its fields, a JSON Schema object
     * @param examples client messages that must be accepted (fields only)
     * @param counterExamples client messages that must be refused (fields only)
     */
    public record MessageSpec(
            String type,
            String description,
            String limit,
            boolean recheckRights,
            JsonNode fields,
            List<JsonNode> examples,
            List<JsonNode> counterExamples) {}

    /**
     * A client message read and checked: its definition and its fields, with defaults filled in and
     * texts stripped where the protocol says so.
     *
     * @param spec the message's definition
     * @param fields the checked fields
     */
    public record Message(MessageSpec spec, ObjectNode fields) {
        /** The message's type. */
        public String type() {
            return spec.type();
        }
    }

    private ProtocolSchema(JsonNode root) {
        this.version = root.path("version").asInt();
        this.clientToServer = specs(root.path("clientToServer"), true);
        this.serverToClient = specs(root.path("serverToClient"), false);
    }

    /** The protocol this server speaks. */
    public static ProtocolSchema get() {
        return BUILT_IN;
    }

    private static ProtocolSchema load() {
        try (InputStream in = ProtocolSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new InvalidDataException(
                        RESOURCE + " is missing from the classpath (it comes with worldmind-web)");
            }
            return new ProtocolSchema(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, MessageSpec> specs(JsonNode node, boolean inbound) {
        Map<String, MessageSpec> specs = new LinkedHashMap<>();
        node.properties()
                .forEach(
                        e -> {
                            JsonNode m = e.getValue();
                            String limit = inbound ? m.path("limit").asText("other") : null;
                            specs.put(
                                    e.getKey(),
                                    new MessageSpec(
                                            e.getKey(),
                                            m.path("description").asText(),
                                            limit,
                                            m.path("recheckRights").asBoolean(false),
                                            m.path("fields"),
                                            list(m.path("examples")),
                                            list(m.path("counterExamples"))));
                        });
        return Collections.unmodifiableMap(specs);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return List.copyOf(out);
    }

    /** The protocol version, sent as {@code "v"} in every message. */
    public int version() {
        return version;
    }

    /** The client messages, in the document's order. */
    public Map<String, MessageSpec> clientToServer() {
        return clientToServer;
    }

    /** The server messages, in the document's order. */
    public Map<String, MessageSpec> serverToClient() {
        return serverToClient;
    }

    /**
     * Checks that the server may send a message of this type.
     *
     * @param type the message type
     * @return the type
     * @throws IllegalStateException when the protocol has no such server message (a bug: add it to
     *     the document)
     */
    public String outbound(String type) {
        if (!serverToClient.containsKey(type)) {
            throw new IllegalStateException(
                    "server message '" + type + "' is not in protocol/worldmind-ws.json");
        }
        return type;
    }

    /**
     * Reads one text frame from a client.
     *
     * @param text the frame
     * @return the message, checked against its definition
     * @throws ProtocolException when it is not a valid message of this protocol
     */
    public Message parse(String text) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("bad_json", "the message is not valid JSON", null);
        }
        if (node == null || !node.isObject()) {
            throw new ProtocolException("bad_json", "a message is a JSON object", null);
        }
        String type = node.path("type").isTextual() ? node.get("type").asText() : null;
        if (!node.path("v").isInt() || node.get("v").asInt() != version) {
            throw new ProtocolException(
                    "unsupported_version",
                    "this server speaks protocol version " + version + "; send \"v\":" + version,
                    type);
        }
        if (type == null) {
            throw new ProtocolException("bad_message", "a message needs a \"type\"", null);
        }
        MessageSpec spec = clientToServer.get(type);
        if (spec == null) {
            throw new ProtocolException(
                    "unknown_type", "unknown message type '" + clip(type) + "'", null);
        }
        return new Message(spec, FieldCheck.object(type, null, spec.fields(), node));
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
