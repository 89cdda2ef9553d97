package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.InteractionSplit;
import dev.worldmind.data.interaction.SyntheticInteractions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Item-kNN and EASE against the popularity baseline on the "small" synthetic preset (500 users, 400
 * items, ~20 ratings per user), 20% of each user's items held out at random.
 */
class CollaborativeQualityTest {
    private static RecommenderEvaluation.Setup data;
    private static RankingReport popularity;

    @BeforeAll
    static void generate() {
        SyntheticInteractions.Config d = SyntheticInteractions.Config.defaults();
        // the sizes of the latent-cluster data this test was first written on: 600 users, 300
        // items, 8 taste clusters, 10 to 30 items per user (about 20)
        SyntheticInteractions ratings =
                SyntheticInteractions.generate(
                        new SyntheticInteractions.Config(
                                600,
                                300,
                                d.dimension(),
                                8,
                                d.userSpread(),
                                d.temperature(),
                                d.popularityExponent(),
                                Math.log(20),
                                0.3,
                                10,
                                30,
                                d.start(),
                                d.spanSeconds(),
                                d.gapSeconds(),
                                42));
        InteractionSplit split = InteractionSplit.random(ratings.interactions(), 0.2, 42);
        data = RecommenderEvaluation.setup(split.train(), split.test());
        popularity = score(new Popularity());
        System.out.println("popularity " + popularity.toRow());
    }

    private static RankingReport score(RecommenderAlgorithm algorithm) {
        Recommender r = algorithm.fit(data.train(), ProgressMonitor.silent());
        return RecommenderEvaluation.score(r, data.train(), data.test(), 10);
    }

    @Test
    void itemKnnBeatsPopularity() {
        RankingReport knn = score(ItemKnn.defaults());
        System.out.println("item-knn   " + knn.toRow());
        assertThat(knn.ndcg()).isGreaterThan(popularity.ndcg() * 2);
        assertThat(knn.coverage()).isGreaterThan(popularity.coverage());
    }

    @Test
    void easeBeatsPopularity() {
        RankingReport ease = score(Ease.defaults());
        System.out.println("ease       " + ease.toRow());
        assertThat(ease.ndcg()).isGreaterThan(popularity.ndcg() * 2);
        assertThat(ease.coverage()).isGreaterThan(popularity.coverage());
    }
}
