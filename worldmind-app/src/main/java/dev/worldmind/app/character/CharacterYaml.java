package dev.worldmind.app.character;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.world.SpaceKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads character, question and intent files, field by field, so that every error names the file
 * and the field (Jackson's own binding errors name Java types instead).
 */
final class CharacterYaml {
    /** The character file format this build reads. */
    static final int FORMAT = 1;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CharacterYaml() {}

    static JsonNode read(InputStream in, String source) {
        try {
            JsonNode root = YAML.readTree(in);
            if (root == null || !root.isObject()) {
                throw new InvalidDataException(source + ": expected a YAML mapping at the top");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new InvalidDataException(
                    source + ": not valid YAML: " + problem(e.getOriginalMessage()) + location(e),
                    e);
        } catch (IOException e) {
            throw new InvalidDataException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String problem(String message) {
        // SnakeYAML's message quotes the offending lines with a caret; the location says enough.
        return message == null
                ? ""
                : String.join(
                        " ",
                        message.lines()
                                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                                .toList());
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line "
                        + e.getLocation().getLineNr()
                        + ", column "
                        + e.getLocation().getColumnNr()
                        + ")";
    }

    static CharacterDefinition character(JsonNode root, String source) {
        int format = root.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new InvalidDataException(
                    source
                            + ": field 'format' must be "
                            + FORMAT
                            + " (the character format this Worldmind reads), is "
                            + root.path("format"));
        }
        String id = text(root, "id", source);
        String homeName = text(root, "home", source);
        SpaceKind home;
        try {
            home = SpaceKind.fromValue(homeName);
        } catch (RuntimeException e) {
            throw new InvalidDataException(
                    source
                            + ": field 'home' must be plaza, museum, classroom, shop or clinic, is "
                            + homeName);
        }
        JsonNode styleNode = object(root, "style", source);
        Map<String, List<String>> emotions = new LinkedHashMap<>();
        JsonNode emotionNode = styleNode.path("emotionOpeners");
        if (!emotionNode.isMissingNode()) {
            if (!emotionNode.isObject()) {
                throw field(
                        source, "style.emotionOpeners", "must be a mapping of emotion to lines");
            }
            for (var entry : emotionNode.properties()) {
                String emotion = entry.getKey();
                emotions.put(emotion, lines(emotionNode, emotion, source, "style.emotionOpeners."));
            }
        }
        SpeakingStyle style =
                new SpeakingStyle(
                        lines(styleNode, "greetings", source, "style."),
                        lines(styleNode, "farewells", source, "style."),
                        lines(styleNode, "thanks", source, "style."),
                        lines(styleNode, "openers", source, "style."),
                        lines(styleNode, "closers", source, "style."),
                        lines(styleNode, "unknown", source, "style."),
                        lines(styleNode, "tone", source, "style."),
                        emotions,
                        styleNode.has("disclaimer")
                                ? text(styleNode, "disclaimer", source, "style.")
                                : "");
        JsonNode docs = root.path("knowledge");
        if (!docs.isArray() || docs.isEmpty()) {
            throw field(source, "knowledge", "must be a non-empty list of documents");
        }
        List<KnowledgeDocument> knowledge = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            JsonNode d = docs.get(i);
            String prefix = "knowledge[" + i + "].";
            knowledge.add(
                    new KnowledgeDocument(
                            text(d, "id", source, prefix),
                            text(d, "title", source, prefix),
                            text(d, "text", source, prefix)));
        }
        try {
            return new CharacterDefinition(
                    id,
                    text(root, "name", source),
                    home,
                    text(root, "persona", source),
                    text(root, "backstory", source),
                    lines(root, "goals", source, ""),
                    style,
                    knowledge,
                    root.has("helps") ? lines(root, "helps", source, "") : List.of(),
                    root.path("caring").asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException(source + ": " + e.getMessage(), e);
        }
    }

    static List<RetrievalQuestion> questions(JsonNode root, String source) {
        JsonNode list = root.path("questions");
        if (!list.isArray()) {
            throw field(source, "questions", "must be a list");
        }
        List<RetrievalQuestion> questions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode q = list.get(i);
            String prefix = "questions[" + i + "].";
            JsonNode doc = q.path("document");
            if (!doc.isTextual() && !doc.isNull() && !doc.isMissingNode()) {
                throw field(source, prefix + "document", "must be a document id or empty");
            }
            questions.add(
                    new RetrievalQuestion(text(q, "question", source, prefix), doc.asText("")));
        }
        return questions;
    }

    static String text(JsonNode node, String name, String source) {
        return text(node, name, source, "");
    }

    static String text(JsonNode node, String name, String source, String prefix) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            throw field(source, prefix + name, "is missing");
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw field(source, prefix + name, "must be non-blank text");
        }
        return value.asText().strip();
    }

    static List<String> lines(JsonNode node, String name, String source, String prefix) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            throw field(source, prefix + name, "is missing");
        }
        if (!value.isArray() || value.isEmpty()) {
            throw field(source, prefix + name, "must be a non-empty list of lines");
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode line : value) {
            if (!line.isValueNode() || line.asText().isBlank()) {
                throw field(source, prefix + name, "must hold only non-blank lines");
            }
            lines.add(line.asText().strip());
        }
        return lines;
    }

    static JsonNode object(JsonNode node, String name, String source) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            throw field(source, name, "is missing");
        }
        if (!value.isObject()) {
            throw field(source, name, "must be a mapping");
        }
        return value;
    }

    static InvalidDataException field(String source, String field, String problem) {
        return new InvalidDataException(source + ": field '" + field + "' " + problem);
    }
}
