package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.InteractionSplit;
import dev.worldmind.data.interaction.SyntheticInteractions;
import dev.worldmind.data.interaction.SyntheticInteractions.Config;
import dev.worldmind.model.recommend.ItemKnn.Neighbourhood;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The measurements behind {@link ItemKnn#defaults()}: NDCG@10 over kept items, per-candidate k and
 * shrinkage, candidate-side and history-side, on both synthetic presets with a random 20 % of each
 * user's items held out. One model is trained per (kept, shrink) and rescored with every smaller k,
 * and history-side from the largest (the first k of a kept row are the item's top k). Tune on
 * generator seed 42 and split seed 1; report on 7 and 2. Slow (minutes on 2 cores); prints a table.
 */
@Tag("slow")
class ItemKnnSweepTest {

    @ParameterizedTest
    @CsvSource({"movies, 42, 1", "default, 42, 1", "movies, 7, 2", "default, 7, 2"})
    void sweeps(String preset, long seed, long splitSeed) {
        var data = SyntheticInteractions.generate(Config.preset(preset).withSeed(seed));
        InteractionSplit split = InteractionSplit.random(data.interactions(), 0.2, splitSeed);
        RecommenderEvaluation.Setup setup =
                RecommenderEvaluation.setup(split.train(), split.test());
        double popularity =
                RecommenderEvaluation.score(
                                new Popularity().fit(setup.train(), ProgressMonitor.silent()),
                                setup.train(),
                                setup.test(),
                                10)
                        .ndcg();
        double best = 0;
        for (int kept : new int[] {100, 200, 500, 1000}) {
            for (double shrink : new double[] {10, 30, 50, 100}) {
                Parameters p =
                        new ItemKnn(1, shrink, true, Neighbourhood.CANDIDATE, kept)
                                .fit(setup.train(), ProgressMonitor.silent())
                                .parameters();
                for (Neighbourhood n : Neighbourhood.values()) {
                    for (int k : new int[] {50, 100, 200, 500, 1000}) {
                        // history-side uses the first k of each row: the same for every kept
                        if (k > kept || (n == Neighbourhood.HISTORY && kept != 1000)) {
                            continue;
                        }
                        Recommender r = ItemKnn.fromParameters(withCut(p, n, k));
                        long t0 = System.nanoTime();
                        double ndcg =
                                RecommenderEvaluation.score(r, setup.train(), setup.test(), 10)
                                        .ndcg();
                        System.out.printf(
                                Locale.ROOT,
                                "%s seed %d split %d  %-9s kept %4d k %4d shrink %3.0f  ndcg@10"
                                        + " %.4f  score %.2f s%n",
                                preset,
                                seed,
                                splitSeed,
                                n.key(),
                                kept,
                                k,
                                shrink,
                                ndcg,
                                (System.nanoTime() - t0) / 1e9);
                        best = Math.max(best, ndcg);
                    }
                }
            }
        }
        assertThat(best).isGreaterThan(popularity);
    }

    /** The same trained rows, scored with another neighbourhood and k. */
    private static Parameters withCut(Parameters p, Neighbourhood n, int k) {
        return Parameters.builder(ItemKnn.NAME)
                .put("binary", p.number("binary"))
                .put("neighbourhood", n.key())
                .put("k", k)
                .put("start", p.ints("start"))
                .put("neighbours", p.ints("neighbours"))
                .put("similarity", p.floats("similarity"))
                .build();
    }
}
