package dev.worldmind.app.reinforce;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.reinforce.Learner;
import dev.worldmind.model.reinforce.LearningListener;
import dev.worldmind.model.reinforce.LearningResult;
import dev.worldmind.model.reinforce.LearningSetup;
import dev.worldmind.model.reinforce.NavGrid;
import dev.worldmind.model.reinforce.Policy;
import dev.worldmind.model.reinforce.PolicyArtifact;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The museum guide's navigation policy: PPO on {@code NavGrid-museum}, registered as {@value
 * #NAME}, walked on the museum's floor at {@link WorldEnvironments#CELL} m cells. {@link #ensure}
 * trains and registers it when none is registered yet; {@link #load} gives it to the guide.
 */
public final class MuseumNavigator {
    /** The registered model's name. */
    public static final String NAME = "museum-navigator";

    /** The environment it is trained on. */
    public static final String ENVIRONMENT = "NavGrid-museum";

    /** The default training budget, in environment steps. */
    public static final long STEPS = 1_500_000;

    /** The default seed. */
    public static final long SEED = 1;

    /** Judging episodes on held-out start–goal pairs. */
    public static final int JUDGE_EPISODES = 500;

    private MuseumNavigator() {}

    /**
     * Loads the latest registered version, for the guide to walk with.
     *
     * @param registry the model registry
     * @return the policy (close it), or empty when none is registered
     * @throws InvalidDataException when the registered model is not a NavGrid policy
     */
    public static Optional<Policy> load(ModelRegistry registry) {
        if (registry.latestVersion(NAME).isEmpty()) {
            return Optional.empty();
        }
        ModelManifest m = registry.get(NAME);
        if (!ModelManifest.POLICY.equals(m.kind())) {
            throw new InvalidDataException(m.ref() + " is a " + m.kind() + ", not a policy");
        }
        Path dir = registry.directory(m.ref());
        PolicyArtifact a = PolicyArtifact.read(dir);
        if (a.observationSize() != NavGrid.OBSERVATION_SIZE) {
            throw new InvalidDataException(
                    m.ref()
                            + " sees "
                            + a.observationSize()
                            + " numbers, but a NavGrid observation has "
                            + NavGrid.OBSERVATION_SIZE
                            + "; retrain it with `worldmind rl train --env "
                            + ENVIRONMENT
                            + "`");
        }
        return Optional.of(PolicyArtifact.load(dir));
    }

    /**
     * Trains, judges and registers the next version.
     *
     * @param registry the model registry
     * @param runDir the run's folder (curves, checkpoints)
     * @param steps the budget
     * @param seed the seed
     * @param listener hears the training
     * @param progress hears the phases
     * @return the registered manifest
     */
    public static ModelManifest train(
            ModelRegistry registry,
            Path runDir,
            long steps,
            long seed,
            LearningListener listener,
            ProgressMonitor progress) {
        Learner learner = Learners.of("ppo", ENVIRONMENT);
        Instant started = Instant.now();
        LearningSetup setup =
                LearningSetup.of(steps, seed, runDir)
                        .withEvaluation(Math.max(1, steps / 15), 50)
                        .withListener(listener);
        LearningResult result = learner.learn(WorldEnvironments.factory(ENVIRONMENT), setup);
        PolicyScore score;
        try (Policy p = PolicyArtifact.load(result.policyDir())) {
            score = Policies.judge(ENVIRONMENT, p, JUDGE_EPISODES, Policies.JUDGE_SEED);
        }
        progress.info(NAME + ": " + score.summary());
        return Policies.register(registry, NAME, result, score, learner.config(), seed, started);
    }

    /**
     * Returns the registered navigator, training one first when there is none.
     *
     * @param registry the model registry
     * @param runDir where a training run would go
     * @param listener hears a training run
     * @param progress hears the phases
     * @return the manifest
     */
    public static ModelManifest ensure(
            ModelRegistry registry,
            Path runDir,
            LearningListener listener,
            ProgressMonitor progress) {
        Optional<Integer> latest = registry.latestVersion(NAME);
        if (latest.isPresent()) {
            return registry.get(NAME + ":" + latest.get());
        }
        progress.info(
                NAME
                        + ": none registered; training PPO on "
                        + ENVIRONMENT
                        + " ("
                        + STEPS
                        + " steps, a few minutes)");
        return train(registry, runDir, STEPS, SEED, listener, progress);
    }
}
