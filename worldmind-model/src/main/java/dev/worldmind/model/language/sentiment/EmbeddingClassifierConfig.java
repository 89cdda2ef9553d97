package dev.worldmind.model.language.sentiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to train an {@link EmbeddingSentimentClassifier}.
 *
 * @param lexiconFeatures whether to add the VADER and AFINN features beside the embedding
 * @param l2Grid the L2 penalties to choose from by cross-validation
 * @param folds the number of cross-validation folds
 * @param seed the seed of the fold assignment
 */
public record EmbeddingClassifierConfig(
        boolean lexiconFeatures, List<Double> l2Grid, int folds, long seed) {
    public EmbeddingClassifierConfig {
        l2Grid = List.copyOf(l2Grid);
        if (l2Grid.isEmpty() || l2Grid.stream().anyMatch(l -> !(l > 0))) {
            throw new IllegalArgumentException("the L2 grid holds positive penalties: " + l2Grid);
        }
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds: " + folds);
        }
    }

    /**
     * Returns the defaults: a grid from 0.001 to 3 and 5 folds.
     *
     * @param lexiconFeatures whether to add the lexicon features
     * @param seed the seed
     * @return the configuration
     */
    public static EmbeddingClassifierConfig defaults(boolean lexiconFeatures, long seed) {
        return new EmbeddingClassifierConfig(
                lexiconFeatures, List.of(0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0), 5, seed);
    }

    /** Returns the configuration as a map, for provenance. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("model", "logistic-regression");
        map.put("lexiconFeatures", lexiconFeatures);
        map.put("l2Grid", l2Grid);
        map.put("folds", folds);
        map.put("seed", seed);
        return map;
    }
}
