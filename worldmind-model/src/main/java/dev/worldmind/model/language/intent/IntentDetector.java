package dev.worldmind.model.language.intent;

import dev.worldmind.model.language.TextEmbedder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds which intent a text expresses: the intent of its nearest example sentence, if that example
 * is at least {@code threshold} similar and beats the best example of any other intent by at least
 * {@code margin} (two intents nearly tied means the text is ambiguous, so none is chosen).
 * Immutable and thread-safe; it uses, but does not own, the embedder.
 */
public final class IntentDetector {
    /** The margin {@link #build(List, TextEmbedder, double)} uses. */
    public static final double DEFAULT_MARGIN = 0.02;

    private final List<String> names;
    private final List<String> examples;
    private final float[][] vectors;
    private final TextEmbedder embedder;
    private final double threshold;
    private final double margin;

    private IntentDetector(
            List<String> names,
            List<String> examples,
            float[][] vectors,
            TextEmbedder embedder,
            double threshold,
            double margin) {
        this.names = names;
        this.examples = examples;
        this.vectors = vectors;
        this.embedder = embedder;
        this.threshold = threshold;
        this.margin = margin;
    }

    /**
     * Embeds the examples of every intent, with the default margin.
     *
     * @param intents the intents, with unique names
     * @param embedder the embedder for examples and later for texts
     * @param threshold the least cosine similarity to the nearest example for a match
     * @return the detector
     */
    public static IntentDetector build(
            List<Intent> intents, TextEmbedder embedder, double threshold) {
        return build(intents, embedder, threshold, DEFAULT_MARGIN);
    }

    /**
     * Embeds the examples of every intent.
     *
     * @param intents the intents, with unique names
     * @param embedder the embedder for examples and later for texts
     * @param threshold the least cosine similarity to the nearest example for a match
     * @param margin how much the best intent must beat the runner-up intent by, at least 0
     * @return the detector
     */
    public static IntentDetector build(
            List<Intent> intents, TextEmbedder embedder, double threshold, double margin) {
        Objects.requireNonNull(embedder, "embedder");
        if (margin < 0) {
            throw new IllegalArgumentException("margin must not be negative, is " + margin);
        }
        List<String> names = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Intent intent : intents) {
            if (!seen.add(intent.name())) {
                throw new IllegalArgumentException("duplicate intent " + intent.name());
            }
            for (String example : intent.examples()) {
                names.add(intent.name());
                examples.add(example);
            }
        }
        float[][] vectors = examples.isEmpty() ? new float[0][] : embedder.embed(examples);
        return new IntentDetector(
                List.copyOf(names), List.copyOf(examples), vectors, embedder, threshold, margin);
    }

    /**
     * Detects the intent of a text.
     *
     * @param text what the user said
     * @return the intent, or empty if no example is close enough or two intents are nearly tied
     */
    public Optional<IntentMatch> detect(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank() || vectors.length == 0) {
            return Optional.empty();
        }
        float[] v = embedder.embed(text.strip());
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < vectors.length; i++) {
            double s = TextEmbedder.cosine(v, vectors[i]);
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        double runnerUp = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < vectors.length; i++) {
            if (!names.get(i).equals(names.get(best))) {
                runnerUp = Math.max(runnerUp, TextEmbedder.cosine(v, vectors[i]));
            }
        }
        if (bestScore < threshold || bestScore - runnerUp < margin) {
            return Optional.empty();
        }
        return Optional.of(new IntentMatch(names.get(best), bestScore, examples.get(best)));
    }

    /** Returns the least similarity for a match. */
    public double threshold() {
        return threshold;
    }
}
