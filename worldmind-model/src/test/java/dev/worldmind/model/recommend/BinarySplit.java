package dev.worldmind.model.recommend;

import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionSplit;
import dev.worldmind.data.interaction.SyntheticInteractions;
import dev.worldmind.data.interaction.SyntheticInteractions.Config;
import java.util.ArrayList;
import java.util.List;

/**
 * The outside evaluation's protocol on a synthetic preset: every interaction counts as 1 (the
 * rating is dropped), 20 % of each user's items held out at random, full ranking with the training
 * items masked. The generator seed and the split seed are apart, so tuning on one pair (42 / 1) and
 * reporting on another (7 / 2) is a matter of arguments.
 *
 * @param setup the training and held-out matrices
 * @param description what the data is, for printed tables
 */
record BinarySplit(RecommenderEvaluation.Setup setup, String description) {

    /**
     * Generates a preset with a seed, binarises it and splits it.
     *
     * @param config the generator settings (its seed is replaced)
     * @param generatorSeed the generator's seed
     * @param splitSeed the split's seed
     * @return the split
     */
    static BinarySplit of(Config config, long generatorSeed, long splitSeed) {
        List<Interaction> all =
                SyntheticInteractions.generate(config.withSeed(generatorSeed)).interactions();
        List<Interaction> binary = new ArrayList<>(all.size());
        for (Interaction x : all) {
            binary.add(new Interaction(x.user(), x.item(), 1, x.at()));
        }
        InteractionSplit split = InteractionSplit.random(binary, 0.2, splitSeed);
        RecommenderEvaluation.Setup setup =
                RecommenderEvaluation.setup(split.train(), split.test());
        return new BinarySplit(
                setup,
                setup.train() + ", generator seed " + generatorSeed + ", split seed " + splitSeed);
    }

    /**
     * A movie-shaped set small enough for a unit test: {@link Config#movies()}'s shape (long
     * histories, many items per user, a long tail) at 150 users x 2,400 items, histories of 20 to
     * 600 items.
     *
     * @return the settings
     */
    static Config smallMovies() {
        Config m = Config.movies();
        return new Config(
                150,
                2_400,
                m.dimension(),
                m.clusters(),
                m.userSpread(),
                m.temperature(),
                m.popularityExponent(),
                m.logCountMean(),
                m.logCountSigma(),
                m.minCount(),
                600,
                m.start(),
                m.spanSeconds(),
                m.gapSeconds(),
                m.seed());
    }

    /** NDCG@10 of a trained recommender on the held-out items. */
    double ndcg(Recommender r) {
        return RecommenderEvaluation.score(r, setup.train(), setup.test(), 10).ndcg();
    }
}
