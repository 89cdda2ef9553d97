package dev.worldmind.app.reinforce;

import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.reinforce.Environment;
import dev.worldmind.model.reinforce.LearningResult;
import dev.worldmind.model.reinforce.NavGrid;
import dev.worldmind.model.reinforce.NavigationEvaluation;
import dev.worldmind.model.reinforce.NavigationReport;
import dev.worldmind.model.reinforce.Policy;
import dev.worldmind.model.reinforce.PolicyArtifact;
import dev.worldmind.model.reinforce.PolicyEvaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Judges trained policies and registers them with provenance. Stateless. */
public final class Policies {
    /** The judging episodes' seed: neither training's nor the checkpoints' evaluation seeds. */
    public static final long JUDGE_SEED = 20_261_129;

    private Policies() {}

    /**
     * Runs a policy deterministically: reward over {@code episodes} and, on NavGrid, success and
     * path length against A* on held-out start–goal pairs.
     *
     * @param environment the environment's id
     * @param policy the policy
     * @param episodes how many episodes
     * @param seed the episodes' seed
     * @return the score
     */
    public static PolicyScore judge(String environment, Policy policy, int episodes, long seed) {
        Supplier<Environment> factory = WorldEnvironments.evaluation(environment);
        if (factory.get() instanceof NavGrid) {
            // One pass: the navigation report carries the rewards of the same episodes.
            NavigationReport nav =
                    NavigationEvaluation.run(() -> (NavGrid) factory.get(), policy, episodes, seed);
            return new PolicyScore(nav.rewards(), nav);
        }
        return new PolicyScore(PolicyEvaluation.run(factory, policy, episodes, seed), null);
    }

    /**
     * Registers a run's best policy as the next version of a name, its score and provenance in the
     * manifest and in {@code policy.json}.
     *
     * @param registry the model registry
     * @param name the model's name
     * @param result the training run
     * @param score the judged score
     * @param config the learner's configuration
     * @param seed the run's seed
     * @param startedAt when training started
     * @return the registered manifest
     */
    public static ModelManifest register(
            ModelRegistry registry,
            String name,
            LearningResult result,
            PolicyScore score,
            Map<String, Object> config,
            long seed,
            Instant startedAt) {
        Map<String, Double> metrics = new LinkedHashMap<>(score.metrics());
        metrics.put("trainingSteps", (double) result.steps());
        metrics.put("trainingSeconds", result.seconds());
        if (result.solved()) {
            metrics.put("solvedAtStep", (double) result.solvedAt());
        }
        Map<String, Object> full = new LinkedHashMap<>(config);
        full.put("environment", result.environment());
        full.put("steps", result.steps());
        Provenance provenance =
                new Provenance(
                        full,
                        seed,
                        new Provenance.DatasetRef(
                                result.environment(),
                                WorldEnvironments.fingerprint(result.environment()),
                                "simulated episodes of " + result.environment()),
                        CodeVersion.current(),
                        RuntimeInfo.current(Map.of()),
                        startedAt,
                        Instant.now(),
                        metrics);
        PolicyArtifact artifact =
                PolicyArtifact.read(result.policyDir()).withProvenance(provenance);
        return registry.registerFiles(
                ModelManifest.artifact(
                        name,
                        ModelManifest.POLICY,
                        ModelManifest.DJL,
                        List.of(),
                        metrics,
                        provenance),
                dir -> {
                    copy(result.policyDir(), dir);
                    copyIfThere(result.curveCsv(), dir);
                    copyIfThere(result.curvePng(), dir);
                    dev.worldmind.core.json.Json.write(dir.resolve(PolicyArtifact.FILE), artifact);
                });
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new WorldmindException("cannot copy the policy from " + from + ": " + e, e);
        }
    }

    private static void copyIfThere(Path file, Path dir) {
        try {
            if (Files.isRegularFile(file)) {
                Files.copy(file, dir.resolve(file.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new WorldmindException("cannot copy " + file + ": " + e, e);
        }
    }
}
