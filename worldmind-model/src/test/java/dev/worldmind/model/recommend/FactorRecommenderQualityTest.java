package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.progress.ProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ALS and BPR against the popularity baseline on a seeded latent-factor dataset (600 users, 300
 * items, 8 topics, about 20 items per user, 20% held out per user).
 */
class FactorRecommenderQualityTest {
    private static TopicInteractions data;
    private static RankingReport popularity;

    @BeforeAll
    static void generate() {
        data = TopicInteractions.generate(600, 300, 8, 20, 7);
        popularity =
                data.evaluate(
                        new Popularity().fit(data.train, ProgressMonitor.silent()), 10, false);
        System.out.println("popularity " + popularity.toRow());
    }

    @Test
    void alsBeatsPopularity() {
        long start = System.nanoTime();
        ImplicitAlsRecommender als =
                ImplicitAls.builder().build().fit(data.train, ProgressMonitor.silent());
        long ms = (System.nanoTime() - start) / 1_000_000;
        RankingReport trained = data.evaluate(als, 10, false);
        RankingReport folded = data.evaluate(als, 10, true);
        System.out.println("als (" + ms + " ms) " + trained.toRow());
        System.out.println("als fold-in " + folded.toRow());
        assertThat(trained.ndcg()).isGreaterThan(1.3 * popularity.ndcg());
        assertThat(folded.ndcg()).isGreaterThan(1.3 * popularity.ndcg());
    }

    @Test
    void bprBeatsPopularity() {
        long start = System.nanoTime();
        BprRecommender bpr = Bpr.builder().build().fit(data.train, ProgressMonitor.silent());
        long ms = (System.nanoTime() - start) / 1_000_000;
        RankingReport trained = data.evaluate(bpr, 10, false);
        RankingReport folded = data.evaluate(bpr, 10, true);
        System.out.println("bpr (" + ms + " ms) " + trained.toRow());
        System.out.println("bpr fold-in " + folded.toRow());
        assertThat(trained.ndcg()).isGreaterThan(1.3 * popularity.ndcg());
        assertThat(folded.ndcg()).isGreaterThan(1.3 * popularity.ndcg());
    }
}
