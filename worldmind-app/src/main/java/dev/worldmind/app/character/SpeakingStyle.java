package dev.worldmind.app.character;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a character phrases things, for the embedded responder (and as hints for an LLM prompt).
 * Every list has at least one line; the responder picks among them deterministically.
 *
 * @param greetings replies to a hello
 * @param farewells replies to a goodbye
 * @param thanks replies to a thank-you
 * @param openers how an answer may begin, e.g. "Good question."
 * @param closers how an answer may end, e.g. "Anything else?"
 * @param unknown honest "I don't know" lines, for questions the character's knowledge cannot answer
 * @param tone a few words describing the voice, e.g. warm, precise
 * @param emotionOpeners openers for the visitor's detected emotion (keys lowercase, e.g. joy,
 *     trust, sadness, anger, fear, surprise); an emotion missing here falls back to {@link
 *     #openers}
 * @param disclaimer a line said once before the first answer, or empty (null counts as empty)
 */
public record SpeakingStyle(
        List<String> greetings,
        List<String> farewells,
        List<String> thanks,
        List<String> openers,
        List<String> closers,
        List<String> unknown,
        List<String> tone,
        Map<String, List<String>> emotionOpeners,
        String disclaimer) {
    public SpeakingStyle {
        disclaimer = disclaimer == null ? "" : disclaimer.strip();
        greetings = nonEmpty(greetings, "greetings");
        farewells = nonEmpty(farewells, "farewells");
        thanks = nonEmpty(thanks, "thanks");
        openers = nonEmpty(openers, "openers");
        closers = nonEmpty(closers, "closers");
        unknown = nonEmpty(unknown, "unknown");
        tone = List.copyOf(tone);
        Map<String, List<String>> copy = new TreeMap<>();
        emotionOpeners.forEach(
                (k, v) -> copy.put(k.toLowerCase(Locale.ROOT), nonEmpty(v, "emotionOpeners." + k)));
        emotionOpeners = Map.copyOf(copy);
    }

    /**
     * Returns the openers for an emotion, or the general openers.
     *
     * @param emotion the visitor's emotion, any case; null or unknown means none in particular
     */
    public List<String> openersFor(String emotion) {
        if (emotion == null) {
            return openers;
        }
        return emotionOpeners.getOrDefault(emotion.toLowerCase(Locale.ROOT), openers);
    }

    private static List<String> nonEmpty(List<String> lines, String field) {
        Objects.requireNonNull(lines, field);
        if (lines.isEmpty() || lines.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new IllegalArgumentException(field + " needs at least one non-blank line");
        }
        return List.copyOf(lines);
    }
}
