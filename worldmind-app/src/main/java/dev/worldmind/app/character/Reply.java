package dev.worldmind.app.character;

import dev.worldmind.model.language.emotion.EmotionLevels;
import dev.worldmind.model.language.emotion.Expression;
import dev.worldmind.model.language.moderation.ModerationVerdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A character's complete reply.
 *
 * @param characterId who replied
 * @param text what it said
 * @param expression the face its avatar shows now (after this message moved its emotions)
 * @param emotion its emotion levels now
 * @param action what the world should do for the speaker, if their message asked for something
 *     (e.g. travel to the museum); never an action of kind {@code none}
 * @param sources the titles of the knowledge documents the reply drew on, best first; empty for
 *     small talk, refusals and "I don't know"
 * @param provider who wrote the text: an LLM provider's name (e.g. {@code openai:gpt-4o-mini}) or
 *     {@code embedded}
 * @param fellBack whether an LLM was configured but the embedded responder answered instead
 *     (timeout, error, empty or withheld reply)
 * @param moderation moderation's verdict on the speaker's message; when it is withheld the text is
 *     a polite refusal, and nothing was remembered or sent to an LLM
 * @param replyWithheld whether moderation withheld the LLM's reply, which the embedded answer
 *     replaced
 * @param route how the reply was decided: {@code answer} (from knowledge), {@code abstain} (an
 *     honest "I don't know"), {@code referral} (to another character or place), {@code action} (a
 *     world action), {@code meta} (about the conversation), a safety action ({@code refuse}, {@code
 *     deescalate}, {@code emergency}, {@code crisis}) or {@code withheld} (moderation withheld the
 *     message)
 */
public record Reply(
        String characterId,
        String text,
        Expression expression,
        EmotionLevels emotion,
        Optional<WorldAction> action,
        List<String> sources,
        String provider,
        boolean fellBack,
        ModerationVerdict moderation,
        boolean replyWithheld,
        String route) {
    public Reply {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(characterId, "characterId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(emotion, "emotion");
        Objects.requireNonNull(action, "action");
        sources = List.copyOf(sources);
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(moderation, "moderation");
    }

    /** Returns whether moderation withheld the speaker's message. */
    public boolean messageWithheld() {
        return !moderation.allowed();
    }
}
