package dev.worldmind.model.language.sentiment;

/**
 * VADER's scores for one text.
 *
 * @param negative the share of the text's sentiment that is negative, in [0, 1]
 * @param neutral the share that is neutral, in [0, 1]
 * @param positive the share that is positive, in [0, 1]
 * @param compound the normalised sum of all valences, in [-1, 1]
 */
public record VaderScores(double negative, double neutral, double positive, double compound) {
    public VaderScores {
        if (!(compound >= -1 && compound <= 1)) {
            throw new IllegalArgumentException("compound lies in [-1, 1]: " + compound);
        }
    }

    /** Returns the compound score as a sentiment: {@code positive = (compound + 1) / 2}. */
    public Sentiment toSentiment() {
        return new Sentiment((compound + 1) / 2, compound);
    }
}
