package dev.worldmind.app.character;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.InvalidDataException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One question of a visitor question bank ({@code characters/visitors/<id>.yaml}, format 1), with
 * its gold label.
 *
 * @param id stable id, e.g. {@code juno-017}; the dev/test split hashes it
 * @param ask what the visitor types
 * @param before what the visitor said earlier in the same conversation, oldest first
 * @param category answer, followup, referral, abstain, safety or meta
 * @param type the answer type asked for (who, when, how-much, …), or empty
 * @param facts what a right reply contains: one alternative of every group
 * @param refer the character a referral must name
 * @param safety the safety action expected: refuse, deescalate, emergency or crisis
 */
public record VisitorQuestion(
        String id,
        String ask,
        List<String> before,
        String category,
        String type,
        List<List<String>> facts,
        Optional<String> refer,
        Optional<String> safety) {
    /** The question bank format this build reads. */
    public static final int FORMAT = 1;

    /** The categories a bank may use. */
    public static final Set<String> CATEGORIES =
            Set.of("answer", "followup", "referral", "abstain", "safety", "meta");

    public VisitorQuestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ask, "ask");
        before = List.copyOf(before);
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(type, "type");
        facts = facts.stream().map(List::copyOf).toList();
        Objects.requireNonNull(refer, "refer");
        Objects.requireNonNull(safety, "safety");
    }

    /**
     * Returns whether the question is in the test half: the first byte of the SHA-256 of its id is
     * below 128. Fixed before any tuning, and independent of the question's text.
     */
    public boolean test() {
        try {
            byte[] h =
                    MessageDigest.getInstance("SHA-256")
                            .digest(id.getBytes(StandardCharsets.UTF_8));
            return (h[0] & 0xff) < 128;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a question bank.
     *
     * @param root the parsed YAML
     * @param source where it came from, for error messages
     * @param characterId the character the bank must be for
     */
    static List<VisitorQuestion> read(JsonNode root, String source, String characterId) {
        if (root.path("format").asInt(-1) != FORMAT) {
            throw CharacterYaml.field(source, "format", "must be " + FORMAT);
        }
        String character = CharacterYaml.text(root, "character", source);
        if (!character.equals(characterId)) {
            throw CharacterYaml.field(
                    source, "character", "must be " + characterId + ", is " + character);
        }
        JsonNode list = root.path("questions");
        if (!list.isArray()) {
            throw CharacterYaml.field(source, "questions", "must be a list");
        }
        List<VisitorQuestion> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode q = list.get(i);
            String prefix = "questions[" + i + "].";
            String category = CharacterYaml.text(q, "category", source, prefix);
            if (!CATEGORIES.contains(category)) {
                throw CharacterYaml.field(
                        source, prefix + "category", "must be one of " + CATEGORIES);
            }
            List<String> before = new ArrayList<>();
            q.path("before").forEach(b -> before.add(b.asText()));
            List<List<String>> facts = new ArrayList<>();
            for (JsonNode group : q.path("facts")) {
                List<String> alternatives = new ArrayList<>();
                if (group.isArray()) {
                    group.forEach(a -> alternatives.add(a.asText()));
                } else {
                    alternatives.add(group.asText());
                }
                facts.add(alternatives);
            }
            Optional<String> refer =
                    q.hasNonNull("refer") ? Optional.of(q.get("refer").asText()) : Optional.empty();
            Optional<String> safety =
                    q.hasNonNull("safety")
                            ? Optional.of(q.get("safety").asText())
                            : Optional.empty();
            if (category.equals("referral") && refer.isEmpty()) {
                throw CharacterYaml.field(source, prefix + "refer", "is missing");
            }
            if (category.equals("safety") && safety.isEmpty()) {
                throw CharacterYaml.field(source, prefix + "safety", "is missing");
            }
            out.add(
                    new VisitorQuestion(
                            CharacterYaml.text(q, "id", source, prefix),
                            CharacterYaml.text(q, "ask", source, prefix),
                            before,
                            category,
                            q.path("type").asText(""),
                            facts,
                            refer,
                            safety));
        }
        if (out.stream().map(VisitorQuestion::id).distinct().count() != out.size()) {
            throw new InvalidDataException(source + ": question ids must be unique");
        }
        return out;
    }
}
