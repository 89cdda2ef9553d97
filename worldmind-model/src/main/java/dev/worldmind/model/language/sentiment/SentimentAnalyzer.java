package dev.worldmind.model.language.sentiment;

import java.util.List;

/** Tells how positive texts are. Implementations are thread-safe. */
public interface SentimentAnalyzer {
    /** Returns the analyzer's name, e.g. {@code vader} or {@code sentiment-minilm:3}. */
    String name();

    /**
     * Scores one text.
     *
     * @param text the text
     * @return its sentiment
     */
    Sentiment analyze(String text);

    /**
     * Scores several texts; implementations batch where that is faster.
     *
     * @param texts the texts
     * @return their sentiments, in order
     */
    default List<Sentiment> analyzeAll(List<String> texts) {
        return texts.stream().map(this::analyze).toList();
    }
}
