package dev.worldmind.model.language.moderation.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;

/** Runs the abuse rules in order of severity over one chat line. Stateless. */
public final class AbuseRules {
    /** Words the phrase rules use, so that spelled-out and stretched forms join into them. */
    private static final Set<String> PHRASE_WORDS =
            Set.of(
                    "kys",
                    "kill",
                    "yourself",
                    "your",
                    "self",
                    "die",
                    "shut",
                    "up",
                    "go",
                    "away",
                    "you",
                    "are",
                    "a",
                    "an",
                    "i",
                    "will",
                    "ill",
                    "know",
                    "where",
                    "live",
                    "hate",
                    "fuck",
                    "off",
                    "nobody",
                    "wants",
                    "here",
                    "watch",
                    "back",
                    "find",
                    "and",
                    "hope",
                    "dead",
                    "end",
                    "hurt",
                    "murder",
                    "stab",
                    "shoot",
                    "loser",
                    "idiot",
                    "moron",
                    "stupid",
                    "the",
                    "to",
                    "hell",
                    "neck",
                    "hang",
                    "bleach",
                    "drink",
                    "jump",
                    "is",
                    "screw",
                    "piss",
                    "leave",
                    "get",
                    "lost",
                    "cry",
                    "uninstall",
                    "am",
                    "going",
                    "gonna",
                    "so",
                    "such",
                    "ur",
                    "u",
                    "r",
                    "y",
                    "worthless",
                    "dumb",
                    "trash");

    private AbuseRules() {}

    /**
     * Finds the most severe abuse in a line.
     *
     * @param text the line
     * @param lexicon obscene words and slurs
     * @return the kind ({@code self-harm}, {@code threat}, {@code harassment}, {@code insult},
     *     {@code obscene}) and the evidence, or empty
     */
    public static Optional<List<String>> find(String text, Lexicon lexicon) {
        Predicate<String> known =
                w -> PHRASE_WORDS.contains(w) || InsultRules.knows(w) || lexicon.knows(w);
        List<String> words = ChatText.words(text, known);
        String joined = String.join(" ", words);
        Matcher m = AbusePhrases.SELF_HARM.matcher(joined);
        if (m.find()) {
            return found("self-harm", m.group());
        }
        m = AbusePhrases.THREAT.matcher(joined);
        if (m.find()
                && (!AbusePhrases.GAME_SETTING.matcher(joined).find()
                        || AbusePhrases.REAL_LIFE.matcher(joined).find())) {
            return found("threat", m.group());
        }
        m = AbusePhrases.HARASSMENT.matcher(joined);
        if (m.find()) {
            return found("harassment", m.group());
        }
        String insult = InsultRules.find(words, joined);
        if (insult != null) {
            return found("insult", insult);
        }
        String word = lexicon.firstMatch(ChatText.fold(text), words);
        if (word != null) {
            return found("obscene", word);
        }
        return Optional.empty();
    }

    private static Optional<List<String>> found(String kind, String evidence) {
        return Optional.of(List.of(kind, evidence));
    }
}
