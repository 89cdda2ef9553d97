package dev.worldmind.spark;

import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.InteractionSplit;
import dev.worldmind.model.recommend.RankingReport;
import dev.worldmind.model.recommend.Recommender;
import dev.worldmind.model.recommend.RecommenderEvaluation;
import java.util.Collection;

/**
 * A per-user random holdout ({@link InteractionSplit#random}) numbered and scored the way {@link
 * RecommenderEvaluation} does it, so Spark's results compare with the in-process algorithms'.
 * Immutable.
 *
 * @param train the training interactions
 * @param test the held-out interactions, numbered like {@code train}
 */
public record Holdout(InteractionMatrix train, InteractionMatrix test) {
    /**
     * Splits interactions.
     *
     * @param interactions the interactions (duplicates of a pair are merged first)
     * @param share the share of each user's items to hold out, in (0, 1)
     * @param seed the seed of the random choice
     * @return the split
     */
    public static Holdout split(Collection<Interaction> interactions, double share, long seed) {
        InteractionSplit s = InteractionSplit.random(interactions, share, seed);
        RecommenderEvaluation.Setup setup = RecommenderEvaluation.setup(s.train(), s.test());
        return new Holdout(setup.train(), setup.test());
    }

    /**
     * Ranks every item for every training user (their training items left out) and scores the top
     * {@code k} against the held-out items.
     *
     * @param recommender a recommender trained on {@link #train()}
     * @param k the list length
     * @return the report
     */
    public RankingReport evaluate(Recommender recommender, int k) {
        return RecommenderEvaluation.score(recommender, train, test, k);
    }
}
