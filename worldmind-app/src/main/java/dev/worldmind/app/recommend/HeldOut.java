package dev.worldmind.app.recommend;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.model.recommend.Popularity;
import dev.worldmind.model.recommend.RankingReport;
import dev.worldmind.model.recommend.RecommenderAlgorithm;
import dev.worldmind.model.recommend.RecommenderEvaluation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Leave-one-out figures: one random item (seeded) of every user with enough items is held out, the
 * algorithm trains on the rest and ranks every item the user has not seen. Stateless.
 */
final class HeldOut {
    private HeldOut() {}

    /**
     * Returns {@code ndcg@k}, {@code hitRate@k}, {@code popularityNdcg@k}, {@code heldOutUsers}.
     */
    static Map<String, Double> measure(
            InteractionMatrix all, RecommenderAlgorithm algorithm, int k, long seed) {
        Random rnd = new Random(seed);
        Map<String, String> held = new HashMap<>();
        for (int u = 0; u < all.users(); u++) {
            if (all.rowSize(u) >= WorldRecommendations.HOLDOUT_MIN_ITEMS) {
                int pick = all.row(u).index(rnd.nextInt(all.rowSize(u)));
                held.put(all.userId(u), all.itemId(pick));
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (held.isEmpty()) {
            return out;
        }
        List<Interaction> rest = new ArrayList<>();
        List<Interaction> test = new ArrayList<>();
        for (Interaction x : all.interactions()) {
            (x.item().equals(held.get(x.user())) ? test : rest).add(x);
        }
        RecommenderEvaluation.Setup setup = RecommenderEvaluation.setup(rest, test);
        InteractionMatrix train = setup.train();
        RankingReport mine =
                RecommenderEvaluation.score(
                        algorithm.fit(train, ProgressMonitor.silent()), train, setup.test(), k);
        RankingReport popular =
                RecommenderEvaluation.score(
                        new Popularity().fit(train, ProgressMonitor.silent()),
                        train,
                        setup.test(),
                        k);
        out.put("ndcg@" + k, mine.ndcg());
        out.put("hitRate@" + k, mine.hitRate());
        out.put("popularityNdcg@" + k, popular.ndcg());
        out.put("heldOutUsers", (double) mine.users());
        return out;
    }
}
