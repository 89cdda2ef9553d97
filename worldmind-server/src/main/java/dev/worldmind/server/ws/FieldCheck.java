package dev.worldmind.server.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.naming.VisibleText;
import java.util.Map;

/**
 * Checks a client message's fields against their JSON Schema in {@code protocol/worldmind-ws.json}:
 * the keywords the protocol uses ({@code type} string / number / integer / object, {@code
 * required}, {@code enum}, {@code minLength}, {@code maxLength}, {@code minimum}, {@code maximum},
 * {@code default}) and its own {@code strip}. Every text must also show others what it holds (no
 * invisible, direction or control characters: {@link VisibleText}). Fields the schema does not name
 * are dropped. Each refusal is a {@code bad_message} that names the field, the way a person would
 * fix it. The web client's {@code protocol.js} applies the same rules to what it sends.
 */
final class FieldCheck {
    private FieldCheck() {}

    /**
     * Checks an object against an object schema.
     *
     * @param type the message type (for the error's {@code ref} and wording)
     * @param name the object's field name, or null for the message itself
     * @param schema the object schema
     * @param node the object
     * @return the declared fields, checked, with defaults filled in
     */
    static ObjectNode object(String type, String name, JsonNode schema, JsonNode node) {
        ObjectNode out = Json.mapper().createObjectNode();
        JsonNode required = schema.path("required");
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            String field = p.getKey();
            JsonNode fs = p.getValue();
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                if (contains(required, field)) {
                    throw bad(type, missing(type, field, fs));
                }
                if (fs.has("default")) {
                    out.set(field, fs.get("default"));
                }
                continue;
            }
            out.set(field, value(type, field, fs, v));
        }
        return out;
    }

    private static JsonNode value(String type, String field, JsonNode fs, JsonNode v) {
        switch (fs.path("type").asText()) {
            case "string" -> {
                return text(type, field, fs, v);
            }
            case "number" -> {
                if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                    throw bad(type, missing(type, field, fs));
                }
                return v;
            }
            case "integer" -> {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw bad(type, missing(type, field, fs));
                }
                long n = v.asLong();
                if (fs.has("minimum") && n < fs.get("minimum").asLong()
                        || fs.has("maximum") && n > fs.get("maximum").asLong()) {
                    throw bad(
                            type,
                            "\"%s\" must be %d-%d"
                                    .formatted(
                                            field,
                                            fs.path("minimum").asLong(Long.MIN_VALUE),
                                            fs.path("maximum").asLong(Long.MAX_VALUE)));
                }
                return v;
            }
            case "object" -> {
                if (!v.isObject()) {
                    throw bad(type, missing(type, field, fs));
                }
                return object(type, field, fs, v);
            }
            default ->
                    throw new IllegalStateException(
                            "protocol field " + type + "." + field + " has an unknown type");
        }
    }

    private static JsonNode text(String type, String field, JsonNode fs, JsonNode v) {
        if (!v.isTextual()) {
            throw bad(type, missing(type, field, fs));
        }
        String s = v.asText();
        String stripped = s.strip();
        int length = stripped.codePointCount(0, stripped.length());
        int min = fs.path("minLength").asInt(0);
        int max = fs.path("maxLength").asInt(Integer.MAX_VALUE);
        if (length < min || length > max) {
            throw bad(type, "\"%s\" must have %d-%d characters".formatted(field, min, max));
        }
        // Invisible, bidi and C1 characters too: a text others read must show what it holds.
        VisibleText.problem(s)
                .ifPresent(
                        p -> {
                            throw bad(type, "\"" + field + "\" " + p);
                        });
        JsonNode allowed = fs.get("enum");
        if (allowed != null && !contains(allowed, s)) {
            StringBuilder list = new StringBuilder();
            allowed.forEach(a -> list.append(list.isEmpty() ? "" : ", ").append(a.asText()));
            throw bad(type, "\"%s\" must be one of %s".formatted(field, list));
        }
        return fs.path("strip").asBoolean(false)
                ? Json.mapper().getNodeFactory().textNode(stripped)
                : v;
    }

    private static String missing(String type, String field, JsonNode fs) {
        String what =
                switch (fs.path("type").asText()) {
                    case "string" -> "a text";
                    case "number" -> "a finite number";
                    case "integer" -> "a whole number";
                    default -> "an object";
                };
        String hint =
                fs.path("type").asText().equals("object") && fs.has("description")
                        ? ": " + fs.get("description").asText().replace("`", "")
                        : "";
        return "%s needs %s \"%s\"%s".formatted(type, what, field, hint);
    }

    /** Whether a JSON array of texts (a schema's {@code required} or {@code enum}) holds one. */
    static boolean contains(JsonNode array, String value) {
        for (JsonNode a : array) {
            if (a.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static ProtocolException bad(String type, String message) {
        return new ProtocolException("bad_message", message, type);
    }
}
