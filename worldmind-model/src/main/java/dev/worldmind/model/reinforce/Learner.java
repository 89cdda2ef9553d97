package dev.worldmind.model.reinforce;

import dev.worldmind.core.provenance.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A reinforcement-learning algorithm with its configuration. Thread-safe; each run is its own. */
public interface Learner {
    /** The algorithm's name, e.g. {@code ppo}. */
    String name();

    /**
     * The configuration, for provenance and the artifact: {@code algorithm} (the {@link #name()}),
     * then by default a record's components in the order it declares them.
     */
    default Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", name());
        if (this instanceof Record settings) {
            m.putAll(Settings.of(settings));
        }
        return m;
    }

    /**
     * Trains a policy from scratch.
     *
     * @param factory makes a fresh copy of the environment
     * @param setup the budget, seed, folder, evaluation and listener
     * @return what happened; the best policy is saved in {@link LearningResult#policyDir()}
     */
    LearningResult learn(Supplier<? extends Environment> factory, LearningSetup setup);
}
