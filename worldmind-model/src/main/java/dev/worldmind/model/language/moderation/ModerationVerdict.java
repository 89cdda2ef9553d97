package dev.worldmind.model.language.moderation;

import java.util.List;
import java.util.Objects;

/**
 * What moderation decided about one text.
 *
 * @param allowed whether the text may pass; if not it is withheld and queued for moderators
 * @param reasons short machine-readable reasons when withheld, e.g. {@code spam}, {@code
 *     prompt-injection}, {@code abuse}; empty when allowed
 * @param spamScore the classifier's probability that the text is spam, in [0, 1]
 */
public record ModerationVerdict(boolean allowed, List<String> reasons, double spamScore) {
    public ModerationVerdict {
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(reasons, "reasons");
        if (allowed != reasons.isEmpty()) {
            throw new IllegalArgumentException("a withheld text has reasons, an allowed one none");
        }
    }
}
