package dev.worldmind.app.character;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.model.language.TextEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The safety policy's second look, by meaning: a message close to an example of a safety kind (and
 * clearly closer to it than to any ordinary message) is handled as that kind, so that phrasings no
 * pattern foresaw ("I want to disappear forever") still get the right reply. Examples and
 * thresholds are in {@code characters/safety.yaml}. Immutable and thread-safe.
 */
final class SafetyExamples {
    private static final String RESOURCE = "/dev/worldmind/app/characters/safety.yaml";

    private final List<SafetyPolicy.Kind> kinds;
    private final float[][] vectors;
    private final float[][] ordinary;
    private final double threshold;
    private final double margin;

    private SafetyExamples(
            List<SafetyPolicy.Kind> kinds,
            float[][] vectors,
            float[][] ordinary,
            double threshold,
            double margin) {
        this.kinds = kinds;
        this.vectors = vectors;
        this.ordinary = ordinary;
        this.threshold = threshold;
        this.margin = margin;
    }

    /**
     * Embeds the built-in examples.
     *
     * @param embedder the sentence embedder
     */
    static SafetyExamples builtIn(TextEmbedder embedder) {
        JsonNode root;
        try (InputStream in = SafetyExamples.class.getResourceAsStream(RESOURCE)) {
            root = CharacterYaml.read(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root.path("format").asInt(-1) != 1) {
            throw CharacterYaml.field(RESOURCE, "format", "must be 1");
        }
        List<SafetyPolicy.Kind> kinds = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (var entry : root.path("kinds").properties()) {
            SafetyPolicy.Kind kind =
                    SafetyPolicy.Kind.valueOf(entry.getKey().toUpperCase(Locale.ROOT));
            for (String line :
                    CharacterYaml.lines(root.path("kinds"), entry.getKey(), RESOURCE, "kinds.")) {
                kinds.add(kind);
                texts.add(line);
            }
        }
        List<String> ordinary = CharacterYaml.lines(root, "ordinary", RESOURCE, "");
        return new SafetyExamples(
                List.copyOf(kinds),
                embedder.embed(texts),
                embedder.embed(ordinary),
                root.path("threshold").asDouble(),
                root.path("margin").asDouble());
    }

    /**
     * Returns the safety kind a message means, if any.
     *
     * @param vector the message's embedding
     */
    Optional<SafetyPolicy.Kind> kind(float[] vector) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < vectors.length; i++) {
            double s = TextEmbedder.cosine(vector, vectors[i]);
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        double plain = Double.NEGATIVE_INFINITY;
        for (float[] o : ordinary) {
            plain = Math.max(plain, TextEmbedder.cosine(vector, o));
        }
        if (best < 0 || bestScore < threshold || bestScore - plain < margin) {
            return Optional.empty();
        }
        return Optional.of(kinds.get(best));
    }
}
