package dev.worldmind.model.language.moderation.internal;

import dev.worldmind.core.WorldmindException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A list of words matched against normalised tokens, so that {@code F*CK}, {@code fuuuuck}, {@code
 * sh1t}, {@code a$$hole} and {@code f u c k} are caught while {@code as} or {@code Scunthorpe} are
 * not: tokens are lowercased, accents dropped, leetspeak digits and symbols read as letters, other
 * symbols removed, and runs of three or more equal letters tried as one and as two. Entries ending
 * in {@code *} match any token that starts with them. Immutable and thread-safe.
 */
public final class WordList {
    private static final java.util.regex.Pattern EDGES =
            java.util.regex.Pattern.compile("^[.!?'\\-_~*]+|[.!?'\\-_~*]+$");

    private final Set<String> exact;
    private final List<String> stems;

    private WordList(Set<String> exact, List<String> stems) {
        this.exact = Set.copyOf(exact);
        this.stems = List.copyOf(stems);
    }

    /**
     * Reads a list from a class-path resource: one entry a line, {@code #} starts a comment.
     *
     * @param resource the resource name, relative to this class' package root
     * @return the list
     */
    public static WordList fromResource(String resource) {
        try (InputStream in = WordList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new WorldmindException("the word list " + resource + " is missing");
            }
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new WorldmindException("cannot read the word list " + resource, e);
        }
    }

    /**
     * Builds a list from entries.
     *
     * @param entries words, or stems ending in {@code *}; blank lines and {@code #} comments
     *     skipped
     * @return the list
     */
    public static WordList of(List<String> entries) {
        Set<String> exact = new HashSet<>();
        List<String> stems = new ArrayList<>();
        for (String line : entries) {
            String e = line.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty() || e.startsWith("#")) {
                continue;
            }
            if (e.endsWith("*")) {
                stems.add(e.substring(0, e.length() - 1));
            } else {
                exact.add(e);
            }
        }
        return new WordList(exact, stems);
    }

    /**
     * Returns the first entry a text contains, or null.
     *
     * @param text any text
     * @return the matched normalised token, or null when none matches
     */
    public String firstMatch(String text) {
        List<String> tokens = normalisedTokens(text);
        StringBuilder spelled = new StringBuilder();
        for (int i = 0; i <= tokens.size(); i++) {
            String token = i < tokens.size() ? tokens.get(i) : "";
            if (token.length() == 1) {
                spelled.append(token); // "f u c k" is spelled out one letter at a time
                continue;
            }
            if (spelled.length() > 2 && matches(spelled.toString())) {
                return spelled.toString();
            }
            spelled.setLength(0);
            if (!token.isEmpty() && matches(token)) {
                return token;
            }
        }
        return null;
    }

    private boolean matches(String token) {
        for (String form : forms(token)) {
            if (exact.contains(form)) {
                return true;
            }
            for (String stem : stems) {
                if (form.startsWith(stem)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The token itself, and with long letter runs squeezed to one and to two letters. */
    private static List<String> forms(String token) {
        StringBuilder one = new StringBuilder();
        StringBuilder two = new StringBuilder();
        boolean squeezed = false;
        int i = 0;
        while (i < token.length()) {
            char c = token.charAt(i);
            int j = i;
            while (j < token.length() && token.charAt(j) == c) {
                j++;
            }
            int run = j - i;
            squeezed |= run >= 3;
            one.append(run >= 3 ? String.valueOf(c) : token.substring(i, j));
            two.append(run >= 3 ? String.valueOf(c).repeat(2) : token.substring(i, j));
            i = j;
        }
        return squeezed ? List.of(token, one.toString(), two.toString()) : List.of(token);
    }

    /**
     * Splits a text at white space and normalises each piece: lowercase, accents dropped, leetspeak
     * read as letters (in pieces that hold a letter), everything else that is not a letter dropped.
     *
     * @param text any text
     * @return the non-empty normalised tokens
     */
    public static List<String> normalisedTokens(String text) {
        String plain =
                Normalizer.normalize(text, Normalizer.Form.NFKD)
                        .replaceAll("\\p{M}+", "")
                        .toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        for (String raw : plain.split("[\\s,;:?\"()\\[\\]{}<>/\\\\]+")) {
            // Sentence punctuation around a word is not leetspeak: "great!" is not "greati".
            String piece = EDGES.matcher(raw).replaceAll("");
            boolean hasLetter = piece.chars().anyMatch(Character::isLetter);
            StringBuilder t = new StringBuilder(piece.length());
            for (int i = 0; i < piece.length(); i++) {
                char c = piece.charAt(i);
                char mapped = hasLetter ? leet(c) : c;
                if (Character.isLetter(mapped)) {
                    t.append(mapped);
                }
            }
            if (t.length() > 0) {
                tokens.add(t.toString());
            }
        }
        return tokens;
    }

    private static char leet(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!', '|' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7', '+' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            default -> c;
        };
    }
}
