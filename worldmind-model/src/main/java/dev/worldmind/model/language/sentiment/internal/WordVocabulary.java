package dev.worldmind.model.language.sentiment.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word vocabulary built from training text: id 0 pads, id 1 stands for unknown words, and every
 * word seen at least a minimum number of times gets its own id (most frequent first, ties in
 * alphabetical order, so the same text always gives the same ids). Immutable.
 */
public final class WordVocabulary {
    /** The padding token's id. */
    public static final int PAD = 0;

    /** The unknown word's id. */
    public static final int UNKNOWN = 1;

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9]+(?:'[a-z]+)?|[!?]");

    private final List<String> words;
    private final Map<String, Integer> ids;

    /**
     * Creates a vocabulary from its words in id order, the first two being the padding and unknown
     * markers.
     *
     * @param words the words
     */
    public WordVocabulary(List<String> words) {
        this.words = List.copyOf(words);
        this.ids = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            ids.put(words.get(i), i);
        }
    }

    /**
     * Builds a vocabulary from training texts.
     *
     * @param texts the texts
     * @param minCount how often a word must occur to get an id
     * @return the vocabulary
     */
    public static WordVocabulary build(List<String> texts, int minCount) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String text : texts) {
            for (String token : tokenize(text)) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.removeIf(e -> e.getValue() < minCount);
        entries.sort((a, b) -> b.getValue() - a.getValue()); // stable: ties stay alphabetical
        List<String> words = new ArrayList<>(List.of("<pad>", "<unk>"));
        entries.forEach(e -> words.add(e.getKey()));
        return new WordVocabulary(words);
    }

    /**
     * Splits text into lowercase words, numbers, and exclamation and question marks.
     *
     * @param text the text
     * @return the tokens
     */
    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /**
     * Returns a text's ids, cut or padded to a length.
     *
     * @param text the text
     * @param length the length
     * @return the ids
     */
    public int[] encode(String text, int length) {
        int[] out = new int[length];
        List<String> tokens = tokenize(text);
        for (int i = 0; i < Math.min(length, tokens.size()); i++) {
            out[i] = ids.getOrDefault(tokens.get(i), UNKNOWN);
        }
        if (tokens.isEmpty()) {
            out[0] = UNKNOWN; // an all-padding row would have nothing to average
        }
        return out;
    }

    /** Returns the words in id order. */
    public List<String> words() {
        return words;
    }

    /** Returns the number of ids. */
    public int size() {
        return words.size();
    }
}
