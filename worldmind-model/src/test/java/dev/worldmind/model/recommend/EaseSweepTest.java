package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.InteractionSplit;
import dev.worldmind.data.interaction.SyntheticInteractions;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The measurements behind EASE's defaults on both synthetic presets ({@code defaults()}: 6,000
 * users x 3,000 items; {@code movies()}: 600 x 10,000), each on a dev split (generator seed 42,
 * split seed 1, where the choice is made) and a test split (seeds 7 and 2, reported only). Slow;
 * prints tables.
 */
@Tag("slow")
class EaseSweepTest {
    private static final double[] LAMBDAS = {25, 50, 100, 200, 300, 400, 800, 1600};

    private record Data(String name, RecommenderEvaluation.Setup setup) {
        static Data of(String preset, long seed, long splitSeed) {
            SyntheticInteractions data =
                    SyntheticInteractions.generate(
                            SyntheticInteractions.Config.preset(preset).withSeed(seed));
            InteractionSplit split = InteractionSplit.random(data.interactions(), 0.2, splitSeed);
            return new Data(
                    preset + " seed " + seed + "/" + splitSeed,
                    RecommenderEvaluation.setup(split.train(), split.test()));
        }

        double ndcg(Recommender r) {
            return RecommenderEvaluation.score(r, setup.train(), setup.test(), 10).ndcg();
        }
    }

    @Test
    void sweepsLambdaOnBothPresetsDevThenTest() {
        for (String preset : List.of("default", "movies")) {
            for (long[] seeds : new long[][] {{42, 1}, {7, 2}}) {
                Data d = Data.of(preset, seeds[0], seeds[1]);
                InteractionMatrix x = d.setup().train();
                double meanItemCount = (double) x.size() / x.items();
                double meanUserCount = (double) x.size() / x.users();
                StringBuilder line =
                        new StringBuilder(
                                String.format(
                                        Locale.ROOT,
                                        "%-22s %s, mean per item %.1f, per user %.1f, pop %.4f |",
                                        d.name(),
                                        x,
                                        meanItemCount,
                                        meanUserCount,
                                        d.ndcg(new Popularity().fit(x, ProgressMonitor.silent()))));
                for (double lambda : LAMBDAS) {
                    Recommender r = new Ease(lambda, true).fit(x, ProgressMonitor.silent());
                    line.append(String.format(Locale.ROOT, " %.0f: %.4f", lambda, d.ndcg(r)));
                }
                System.out.println(line);
            }
        }
    }

    @Test
    void float32InverseGivesTheSameNdcg() {
        for (String preset : List.of("default", "movies")) {
            Data d = Data.of(preset, 42, 1);
            InteractionMatrix x = d.setup().train();
            double[] ndcg = new double[2];
            for (int single = 0; single < 2; single++) {
                boolean f32 = single == 1;
                long t0 = System.nanoTime();
                float[] b =
                        EaseWeights.primal(
                                x,
                                Ease.DEFAULT_LAMBDA,
                                true,
                                ProgressMonitor.silent(),
                                (a, n) -> SymmetricInverse.onEngine(a, n, f32));
                double seconds = (System.nanoTime() - t0) / 1e9;
                ndcg[single] = d.ndcg(EaseWeights.recommender(true, x.items(), b));
                System.out.printf(
                        Locale.ROOT,
                        "%s float%d: ndcg@10 %.5f, fit %.1f s%n",
                        d.name(),
                        f32 ? 32 : 64,
                        ndcg[single],
                        seconds);
            }
            assertThat(ndcg[1]).isCloseTo(ndcg[0], org.assertj.core.api.Assertions.within(0.002));
        }
    }

    @Test
    void fitsTheTenThousandItemMoviesCatalogue() {
        SyntheticInteractions data =
                SyntheticInteractions.generate(SyntheticInteractions.Config.movies());
        InteractionSplit split = InteractionSplit.random(data.interactions(), 0.2, 1);
        InteractionMatrix seen = InteractionMatrix.of(split.train());
        // every generated item in the catalogue, seen in training or not
        InteractionMatrix x = InteractionMatrix.of(split.train(), seen.userIds(), data.itemIds());
        assertThat(x.items()).isEqualTo(10_000);
        long t0 = System.nanoTime();
        Recommender r = Ease.defaults().fit(x, message -> System.out.println(message));
        System.out.printf(
                Locale.ROOT, "fit at 10,000 items: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        InteractionMatrix test = InteractionMatrix.of(split.test(), x.userIds(), x.itemIds());
        double ease = RecommenderEvaluation.score(r, x, test, 10).ndcg();
        double pop =
                RecommenderEvaluation.score(
                                new Popularity().fit(x, ProgressMonitor.silent()), x, test, 10)
                        .ndcg();
        System.out.printf(Locale.ROOT, "ndcg@10 ease %.4f popularity %.4f%n", ease, pop);
        assertThat(r.items()).isEqualTo(10_000);
        assertThat(ease).isGreaterThan(pop);
    }
}
