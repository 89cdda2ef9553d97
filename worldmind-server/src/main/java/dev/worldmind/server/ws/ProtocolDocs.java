package dev.worldmind.server.ws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the WebSocket message tables of {@code docs/protocol.md} from the protocol document, so
 * the documentation cannot drift from what the server checks ({@code ProtocolDocsTest} compares
 * them on every build).
 */
public final class ProtocolDocs {
    /** The line before the client messages' table in {@code docs/protocol.md}. */
    public static final String CLIENT_TABLE =
            "<!-- generated from protocol/worldmind-ws.json: client -->";

    /** The line before the server messages' table. */
    public static final String SERVER_TABLE =
            "<!-- generated from protocol/worldmind-ws.json: server -->";

    private ProtocolDocs() {}

    /**
     * The table of client messages: type, fields, effect.
     *
     * @param schema the protocol
     * @return the Markdown table, one line a row
     */
    public static String clientTable(ProtocolSchema schema) {
        return table("effect", schema.clientToServer());
    }

    /**
     * The table of server messages: type, fields, when.
     *
     * @param schema the protocol
     * @return the Markdown table, one line a row
     */
    public static String serverTable(ProtocolSchema schema) {
        return table("when", schema.serverToClient());
    }

    /**
     * Puts freshly rendered tables into a copy of {@code docs/protocol.md}: each replaces the table
     * right after its marker line.
     *
     * @param markdown the document
     * @param schema the protocol
     * @return the document with the tables as the protocol says
     * @throws IllegalArgumentException when a marker is missing
     */
    public static String update(String markdown, ProtocolSchema schema) {
        String out = replaceAfter(markdown, CLIENT_TABLE, clientTable(schema));
        return replaceAfter(out, SERVER_TABLE, serverTable(schema));
    }

    private static String replaceAfter(String markdown, String marker, String table) {
        int at = markdown.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("docs/protocol.md lacks the line " + marker);
        }
        int start = markdown.indexOf('\n', at) + 1;
        int end = start;
        while (end < markdown.length() && markdown.startsWith("|", end)) {
            int next = markdown.indexOf('\n', end);
            end = next < 0 ? markdown.length() : next + 1;
        }
        return markdown.substring(0, start) + table + markdown.substring(end);
    }

    private static String table(String last, Map<String, ProtocolSchema.MessageSpec> specs) {
        StringBuilder sb = new StringBuilder();
        sb.append("| type | fields | ").append(last).append(" |\n|---|---|---|\n");
        for (ProtocolSchema.MessageSpec m : specs.values()) {
            sb.append("| `").append(m.type()).append("` | ");
            sb.append(fields(m.fields())).append(" | ");
            sb.append(m.description()).append(" |\n");
        }
        return sb.toString();
    }

    private static String fields(JsonNode schema) {
        List<String> parts = new ArrayList<>();
        JsonNode required = schema.path("required");
        for (Map.Entry<String, JsonNode> f : schema.path("properties").properties()) {
            parts.add(field(f.getKey(), f.getValue(), FieldCheck.contains(required, f.getKey())));
        }
        return parts.isEmpty() ? "–" : String.join(", ", parts);
    }

    private static String field(String name, JsonNode fs, boolean required) {
        StringBuilder sb = new StringBuilder("`").append(name).append('`');
        if (!required) {
            sb.append('?');
        }
        JsonNode allowed = fs.get("enum");
        if (allowed != null) {
            List<String> values = new ArrayList<>();
            allowed.forEach(a -> values.add("`" + a.asText() + "`"));
            sb.append(" = ").append(String.join(" / ", values));
        }
        List<String> notes = new ArrayList<>();
        if (fs.has("description")) {
            notes.add(fs.get("description").asText());
        }
        if (fs.has("maxLength")) {
            notes.add(
                    "%d–%d characters"
                            .formatted(fs.path("minLength").asInt(0), fs.get("maxLength").asInt()));
        }
        if (fs.has("minimum") || fs.has("maximum")) {
            notes.add("%d–%d".formatted(fs.path("minimum").asLong(), fs.path("maximum").asLong()));
        }
        if (!notes.isEmpty()) {
            sb.append(" (").append(String.join("; ", notes)).append(')');
        }
        return sb.toString();
    }
}
