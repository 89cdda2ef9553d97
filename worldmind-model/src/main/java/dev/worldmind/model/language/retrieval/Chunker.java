package dev.worldmind.model.language.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cuts knowledge text into passages at paragraph and sentence boundaries. Sentences are packed into
 * a passage until the next one would pass the word limit; a paragraph break always starts a new
 * passage, so a passage stays about one thing. A single sentence longer than the limit is split at
 * word boundaries, so no passage exceeds it. With MiniLM, which reads at most 128 word pieces, a
 * limit of about 60 words leaves room for the title and for long words that split into several
 * pieces.
 */
public final class Chunker {
    /** A good limit for all-MiniLM-L6-v2: about 60 words plus a title fit in 128 word pieces. */
    public static final int DEFAULT_MAX_WORDS = 60;

    private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*\\n");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    // Words ending in a full stop that do not end a sentence.
    private static final Set<String> ABBREVIATIONS =
            Set.of(
                    "e.g.", "i.e.", "etc.", "c.", "ca.", "st.", "mr.", "mrs.", "ms.", "dr.", "no.",
                    "vs.", "approx.", "fig.", "vol.", "ed.");

    private Chunker() {}

    /**
     * Cuts a document into passages with ids {@code documentId#0}, {@code documentId#1}, ...
     *
     * @param documentId the document's id
     * @param title the document's title, copied to every passage
     * @param text the document text; blank lines separate paragraphs
     * @param maxWords the most words in one passage, at least 5
     * @return the passages in document order, none if the text is blank
     */
    public static List<Passage> chunk(String documentId, String title, String text, int maxWords) {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        if (maxWords < 5) {
            throw new IllegalArgumentException("maxWords must be at least 5, is " + maxWords);
        }
        List<Passage> passages = new ArrayList<>();
        for (String paragraph : PARAGRAPH.split(text.strip())) {
            List<String> current = new ArrayList<>();
            int words = 0;
            for (String sentence : sentences(paragraph)) {
                for (String piece : limit(sentence, maxWords)) {
                    int n = wordCount(piece);
                    if (words > 0 && words + n > maxWords) {
                        add(passages, documentId, title, current);
                        current.clear();
                        words = 0;
                    }
                    current.add(piece);
                    words += n;
                }
            }
            add(passages, documentId, title, current);
        }
        return List.copyOf(passages);
    }

    /**
     * Splits text into sentences at {@code .}, {@code !} or {@code ?} followed by white space, not
     * after common abbreviations or initials; line breaks inside a paragraph are joined.
     *
     * @param text the text
     * @return its sentences, trimmed, none if the text is blank
     */
    public static List<String> sentences(String text) {
        String[] words = WHITESPACE.split(text.strip());
        List<String> sentences = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.isEmpty()) {
                continue;
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
            boolean last = i == words.length - 1;
            if (!last && endsSentence(word, words[i + 1])) {
                sentences.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            sentences.add(current.toString());
        }
        return sentences;
    }

    /**
     * Counts the words (white-space separated tokens) of a text.
     *
     * @param text the text
     */
    public static int wordCount(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : WHITESPACE.split(stripped).length;
    }

    private static boolean endsSentence(String word, String next) {
        String bare = word.replaceAll("[\"')\\]]+$", "");
        if (!(bare.endsWith(".") || bare.endsWith("!") || bare.endsWith("?"))) {
            return false;
        }
        if (bare.endsWith(".")) {
            String lower = bare.toLowerCase(Locale.ROOT);
            if (ABBREVIATIONS.contains(lower) || lower.matches("[a-z]\\.")) {
                return false;
            }
        }
        char first = next.charAt(0);
        return Character.isUpperCase(first)
                || Character.isDigit(first)
                || first == '"'
                || first == '\''
                || first == '(';
    }

    private static List<String> limit(String sentence, int maxWords) {
        String[] words = WHITESPACE.split(sentence.strip());
        if (words.length <= maxWords) {
            return List.of(sentence);
        }
        List<String> pieces = new ArrayList<>();
        for (int start = 0; start < words.length; start += maxWords) {
            int end = Math.min(words.length, start + maxWords);
            pieces.add(String.join(" ", List.of(words).subList(start, end)));
        }
        return pieces;
    }

    private static void add(
            List<Passage> passages, String documentId, String title, List<String> sentences) {
        if (sentences.isEmpty()) {
            return;
        }
        int n = (int) passages.stream().filter(p -> p.documentId().equals(documentId)).count();
        passages.add(
                new Passage(documentId + "#" + n, documentId, title, String.join(" ", sentences)));
    }
}
