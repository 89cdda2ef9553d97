package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.progress.ProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Item-kNN and EASE against the popularity baseline on a seeded latent-cluster dataset: 600 users,
 * 300 items in 8 clusters, ~20 interactions per user, 20% of each user's items held out.
 */
class CollaborativeQualityTest {
    private static SyntheticInteractions data;
    private static RankingReport popularity;

    @BeforeAll
    static void generate() {
        data = SyntheticInteractions.generate(600, 300, 8, 20, 0.2, 42);
        popularity =
                data.evaluate(new Popularity().fit(data.train(), ProgressMonitor.silent()), 10);
        System.out.println("popularity " + popularity.toRow());
    }

    @Test
    void itemKnnBeatsPopularity() {
        RankingReport knn =
                data.evaluate(ItemKnn.defaults().fit(data.train(), ProgressMonitor.silent()), 10);
        System.out.println("item-knn   " + knn.toRow());
        assertThat(knn.ndcg()).isGreaterThan(popularity.ndcg() * 2);
        assertThat(knn.coverage()).isGreaterThan(popularity.coverage());
    }

    @Test
    void easeBeatsPopularity() {
        RankingReport ease =
                data.evaluate(Ease.defaults().fit(data.train(), ProgressMonitor.silent()), 10);
        System.out.println("ease       " + ease.toRow());
        assertThat(ease.ndcg()).isGreaterThan(popularity.ndcg() * 2);
        assertThat(ease.coverage()).isGreaterThan(popularity.coverage());
    }
}
