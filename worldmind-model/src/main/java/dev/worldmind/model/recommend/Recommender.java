package dev.worldmind.model.recommend;

import dev.worldmind.data.interaction.SparseVector;

/**
 * A trained recommender over a fixed catalogue of items numbered from 0 (the training matrix's
 * items). Implementations are immutable and thread-safe; scoring never changes them, so new
 * interactions are handled by passing a longer history (fold-in), not by retraining.
 */
public interface Recommender {
    /** The algorithm's name, e.g. {@code "als"}; {@link Recommenders#read} dispatches on it. */
    String algorithm();

    /** How many items it scores. */
    int items();

    /**
     * Scores every item for one user; higher is better. Items already in the history are scored too
     * (leaving them out is the ranker's job).
     *
     * @param user the user's index in the training matrix when {@code history} is exactly their
     *     training row, otherwise -1 (a new user, or a known one with new interactions)
     * @param history everything known about the user: item indices and weights
     * @return one score per item
     */
    float[] score(int user, SparseVector history);

    /**
     * How similar every item is to one item, in this recommender's own terms (cosine of factors, of
     * co-occurrence, of text embeddings...); higher is more similar. Used for "similar items" and
     * for explanations.
     *
     * @param item the item's index
     * @return one similarity per item (the item itself included)
     */
    float[] similarItems(int item);

    /**
     * Tells whether {@link #similarItems} relates items to each other, so that "because you liked
     * X" is a true explanation; false for baselines that ignore the history.
     */
    default boolean explains() {
        return true;
    }

    /** Everything needed to rebuild this recommender with {@link Recommenders#read}. */
    Parameters parameters();
}
