package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.progress.ProgressMonitor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BprTest extends FactorRecommenderContract {
    private static final BprRecommender TRAINED =
            Bpr.builder().build().fit(DATA.train, ProgressMonitor.silent());

    @Override
    RecommenderAlgorithm algorithm() {
        return Bpr.builder().build();
    }

    @Override
    RecommenderAlgorithm forTinyData() {
        // a dozen interactions make a dozen SGD steps an epoch: many epochs
        return Bpr.builder().optFactors(4).optEpochs(500).build();
    }

    @Override
    Recommender fromParameters(Parameters p) {
        return Bpr.fromParameters(p);
    }

    @Override
    Recommender trained() {
        return TRAINED;
    }

    @Test
    void oneThreadTrainsTheSameModelForTheSameSeed() {
        Bpr b = Bpr.builder().optFactors(16).optEpochs(3).build();
        Recommender again = b.fit(DATA.train, ProgressMonitor.silent());
        assertThat(again.parameters().floats("itemFactors"))
                .containsExactly(
                        b.fit(DATA.train, ProgressMonitor.silent())
                                .parameters()
                                .floats("itemFactors"));
        Recommender other =
                Bpr.builder()
                        .optFactors(16)
                        .optEpochs(3)
                        .optSeed(7)
                        .build()
                        .fit(DATA.train, ProgressMonitor.silent());
        assertThat(other.parameters().floats("itemFactors"))
                .isNotEqualTo(again.parameters().floats("itemFactors"));
    }

    @Test
    void reportsEachEpochAndHogwildThreadsStillLearn() {
        List<String> messages = new ArrayList<>();
        Recommender r = Bpr.builder().optThreads(2).build().fit(DATA.train, messages::add);
        assertThat(messages).hasSize(100);
        assertThat(messages.get(99)).startsWith("bpr: epoch 100/100 mean ln σ ");
        double popularity =
                DATA.evaluate(new Popularity().fit(DATA.train, ProgressMonitor.silent()), 10, false)
                        .ndcg();
        assertThat(DATA.evaluate(r, 10, false).ndcg()).isGreaterThan(1.3 * popularity);
    }

    @Test
    void defaultsBeatTheOldDefaultsAndItemKnnOnAMovieShapedSet() {
        BinarySplit data = BinarySplit.of(BinarySplit.smallMovies(), 42, 1);
        double old =
                data.ndcg(
                        FactorSweepTest.oldBpr()
                                .fit(data.setup().train(), ProgressMonitor.silent()));
        double now =
                data.ndcg(
                        Bpr.builder().build().fit(data.setup().train(), ProgressMonitor.silent()));
        double knn =
                data.ndcg(ItemKnn.defaults().fit(data.setup().train(), ProgressMonitor.silent()));
        assertThat(now).isGreaterThan(old).isGreaterThan(knn);
    }

    @Test
    void popularNegativesAndAConstantStepAreOptions() {
        Bpr b = Bpr.builder().optPopularNegatives(0.5).optDecay(false).optEpochs(3).build();
        assertThat(b.config()).containsEntry("popularNegatives", 0.5).containsEntry("decay", false);
        assertThat(b.fit(DATA.train, ProgressMonitor.silent()).parameters().floats("itemFactors"))
                .containsExactly(
                        b.fit(DATA.train, ProgressMonitor.silent())
                                .parameters()
                                .floats("itemFactors"));
        assertThatThrownBy(() -> Bpr.builder().optPopularNegatives(1.5).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
