package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.SparseVector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImplicitAlsTest extends FactorRecommenderContract {
    private static final ImplicitAlsRecommender TRAINED =
            ImplicitAls.builder().build().fit(DATA.train, ProgressMonitor.silent());

    @Override
    RecommenderAlgorithm algorithm() {
        return ImplicitAls.builder().build();
    }

    @Override
    RecommenderAlgorithm forTinyData() {
        return ImplicitAls.builder().optFactors(4).build();
    }

    @Override
    Recommender fromParameters(Parameters p) {
        return ImplicitAls.fromParameters(p);
    }

    @Override
    Recommender trained() {
        return TRAINED;
    }

    @Test
    void lossFallsEverySweep() {
        List<String> messages = new ArrayList<>();
        double previous = Double.MAX_VALUE;
        for (int iterations = 1; iterations <= 6; iterations++) {
            ImplicitAlsRecommender r =
                    ImplicitAls.builder()
                            .optFactors(16)
                            .optIterations(iterations)
                            .build()
                            .fit(DATA.train, messages::add);
            assertThat(r.trainingLoss()).isLessThan(previous);
            assertThat(r.loss(DATA.train)).isCloseTo(r.trainingLoss(), within(1e-9));
            previous = r.trainingLoss();
        }
        assertThat(messages).hasSize(21).last().asString().startsWith("als: iteration 6/6 loss ");
    }

    @Test
    void conjugateGradientTrainsAsWellAsExactSolves() {
        ImplicitAls.Builder b = ImplicitAls.builder().optFactors(16);
        Recommender cg = b.build().fit(DATA.train, ProgressMonitor.silent());
        Recommender exact =
                b.optSolver(ImplicitAls.Solver.CHOLESKY)
                        .build()
                        .fit(DATA.train, ProgressMonitor.silent());
        double cgNdcg = DATA.evaluate(cg, 10, false).ndcg();
        double exactNdcg = DATA.evaluate(exact, 10, false).ndcg();
        assertThat(cgNdcg).isCloseTo(exactNdcg, within(0.02));
        // fold-in is an exact solve in both, so a training user's folded-in list matches theirs
        SparseVector row = DATA.train.row(3);
        assertThat(Ranking.top(exact.score(-1, row), 10, row))
                .containsExactly(Ranking.top(exact.score(3, row), 10, row));
    }

    @Test
    void trainsTheSameFactorsOnOneThreadOrTwo() {
        ImplicitAls.Builder b = ImplicitAls.builder().optFactors(16).optIterations(3);
        Recommender one = b.optThreads(1).build().fit(DATA.train, ProgressMonitor.silent());
        Recommender two = b.optThreads(2).build().fit(DATA.train, ProgressMonitor.silent());
        assertThat(two.parameters().floats("itemFactors"))
                .containsExactly(one.parameters().floats("itemFactors"));
    }

    @Test
    void logConfidenceAlsoLearns() {
        Recommender r =
                ImplicitAls.builder()
                        .optConfidence(ImplicitAls.Confidence.LOG)
                        .optAlpha(4)
                        .build()
                        .fit(DATA.train, ProgressMonitor.silent());
        double popularity =
                DATA.evaluate(new Popularity().fit(DATA.train, ProgressMonitor.silent()), 10, false)
                        .ndcg();
        assertThat(DATA.evaluate(r, 10, false).ndcg()).isGreaterThan(1.3 * popularity);
    }

    @Test
    void defaultsBeatTheOldDefaultsOnAMovieShapedSet() {
        // few users, long histories, many items, every interaction 1: where λ 1 over-regularised
        BinarySplit data = BinarySplit.of(BinarySplit.smallMovies(), 42, 1);
        double old =
                data.ndcg(
                        FactorSweepTest.oldAls()
                                .fit(data.setup().train(), ProgressMonitor.silent()));
        double now =
                data.ndcg(
                        ImplicitAls.builder()
                                .build()
                                .fit(data.setup().train(), ProgressMonitor.silent()));
        assertThat(now).isGreaterThan(1.1 * old);
    }
}
