package dev.worldmind.model.language.moderation.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Obscene words and slurs, matched on whole words only (so {@code Scunthorpe}, {@code assess} and
 * {@code cocktail} pass): single words exactly, entries ending in {@code *} as stems, entries of
 * several words as a run of words, and a word with masked letters ({@code f*ck}) against the
 * entries of its length. Immutable and thread-safe.
 */
public final class Lexicon {
    private final Set<String> exact;
    private final List<String> stems;
    private final List<List<String>> phrases;
    private final Set<String> symbols;

    private Lexicon(
            Set<String> exact,
            List<String> stems,
            List<List<String>> phrases,
            Set<String> symbols) {
        this.exact = Set.copyOf(exact);
        this.stems = List.copyOf(stems);
        this.phrases = List.copyOf(phrases);
        this.symbols = Set.copyOf(symbols);
    }

    /**
     * Builds a lexicon.
     *
     * @param entries words, stems ending in {@code *} and phrases; {@code #} comments and blank
     *     lines skipped
     * @param ignored entries to leave out (words that are ordinary in chat, e.g. {@code sexy})
     * @return the lexicon
     */
    public static Lexicon of(List<String> entries, Set<String> ignored) {
        Set<String> exact = new HashSet<>();
        List<String> stems = new ArrayList<>();
        List<List<String>> phrases = new ArrayList<>();
        Set<String> symbols = new HashSet<>();
        for (String line : entries) {
            String e = line.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty() || e.startsWith("#") || ignored.contains(e)) {
                continue;
            }
            if (e.chars().noneMatch(Character::isLetter)) {
                symbols.add(e); // an emoji such as the raised middle finger
            } else if (e.endsWith("*")) {
                stems.add(e.substring(0, e.length() - 1));
            } else {
                List<String> words = ChatText.words(e, w -> true);
                if (words.size() == 1) {
                    exact.add(words.get(0));
                } else if (!words.isEmpty()) {
                    phrases.add(words);
                }
            }
        }
        return new Lexicon(exact, stems, phrases, symbols);
    }

    /** Returns a lexicon holding the entries of both. */
    public Lexicon plus(Lexicon other) {
        Set<String> e = new HashSet<>(exact);
        e.addAll(other.exact);
        List<String> s = new ArrayList<>(stems);
        s.addAll(other.stems);
        List<List<String>> p = new ArrayList<>(phrases);
        p.addAll(other.phrases);
        Set<String> y = new HashSet<>(symbols);
        y.addAll(other.symbols);
        return new Lexicon(e, s, p, y);
    }

    /** Returns the number of entries. */
    public int size() {
        return exact.size() + stems.size() + phrases.size() + symbols.size();
    }

    /** Whether a single word is an entry (exactly, by stem, or with masked letters). */
    public boolean contains(String word) {
        if (exact.contains(word)) {
            return true;
        }
        for (String stem : stems) {
            if (word.startsWith(stem)) {
                return true;
            }
        }
        if (word.indexOf('*') > 0) {
            for (String w : exact) {
                if (w.length() == word.length() && masked(word, w)) {
                    return true;
                }
            }
            for (String s : stems) {
                if (word.length() >= s.length() && masked(word.substring(0, s.length()), s)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean masked(String maskedWord, String entry) {
        for (int i = 0; i < maskedWord.length(); i++) {
            char c = maskedWord.charAt(i);
            if (c != '*' && c != entry.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a word is known exactly (for squeezing and joining letters). */
    public boolean knows(String word) {
        return exact.contains(word) || stems.contains(word);
    }

    /**
     * Returns the first entry found in a line, or null.
     *
     * @param folded the line as {@link ChatText#fold} returns it (for symbol entries)
     * @param words the line's words as {@link ChatText#words} returns them
     */
    public String firstMatch(String folded, List<String> words) {
        for (String w : words) {
            if (contains(w)) {
                return w;
            }
        }
        for (List<String> phrase : phrases) {
            if (java.util.Collections.indexOfSubList(words, phrase) >= 0) {
                return String.join(" ", phrase);
            }
        }
        for (String s : symbols) {
            if (folded.contains(s)) {
                return s;
            }
        }
        return null;
    }
}
