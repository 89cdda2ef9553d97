package dev.worldmind.model.language.moderation;

import java.util.Objects;
import java.util.Set;

/**
 * Why a chat line counts as abuse.
 *
 * @param kind one of {@link AbuseDetector#INSULT}, {@link AbuseDetector#HARASSMENT}, {@link
 *     AbuseDetector#THREAT}, {@link AbuseDetector#SELF_HARM} or {@link AbuseDetector#OBSCENE}
 * @param evidence the words that decided it, as the rules read them
 */
public record AbuseFinding(String kind, String evidence) {
    private static final Set<String> KINDS =
            Set.of(
                    AbuseDetector.INSULT,
                    AbuseDetector.HARASSMENT,
                    AbuseDetector.THREAT,
                    AbuseDetector.SELF_HARM,
                    AbuseDetector.OBSCENE);

    public AbuseFinding {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown kind of abuse: " + kind);
        }
        Objects.requireNonNull(evidence, "evidence");
    }

    /**
     * Returns the moderation reason: {@code threat} for threats and self-harm, else {@code abuse}.
     */
    public String reason() {
        return kind.equals(AbuseDetector.THREAT) || kind.equals(AbuseDetector.SELF_HARM)
                ? RuleChecks.THREAT
                : RuleChecks.ABUSE;
    }
}
