package dev.worldmind.model.language.sentiment.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * VADER's word tables and the constants its rules scale by: the negations, the booster and dampener
 * words, and the idioms whose valence replaces their words'. Copied entry for entry from the npm
 * package {@code vader-sentiment} 1.1.3 (spellings, multi-word entries and the case-sensitive
 * negation list included), so that scores match the original. Immutable.
 */
public final class VaderWords {
    /** What a booster word adds to the magnitude of the next sentiment word. */
    public static final double B_INCR = 0.293;

    /** What a dampener word takes from the magnitude of the next sentiment word. */
    public static final double B_DECR = -0.293;

    /** What a sentiment word in capitals among lowercase words adds to its magnitude. */
    public static final double C_INCR = 0.733;

    /** The factor a negation multiplies a valence by. */
    public static final double N_SCALAR = -0.74;

    private static final Set<String> NEGATE =
            Set.of(
                    "aint",
                    "arent",
                    "cannot",
                    "cant",
                    "couldnt",
                    "darent",
                    "didnt",
                    "doesnt",
                    "ain't",
                    "aren't",
                    "can't",
                    "couldn't",
                    "daren't",
                    "didn't",
                    "doesn't",
                    "dont",
                    "hadnt",
                    "hasnt",
                    "havent",
                    "isnt",
                    "mightnt",
                    "mustnt",
                    "neither",
                    "don't",
                    "hadn't",
                    "hasn't",
                    "haven't",
                    "isn't",
                    "mightn't",
                    "mustn't",
                    "neednt",
                    "needn't",
                    "never",
                    "none",
                    "nope",
                    "nor",
                    "not",
                    "nothing",
                    "nowhere",
                    "oughtnt",
                    "shant",
                    "shouldnt",
                    "uhuh",
                    "wasnt",
                    "werent",
                    "oughtn't",
                    "shan't",
                    "shouldn't",
                    "uh-uh",
                    "wasn't",
                    "weren't",
                    "without",
                    "wont",
                    "wouldnt",
                    "won't",
                    "wouldn't",
                    "rarely",
                    "seldom",
                    "despite");

    private static final Map<String, Double> BOOSTERS = boosters();

    private static final Map<String, Double> IDIOMS =
            Map.of(
                    "the shit", 3.0,
                    "the bomb", 3.0,
                    "bad ass", 1.5,
                    "yeah right", -2.0,
                    "cut the mustard", 2.0,
                    "kiss of death", -1.5,
                    "hand to mouth", -2.0);

    private VaderWords() {}

    /**
     * Whether a word negates what follows; matched case-sensitively, as the original does.
     *
     * @param word the word as written
     */
    public static boolean negates(String word) {
        return NEGATE.contains(word) || word.contains("n't");
    }

    /**
     * Returns a booster's ({@link #B_INCR}) or dampener's ({@link #B_DECR}) scalar, or null. The
     * entries are lowercase, some of two words ("kind of").
     *
     * @param words the word or words joined by single spaces
     */
    public static Double booster(String words) {
        return BOOSTERS.get(words);
    }

    /**
     * Returns an idiom's valence, or null. The entries are lowercase and the original looks words
     * up as written, so only lowercase idioms count.
     *
     * @param words the words joined by single spaces
     */
    public static Double idiom(String words) {
        return IDIOMS.get(words);
    }

    private static Map<String, Double> boosters() {
        Map<String, Double> map = new HashMap<>();
        for (String w :
                List.of(
                        "absolutely",
                        "amazingly",
                        "awfully",
                        "completely",
                        "considerably",
                        "decidedly",
                        "deeply",
                        "effing",
                        "enormously",
                        "entirely",
                        "especially",
                        "exceptionally",
                        "extremely",
                        "fabulously",
                        "flipping",
                        "flippin",
                        "fricking",
                        "frickin",
                        "frigging",
                        "friggin",
                        "fully",
                        "fucking",
                        "greatly",
                        "hella",
                        "highly",
                        "hugely",
                        "incredibly",
                        "intensely",
                        "majorly",
                        "more",
                        "most",
                        "particularly",
                        "purely",
                        "quite",
                        "really",
                        "remarkably",
                        "so",
                        "substantially",
                        "thoroughly",
                        "totally",
                        "tremendously",
                        "uber",
                        "unbelievably",
                        "unusually",
                        "utterly",
                        "very")) {
            map.put(w, B_INCR);
        }
        for (String w :
                List.of(
                        "almost",
                        "barely",
                        "hardly",
                        "just enough",
                        "kind of",
                        "kinda",
                        "kindof",
                        "kind-of",
                        "less",
                        "little",
                        "marginally",
                        "occasionally",
                        "partly",
                        "scarcely",
                        "slightly",
                        "somewhat",
                        "sort of",
                        "sorta",
                        "sortof",
                        "sort-of")) {
            map.put(w, B_DECR);
        }
        return Map.copyOf(map);
    }
}
