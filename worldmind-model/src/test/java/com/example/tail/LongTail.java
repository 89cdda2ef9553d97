package com.example.tail;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import dev.worldmind.model.recommend.Parameters;
import dev.worldmind.model.recommend.Recommender;
import dev.worldmind.model.recommend.RecommenderAlgorithm;
import dev.worldmind.model.recommend.RecommenderKind;
import java.util.Optional;

/**
 * A recommender added the way a plugin adds one, in this class and one line of {@code
 * META-INF/services/dev.worldmind.model.recommend.RecommenderKind}: the long tail, the items the
 * fewest users touched first. The kind, the algorithm and the trained recommender in one, as {@code
 * Popularity} is.
 */
public final class LongTail implements RecommenderKind, RecommenderAlgorithm, Recommender {
    /** Its name. */
    public static final String NAME = "long-tail";

    private final float[] scores;

    /** The kind, and the untrained algorithm (what {@code ServiceLoader} makes). */
    public LongTail() {
        this(new float[0]);
    }

    private LongTail(float[] scores) {
        this.scores = scores;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<RecommenderAlgorithm> algorithm(long seed, int threads) {
        return Optional.of(new LongTail());
    }

    @Override
    public Recommender rebuild(Parameters p) {
        return new LongTail(p.floats("scores"));
    }

    @Override
    public Recommender fit(InteractionMatrix train, ProgressMonitor progress) {
        if (train.size() == 0) {
            throw new InvalidDataException("cannot train " + NAME + " on no interactions");
        }
        int[] users = train.itemPopularity();
        float[] s = new float[users.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = -users[i];
        }
        return new LongTail(s);
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    @Override
    public int items() {
        return scores.length;
    }

    @Override
    public float[] score(int user, SparseVector history) {
        return scores.clone();
    }

    @Override
    public float[] similarItems(int item) {
        return scores.clone();
    }

    @Override
    public boolean explains() {
        return false;
    }

    @Override
    public Parameters parameters() {
        return Parameters.builder(NAME).put("scores", scores).build();
    }
}
