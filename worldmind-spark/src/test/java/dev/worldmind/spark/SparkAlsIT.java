package dev.worldmind.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SparseVector;
import dev.worldmind.data.interaction.SyntheticInteractions;
import dev.worldmind.model.recommend.ImplicitAls;
import dev.worldmind.model.recommend.ImplicitAlsRecommender;
import dev.worldmind.model.recommend.Popularity;
import dev.worldmind.model.recommend.RankingReport;
import dev.worldmind.model.recommend.Recommenders;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spark MLlib's implicit ALS in local mode on a seeded synthetic latent-factor dataset. */
class SparkAlsIT {
    private static SparkAls spark;
    private static Holdout split;
    private static ImplicitAlsRecommender model;
    private static double fitSeconds;

    /** Eight factors for eight clusters (16 and 32 also beat popularity, by 2.2x and 1.9x). */
    @BeforeAll
    static void train() {
        spark =
                SparkAls.builder()
                        .optMaster("local[2]")
                        .optFactors(8)
                        .optRegularisation(0.05)
                        .optAlpha(10)
                        .optIterations(10)
                        .optSeed(7)
                        .build();
        List<Interaction> data =
                SyntheticInteractions.generate(SyntheticInteractions.Config.small().withSeed(7))
                        .interactions();
        split = Holdout.split(data, 0.2, 7);
        long start = System.nanoTime();
        model = spark.fit(split.train(), ProgressMonitor.silent());
        fitSeconds = (System.nanoTime() - start) / 1e9;
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.close();
        }
    }

    @Test
    void beatsPopularityClearly() {
        RankingReport als = split.evaluate(model, 10);
        RankingReport popularity =
                split.evaluate(new Popularity().fit(split.train(), ProgressMonitor.silent()), 10);
        System.out.printf(
                Locale.ROOT,
                "SparkAlsIT: %s; session start %.2f s, fit %.2f s%n  spark-als  %s%n"
                        + "  popularity %s%n",
                split.train(),
                spark.sessionSeconds(),
                fitSeconds,
                als.toRow(),
                popularity.toRow());
        assertThat(als.users()).isEqualTo(500);
        assertThat(als.ndcg()).isGreaterThanOrEqualTo(2 * popularity.ndcg());
    }

    @Test
    void ranksAsWellAsTheInProcessAlsWithTheSameSettings() {
        ImplicitAls same =
                ImplicitAls.builder()
                        .optFactors(8)
                        .optRegularization(ImplicitAls.Regularization.SCALED)
                        .optLambda(0.05)
                        .optAlpha(10)
                        .optIterations(10)
                        .optSeed(7)
                        .build();
        RankingReport inProcess =
                split.evaluate(same.fit(split.train(), ProgressMonitor.silent()), 10);
        RankingReport als = split.evaluate(model, 10);
        System.out.printf(
                Locale.ROOT,
                "SparkAlsIT: ndcg@10 spark %.4f, in-process %.4f (ratio %.3f)%n",
                als.ndcg(),
                inProcess.ndcg(),
                als.ndcg() / inProcess.ndcg());
        assertThat(als.ndcg() / inProcess.ndcg()).isBetween(0.85, 1.15);
    }

    @Test
    void factorsLineUpWithTheMatrixIndices() {
        InteractionMatrix train = split.train();
        assertThat(model.items()).isEqualTo(train.items());
        assertThat(model.users()).isEqualTo(train.users());
        // A user's own training items score above the catalogue's average for them: the factors
        // belong to the right user and items, not to a shuffled numbering.
        int above = 0;
        for (int u = 0; u < train.users(); u++) {
            float[] s = model.score(u, train.row(u));
            double mean = 0;
            for (float x : s) {
                mean += x / s.length;
            }
            double own = 0;
            SparseVector row = train.row(u);
            for (int j = 0; j < row.size(); j++) {
                own += s[row.index(j)] / row.size();
            }
            if (own > mean) {
                above++;
            }
        }
        assertThat(above).isGreaterThan(train.users() * 95 / 100);
    }

    @Test
    void foldInReproducesSparksUserFactors() {
        // Spark's last half-step solves each user's factors against the final item factors, so
        // folding a training row in (as a new user) must score like Spark's own user factors.
        InteractionMatrix train = split.train();
        double worst = 0;
        for (int u = 0; u < train.users(); u += 37) {
            float[] trained = model.score(u, train.row(u));
            float[] folded = model.score(-1, train.row(u));
            double diff = 0;
            double norm = 0;
            for (int i = 0; i < trained.length; i++) {
                diff += (trained[i] - folded[i]) * (trained[i] - folded[i]);
                norm += trained[i] * trained[i];
            }
            worst = Math.max(worst, Math.sqrt(diff / norm));
        }
        System.out.printf(Locale.ROOT, "SparkAlsIT: worst fold-in relative error %.2e%n", worst);
        assertThat(worst).isLessThan(1e-3);
        // and the comparison can tell: a history missing one item folds in elsewhere
        SparseVector row = train.row(0);
        SparseVector fewer =
                new SparseVector(
                        java.util.Arrays.copyOf(row.indices(), row.size() - 1),
                        java.util.Arrays.copyOf(row.values(), row.size() - 1));
        float[] trained = model.score(0, row);
        float[] other = model.score(-1, fewer);
        double diff = 0;
        for (int i = 0; i < trained.length; i++) {
            diff += Math.abs(trained[i] - other[i]);
        }
        assertThat(diff).isGreaterThan(1e-3);
    }

    @Test
    void savedParametersLoadAsTheInProcessAls() {
        SparseVector h = split.train().row(3);
        assertThat(model.parameters().algorithm()).isEqualTo(ImplicitAls.NAME);
        assertThat(Recommenders.of(model.parameters()).score(-1, h))
                .containsExactly(model.score(-1, h));
        assertThat(spark.config()).containsEntry("factors", 8).containsEntry("alpha", 10.0);
    }

    @Test
    void refusesEmptyTrainingData() {
        assertThatThrownBy(
                        () -> spark.fit(InteractionMatrix.of(List.of()), ProgressMonitor.silent()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("no interactions");
    }
}
