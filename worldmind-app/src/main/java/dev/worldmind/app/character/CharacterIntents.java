package dev.worldmind.app.character;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.model.language.TextEmbedder;
import dev.worldmind.model.language.intent.Intent;
import dev.worldmind.model.language.intent.IntentDetector;
import dev.worldmind.model.language.intent.IntentMatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The intents every character understands (go to a space, list what is here, greet, say goodbye,
 * ask for help...), each with example sentences and the world action it asks for, read from {@code
 * intents.yaml}. Immutable and thread-safe.
 */
public final class CharacterIntents {
    private static final String RESOURCE = "/dev/worldmind/app/characters/intents.yaml";

    private final List<Intent> intents;
    private final Map<String, WorldAction> actions;
    private final double threshold;
    private final double margin;

    private CharacterIntents(
            List<Intent> intents,
            Map<String, WorldAction> actions,
            double threshold,
            double margin) {
        this.intents = intents;
        this.actions = actions;
        this.threshold = threshold;
        this.margin = margin;
    }

    /** Returns the intents that ship with Worldmind. */
    public static CharacterIntents builtIn() {
        InputStream in = CharacterIntents.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new InvalidDataException(RESOURCE + " is missing from the build");
        }
        try (in) {
            return parse(CharacterYaml.read(in, RESOURCE), RESOURCE);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an operator's intent file, in the format of the built-in {@code intents.yaml}.
     *
     * @param file the file
     * @throws InvalidDataException naming the file and field of the first bad entry
     */
    public static CharacterIntents load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(CharacterYaml.read(in, file.toString()), file.toString());
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Returns the intents, in file order. */
    public List<Intent> intents() {
        return intents;
    }

    /** Returns the least similarity to an example for a match, tuned for all-MiniLM-L6-v2. */
    public double threshold() {
        return threshold;
    }

    /**
     * Builds a detector for these intents with the file's threshold and margin.
     *
     * @param embedder the embedder, which must stay open while the detector is used
     */
    public IntentDetector detector(TextEmbedder embedder) {
        return IntentDetector.build(intents, embedder, threshold, margin);
    }

    /**
     * Returns the world action an intent asks for.
     *
     * @param match a detected intent
     * @return its action, or empty if the intent is not one of these
     */
    public Optional<WorldAction> action(IntentMatch match) {
        return Optional.ofNullable(actions.get(match.intent()));
    }

    private static CharacterIntents parse(JsonNode root, String source) {
        if (root.path("format").asInt(-1) != CharacterYaml.FORMAT) {
            throw CharacterYaml.field(source, "format", "must be " + CharacterYaml.FORMAT);
        }
        double threshold = number(root, "threshold", source);
        double margin =
                root.has("margin") ? number(root, "margin", source) : IntentDetector.DEFAULT_MARGIN;
        JsonNode list = root.path("intents");
        if (!list.isArray() || list.isEmpty()) {
            throw CharacterYaml.field(source, "intents", "must be a non-empty list");
        }
        List<Intent> intents = new ArrayList<>();
        Map<String, WorldAction> actions = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String prefix = "intents[" + i + "].";
            String name = CharacterYaml.text(node, "name", source, prefix);
            if (actions.containsKey(name)) {
                throw CharacterYaml.field(source, prefix + "name", "repeats " + name);
            }
            JsonNode action = node.path("action");
            String kind =
                    action.isObject()
                            ? action.path("kind").asText(WorldAction.NONE)
                            : WorldAction.NONE;
            String target = action.isObject() ? action.path("target").asText("") : "";
            try {
                actions.put(name, new WorldAction(kind, target));
            } catch (IllegalArgumentException e) {
                throw CharacterYaml.field(source, prefix + "action", e.getMessage());
            }
            intents.add(new Intent(name, CharacterYaml.lines(node, "examples", source, prefix)));
        }
        return new CharacterIntents(List.copyOf(intents), Map.copyOf(actions), threshold, margin);
    }

    private static double number(JsonNode root, String name, String source) {
        JsonNode value = root.path(name);
        if (!value.isNumber()) {
            throw CharacterYaml.field(source, name, "must be a number");
        }
        return value.asDouble();
    }
}
