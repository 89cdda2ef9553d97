package dev.worldmind.model.language.intent;

import java.util.Objects;

/**
 * A detected intent.
 *
 * @param intent the intent's name
 * @param score the cosine similarity of the text to the nearest example
 * @param example that example
 */
public record IntentMatch(String intent, double score, String example) {
    public IntentMatch {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(example, "example");
    }
}
