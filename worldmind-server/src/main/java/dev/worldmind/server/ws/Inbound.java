package dev.worldmind.server.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.naming.VisibleText;
import dev.worldmind.server.security.ModerationPolicy;

/**
 * Client-to-server messages of protocol version 1, parsed and checked. Every way a message can be
 * wrong ends in a {@link ProtocolException}; nothing else escapes.
 */
public sealed interface Inbound {
    /** The protocol version this server speaks. */
    int VERSION = 1;

    /** Enter a space. */
    record Join(String space, String via) implements Inbound {
        @Override
        public String type() {
            return "join";
        }
    }

    /** Leave the current space. */
    record Leave() implements Inbound {
        @Override
        public String type() {
            return "leave";
        }
    }

    /** A new position. */
    record Move(double x, double z, double ry, long seq) implements Inbound {
        @Override
        public String type() {
            return "move";
        }
    }

    /** Say something. */
    record Chat(String text) implements Inbound {
        @Override
        public String type() {
            return "chat";
        }
    }

    /** View, like or buy an item. */
    record Act(String action, String item) implements Inbound {
        @Override
        public String type() {
            return "act";
        }
    }

    /** Kick, mute or ban someone. */
    record Moderate(String action, long target, long seconds, String reason) implements Inbound {
        @Override
        public String type() {
            return "moderate";
        }
    }

    /** Say something to an AI character of the space. */
    record Talk(String character, String text) implements Inbound {
        @Override
        public String type() {
            return "talk";
        }
    }

    /** Ask an AI character (the museum guide) for a guided tour. */
    record Tour(String character) implements Inbound {
        @Override
        public String type() {
            return "tour";
        }
    }

    /**
     * Put a garment on the sender's avatar.
     *
     * @param kind where the garment comes from ({@code product}, {@code upload}, {@code design})
     * @param id the garment's id with that source
     */
    record TryOn(String kind, String id) implements Inbound {
        @Override
        public String type() {
            return "try_on";
        }
    }

    /** Take the sender's outfit off. */
    record TakeOff() implements Inbound {
        @Override
        public String type() {
            return "take_off";
        }
    }

    /** Latency probe. */
    record Ping(double t) implements Inbound {
        @Override
        public String type() {
            return "ping";
        }
    }

    /** The message type, as on the wire. */
    String type();

    /**
     * Parses one text frame.
     *
     * @param text the frame
     * @return the message
     * @throws ProtocolException when it is not a valid version-1 message
     */
    static Inbound parse(String text) {
        ObjectMapper mapper = Json.mapper();
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("bad_json", "the message is not valid JSON", null);
        }
        if (node == null || !node.isObject()) {
            throw new ProtocolException("bad_json", "a message is a JSON object", null);
        }
        String type = node.path("type").isTextual() ? node.get("type").asText() : null;
        if (!node.path("v").isInt() || node.get("v").asInt() != VERSION) {
            throw new ProtocolException(
                    "unsupported_version",
                    "this server speaks protocol version " + VERSION + "; send \"v\":" + VERSION,
                    type);
        }
        if (type == null) {
            throw new ProtocolException("bad_message", "a message needs a \"type\"", null);
        }
        Fields f = new Fields(node, type);
        return switch (type) {
            case "join" -> new Join(f.text("space", 1, 40), f.optionalText("via", 64));
            case "leave" -> new Leave();
            case "move" -> new Move(f.number("x"), f.number("z"), f.number("ry"), f.whole("seq"));
            case "chat" -> new Chat(f.text("text", 1, Limits.CHAT_LENGTH).strip());
            case "act" ->
                    new Act(f.choice("action", "view", "like", "purchase"), f.text("item", 1, 64));
            case "moderate" ->
                    new Moderate(
                            f.choice("action", "kick", "mute", "ban"),
                            f.whole("target"),
                            f.duration("seconds"),
                            f.optionalText("reason", 200));
            case "talk" ->
                    new Talk(
                            f.text("character", 1, 64),
                            f.text("text", 1, Limits.CHAT_LENGTH).strip());
            case "tour" -> new Tour(f.text("character", 1, 64));
            case "try_on" -> tryOn(node, f);
            case "take_off" -> new TakeOff();
            case "ping" -> new Ping(f.number("t"));
            default ->
                    throw new ProtocolException(
                            "unknown_type", "unknown message type '" + clip(type) + "'", null);
        };
    }

    private static TryOn tryOn(JsonNode node, Fields f) {
        JsonNode garment = node.get("garment");
        if (garment == null || !garment.isObject()) {
            throw f.bad("try_on needs a \"garment\" object: {\"kind\": \"product\", \"id\": ...}");
        }
        Fields g = new Fields(garment, "try_on");
        return new TryOn(g.text("kind", 1, 20), g.text("id", 1, 128));
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Typed access to a message's fields with protocol errors. */
    record Fields(JsonNode node, String type) {
        String text(String name, int min, int max) {
            JsonNode v = node.get(name);
            if (v == null || !v.isTextual()) {
                throw bad(type + " needs a text \"" + name + "\"");
            }
            String s = v.asText();
            int length = s.strip().codePointCount(0, s.strip().length());
            if (length < min || length > max) {
                throw bad("\"%s\" must have %d-%d characters".formatted(name, min, max));
            }
            // Invisible, bidi and C1 characters too: a chat line must show others what it holds.
            VisibleText.problem(s)
                    .ifPresent(
                            p -> {
                                throw bad("\"" + name + "\" " + p);
                            });
            return s;
        }

        String optionalText(String name, int max) {
            JsonNode v = node.get(name);
            return v == null || v.isNull() ? null : text(name, 0, max);
        }

        String choice(String name, String... allowed) {
            String s = text(name, 1, 20);
            for (String a : allowed) {
                if (a.equals(s)) {
                    return s;
                }
            }
            throw bad("\"%s\" must be one of %s".formatted(name, String.join(", ", allowed)));
        }

        double number(String name) {
            JsonNode v = node.get(name);
            if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw bad(type + " needs a finite number \"" + name + "\"");
            }
            return v.asDouble();
        }

        long whole(String name) {
            JsonNode v = node.get(name);
            if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
                throw bad(type + " needs a whole number \"" + name + "\"");
            }
            return v.asLong();
        }

        long optionalWhole(String name, long fallback) {
            JsonNode v = node.get(name);
            return v == null || v.isNull() ? fallback : whole(name);
        }

        /** A moderation duration: 0 when absent, refused beyond the policy's bound. */
        long duration(String name) {
            long seconds = optionalWhole(name, 0);
            if (!ModerationPolicy.durationAllowed(seconds)) {
                throw bad(
                        name
                                + " must be 0-"
                                + ModerationPolicy.MAX_SECONDS
                                + " (at most a year; 0 or none for a ban without end)");
            }
            return seconds;
        }

        ProtocolException bad(String message) {
            return new ProtocolException("bad_message", message, type);
        }
    }
}
