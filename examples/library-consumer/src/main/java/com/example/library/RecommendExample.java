package com.example.library;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.InteractionSplit;
import dev.worldmind.data.interaction.SyntheticInteractions;
import dev.worldmind.data.interaction.SyntheticInteractions.Config;
import dev.worldmind.model.recommend.RankingReport;
import dev.worldmind.model.recommend.Recommender;
import dev.worldmind.model.recommend.RecommenderAlgorithm;
import dev.worldmind.model.recommend.RecommenderEvaluation;
import dev.worldmind.model.recommend.RecommenderEvaluation.Setup;
import dev.worldmind.model.recommend.Recommenders;
import java.util.Locale;

/**
 * Worldmind as a library: generates a small synthetic interaction set, holds out 20 % of each
 * user's items, fits a recommender and prints its NDCG@10 beside the popularity baseline's.
 */
public final class RecommendExample {
    private RecommendExample() {}

    /**
     * Prints NDCG@10 of an algorithm and of popularity.
     *
     * @param args the algorithm's name (default {@code item-knn})
     */
    public static void main(String[] args) {
        String algorithm = args.length > 0 ? args[0] : "item-knn";
        System.out.printf(
                Locale.ROOT,
                "%s NDCG@10 %.4f (popularity %.4f)%n",
                algorithm,
                evaluate(algorithm, 42).ndcg(),
                evaluate("popularity", 42).ndcg());
    }

    /**
     * Fits one algorithm on {@link Config#small()} data and ranks every user's held-out items.
     *
     * @param algorithm a name from {@link Recommenders#ALGORITHMS}
     * @param seed the data's seed (the split's is 1)
     * @return the ranking report at 10
     */
    public static RankingReport evaluate(String algorithm, long seed) {
        SyntheticInteractions data = SyntheticInteractions.generate(Config.small().withSeed(seed));
        InteractionSplit split = InteractionSplit.random(data.interactions(), 0.2, 1);
        Setup setup = RecommenderEvaluation.setup(split.train(), split.test());
        RecommenderAlgorithm chosen = Recommenders.algorithm(algorithm, seed);
        Recommender fitted = chosen.fit(setup.train(), ProgressMonitor.silent());
        return RecommenderEvaluation.score(fitted, setup.train(), setup.test(), 10);
    }
}
