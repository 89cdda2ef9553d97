package dev.worldmind.model.language.sentiment;

/**
 * How positive a text is.
 *
 * @param positive the probability (or a calibrated score) that the text is positive, in [0, 1]
 * @param polarity the same on a signed scale, in [-1, 1]: {@code 2 * positive - 1}
 */
public record Sentiment(double positive, double polarity) {
    public Sentiment {
        if (!(positive >= 0 && positive <= 1)) {
            throw new IllegalArgumentException("positive lies in [0, 1]: " + positive);
        }
    }

    /**
     * Returns the sentiment of a probability of being positive.
     *
     * @param positive the probability, in [0, 1]
     */
    public static Sentiment ofProbability(double positive) {
        return new Sentiment(positive, 2 * positive - 1);
    }

    /** Returns whether the text reads as positive. */
    public boolean isPositive() {
        return positive >= 0.5;
    }
}
