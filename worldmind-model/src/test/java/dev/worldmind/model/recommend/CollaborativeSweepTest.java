package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.progress.ProgressMonitor;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The measurements behind item-kNN's and EASE's defaults: NDCG@10 over their settings on the
 * latent-cluster dataset, small (600 x 300) and large (6,000 users x 3,000 items, ~300k
 * interactions, which also times training). Slow; prints a table.
 */
@Tag("slow")
class CollaborativeSweepTest {

    @Test
    void sweepsSmall() {
        sweep(SyntheticInteractions.generate(600, 300, 8, 20, 0.2, 42), true);
    }

    @Test
    void sweepsLarge() {
        sweep(SyntheticInteractions.generate(6_000, 3_000, 30, 50, 0.2, 7), false);
    }

    private static void sweep(SyntheticInteractions data, boolean wide) {
        System.out.println("data: " + data.train() + ", held out " + data.test().size());
        double base = report(data, "popularity", new Popularity().fit(data.train(), silent()), 0);
        double best = 0;
        for (boolean binary : new boolean[] {true, false}) {
            for (int k : wide ? new int[] {20, 50, 100, 200, 300} : new int[] {50, 200}) {
                for (double shrink : new double[] {0, 10, 30, 100}) {
                    ItemKnn knn = new ItemKnn(k, shrink, binary);
                    long t0 = System.nanoTime();
                    Recommender r = knn.fit(data.train(), silent());
                    best = Math.max(best, report(data, knn.config().toString(), r, t0));
                }
            }
        }
        for (boolean binary : new boolean[] {true, false}) {
            for (double lambda :
                    wide
                            ? new double[] {10, 50, 100, 200, 500, 1000}
                            : new double[] {50, 200, 500}) {
                Ease ease = new Ease(lambda, binary, 5_000);
                long t0 = System.nanoTime();
                Recommender r = ease.fit(data.train(), silent());
                best = Math.max(best, report(data, ease.config().toString(), r, t0));
            }
        }
        assertThat(best).isGreaterThan(base);
    }

    private static double report(SyntheticInteractions data, String what, Recommender r, long t0) {
        double seconds = t0 == 0 ? 0 : (System.nanoTime() - t0) / 1e9;
        RankingReport report = data.evaluate(r, 10);
        System.out.printf(
                Locale.ROOT,
                "%-55s fit %6.2fs ndcg@10 %.4f recall %.4f coverage %.3f%n",
                what,
                seconds,
                report.ndcg(),
                report.recall(),
                report.coverage());
        return report.ndcg();
    }

    private static ProgressMonitor silent() {
        return ProgressMonitor.silent();
    }
}
