package dev.worldmind.model.recommend;

import dev.worldmind.core.progress.ProgressMonitor;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The measurements behind the ALS and BPR defaults: NDCG@10 and training time over a grid of
 * settings on the synthetic latent-factor data of {@link FactorRecommenderQualityTest}. Slow; run
 * with {@code -Dworldmind.excludedGroups=none -Dtest=FactorRecommenderTuningTest}.
 */
@Tag("slow")
class FactorRecommenderTuningTest {
    private final TopicInteractions data = TopicInteractions.generate(600, 300, 8, 20, 7);

    @Test
    void alsGrid() {
        report("warm-up", ImplicitAls.builder().build());
        report(
                "als constant λ=50 α=5",
                ImplicitAls.builder()
                        .optRegularization(ImplicitAls.Regularization.CONSTANT)
                        .optLambda(50)
                        .optAlpha(5)
                        .build());
        for (int factors : new int[] {32, 64}) {
            for (double lambda : new double[] {0.05, 0.2, 0.5, 1, 2, 4}) {
                for (double alpha : new double[] {1, 2, 5, 10}) {
                    report(
                            String.format(
                                    Locale.ROOT, "als k=%d λ=%s α=%s", factors, lambda, alpha),
                            ImplicitAls.builder()
                                    .optFactors(factors)
                                    .optLambda(lambda)
                                    .optAlpha(alpha)
                                    .build());
                }
            }
        }
    }

    @Test
    void bprGrid() {
        report("warm-up", Bpr.builder().build());
        for (int factors : new int[] {16, 32, 64}) {
            for (double lr : new double[] {0.01, 0.05, 0.1}) {
                for (double lambda : new double[] {0.001, 0.01, 0.05}) {
                    for (int epochs : new int[] {30, 60}) {
                        report(
                                String.format(
                                        Locale.ROOT,
                                        "bpr k=%d lr=%s λ=%s epochs=%d",
                                        factors,
                                        lr,
                                        lambda,
                                        epochs),
                                Bpr.builder()
                                        .optFactors(factors)
                                        .optLearningRate(lr)
                                        .optLambda(lambda)
                                        .optEpochs(epochs)
                                        .build());
                    }
                }
            }
        }
    }

    @Test
    void bprFoldInGrid() {
        for (int epochs : new int[] {10, 30, 100}) {
            for (int negatives : new int[] {4, 8, 32}) {
                report(
                        String.format(
                                Locale.ROOT,
                                "bpr fold-in epochs=%d negatives=%d",
                                epochs,
                                negatives),
                        Bpr.builder()
                                .optFoldInEpochs(epochs)
                                .optFoldInNegatives(negatives)
                                .build());
            }
        }
    }

    private void report(String label, RecommenderAlgorithm algorithm) {
        long start = System.nanoTime();
        Recommender r = algorithm.fit(data.train, ProgressMonitor.silent());
        long ms = (System.nanoTime() - start) / 1_000_000;
        double trained = data.evaluate(r, 10, false).ndcg();
        double folded = data.evaluate(r, 10, true).ndcg();
        System.out.printf(
                Locale.ROOT, "%-40s ndcg %.4f fold-in %.4f %6d ms%n", label, trained, folded, ms);
    }
}
