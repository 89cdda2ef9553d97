package dev.worldmind.model.language.sentiment.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * VADER's view of a text: its words and emoticons with leading and trailing punctuation removed
 * (contractions and most emoticons kept, one-character tokens dropped), and whether some but not
 * all of them are in capitals. A port of {@code SentiText} in the npm package {@code
 * vader-sentiment} 1.1.3, including its quirks, so that scores match the original.
 */
public final class VaderText {
    /** JavaScript's {@code \s}, which splits more than Java's ASCII-only {@code \s}. */
    private static final Pattern JS_WHITESPACE =
            Pattern.compile(
                    "[\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F"
                            + "\\u205F\\u3000\\uFEFF]");

    private static final Pattern PUNCTUATION =
            Pattern.compile("[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]");

    private static final Pattern UPPER = Pattern.compile("[^a-z]*[A-Z]+[^a-z]*");

    private static final List<String> PUNC_LIST =
            List.of(
                    ".", "!", "?", ",", ";", ":", "-", "'", "\"", "!!", "!!!", "??", "???", "?!?",
                    "!?!", "?!?!", "!?!?");

    private final List<String> words;
    private final boolean capDifferential;

    private VaderText(List<String> words) {
        this.words = List.copyOf(words);
        int caps = 0;
        for (String w : words) {
            if (isUpper(w)) {
                caps++;
            }
        }
        int differential = words.size() - caps;
        this.capDifferential = differential > 0 && differential < words.size();
    }

    /**
     * Splits a text the way VADER does.
     *
     * @param text the text
     * @return its words and emoticons
     */
    public static VaderText of(String text) {
        Set<String> bare = new HashSet<>();
        for (String w : JS_WHITESPACE.split(PUNCTUATION.matcher(text).replaceAll(""), -1)) {
            if (w.length() > 1) {
                bare.add(w);
            }
        }
        List<String> words = new ArrayList<>();
        for (String token : JS_WHITESPACE.split(text, -1)) {
            if (token.length() > 1) {
                words.add(stripPunctuation(token, bare));
            }
        }
        return new VaderText(words);
    }

    /** Returns the words and emoticons, in order. */
    public List<String> words() {
        return words;
    }

    /** Returns whether some, but not all, words are in capitals. */
    public boolean capDifferential() {
        return capDifferential;
    }

    /**
     * Tells whether a word counts as capitals, like Python's {@code str.isupper}: at least one
     * capital letter and no lowercase one.
     *
     * @param word the word
     */
    public static boolean isUpper(String word) {
        return !word.isEmpty() && UPPER.matcher(word).matches();
    }

    // The original maps "w<p>" and "<p>w" to w for every punctuation p in its list and every
    // punctuation-free word w of the text; a token matches at most one such key.
    private static String stripPunctuation(String token, Set<String> bare) {
        for (String p : PUNC_LIST) {
            if (token.startsWith(p) && bare.contains(token.substring(p.length()))) {
                return token.substring(p.length());
            }
            if (token.endsWith(p)
                    && bare.contains(token.substring(0, token.length() - p.length()))) {
                return token.substring(0, token.length() - p.length());
            }
        }
        return token;
    }
}
