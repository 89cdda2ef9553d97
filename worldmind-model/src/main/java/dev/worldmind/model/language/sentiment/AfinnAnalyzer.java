package dev.worldmind.model.language.sentiment;

import dev.worldmind.data.catalog.Afinn;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Scores text with the AFINN-165 lexicon the way the npm package {@code sentiment} 5.0.2 does: the
 * text is lowercased and split into words at spaces after removing punctuation, each word's score
 * is summed, and a word right after a negator ("not", "don't", ...) counts with the opposite sign.
 * The package's emoji scores are not part of the lexicon used here.
 *
 * <p>The sum maps to a probability of being positive with a logistic curve, {@code 1 / (1 +
 * exp(-score / 2))}: a monotone squashing, not a calibration. A text without scored words gets
 * exactly 0.5. Immutable and thread-safe.
 */
public final class AfinnAnalyzer implements SentimentAnalyzer {
    private static final Pattern REMOVED = Pattern.compile("[.,/#!?$%^&*;:{}=_`\"~()]");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s\\s+");

    private final Afinn lexicon;

    private AfinnAnalyzer(Afinn lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /**
     * Creates an analyzer.
     *
     * @param lexicon the AFINN-165 lexicon
     * @return the analyzer
     */
    public static AfinnAnalyzer create(Afinn lexicon) {
        return new AfinnAnalyzer(lexicon);
    }

    @Override
    public String name() {
        return "afinn-165";
    }

    @Override
    public Sentiment analyze(String text) {
        return Sentiment.ofProbability(1 / (1 + Math.exp(-score(text) / 2.0)));
    }

    /**
     * Returns the summed AFINN score of a text, as the {@code sentiment} package's {@code score}.
     *
     * @param text the text
     * @return the score
     */
    public int score(String text) {
        List<String> tokens = tokenize(text);
        int score = 0;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Integer word = lexicon.scores().get(tokens.get(i));
            if (word == null) {
                continue;
            }
            boolean negated = i > 0 && lexicon.negators().contains(tokens.get(i - 1));
            score += negated ? -word : word;
        }
        return score;
    }

    /**
     * Splits text into words as the {@code sentiment} package does.
     *
     * @param text the text
     * @return the lowercase words
     */
    public static List<String> tokenize(String text) {
        String cleaned = text.toLowerCase(Locale.ROOT).replace('\n', ' ');
        cleaned = REMOVED.matcher(cleaned).replaceAll(" ");
        cleaned = WHITESPACE_RUN.matcher(cleaned).replaceAll(" ").trim();
        return Arrays.asList(cleaned.split(" ", -1));
    }
}
