package dev.worldmind.model.recommend;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;

/**
 * The baseline: everyone gets the items the most users interacted with. It ignores the history, so
 * every personalised algorithm must beat it. Immutable and thread-safe.
 */
public final class Popularity implements RecommenderAlgorithm, Recommender {
    /** The algorithm's name. */
    public static final String NAME = "popularity";

    private final float[] counts;

    /** Creates the algorithm (untrained: scores nothing until {@link #fit}). */
    public Popularity() {
        this(new float[0]);
    }

    private Popularity(float[] counts) {
        this.counts = counts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Recommender fit(InteractionMatrix train, ProgressMonitor progress) {
        if (train.size() == 0) {
            throw new InvalidDataException("cannot train " + NAME + " on no interactions");
        }
        int[] users = train.itemPopularity();
        float[] c = new float[users.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = users[i];
        }
        progress.info(NAME + ": counted " + train.size() + " interactions");
        return new Popularity(c);
    }

    /**
     * Rebuilds a trained baseline.
     *
     * @param p parameters from {@link #parameters()}
     * @return the recommender
     */
    public static Popularity fromParameters(Parameters p) {
        return new Popularity(p.floats("counts"));
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    @Override
    public int items() {
        return counts.length;
    }

    @Override
    public float[] score(int user, SparseVector history) {
        return counts.clone();
    }

    /** Popularity knows nothing about items beyond their counts: the same popular list. */
    @Override
    public float[] similarItems(int item) {
        return counts.clone();
    }

    @Override
    public boolean explains() {
        return false;
    }

    @Override
    public Parameters parameters() {
        return Parameters.builder(NAME).put("counts", counts).build();
    }
}
