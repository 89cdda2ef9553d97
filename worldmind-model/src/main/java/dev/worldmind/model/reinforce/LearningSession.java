package dev.worldmind.model.reinforce;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The bookkeeping every learner shares: the reward curve, periodic deterministic evaluations, a
 * checkpoint at each evaluation, the best policy so far, progress reports and the final result.
 */
final class LearningSession {
    /** Added to the run's seed for the evaluation episodes, so they differ from training's. */
    static final long EVALUATION_SEED_OFFSET = 1_000_003;

    private final String algorithm;
    private final Supplier<? extends Environment> factory;
    private final LearningSetup setup;
    private final Map<String, Object> config;
    private final Environment probe;
    private final long startNanos = System.nanoTime();
    private final List<double[]> episodes = new ArrayList<>(); // step, reward, length
    private final List<double[]> evaluations = new ArrayList<>(); // step, mean, std, success
    private final Deque<Double> recent = new ArrayDeque<>();
    private double recentSum;
    private long nextEvaluation;
    private long lastProgressNanos;
    private EvaluationReport best;
    private long bestAt = -1;
    private long solvedAt = -1;
    private boolean stop;

    LearningSession(
            String algorithm,
            Supplier<? extends Environment> factory,
            LearningSetup setup,
            Map<String, Object> config) {
        this.algorithm = algorithm;
        this.factory = factory;
        this.setup = setup;
        this.config = config;
        this.probe = factory.get();
        this.nextEvaluation = setup.evalEvery() == 0 ? setup.totalSteps() : setup.evalEvery();
        try {
            Files.createDirectories(setup.runDir());
        } catch (IOException e) {
            throw new WorldmindException("cannot create " + setup.runDir() + ": " + e, e);
        }
        setup.listener().started(algorithm, probe.id(), setup.totalSteps());
    }

    LearningSetup setup() {
        return setup;
    }

    /** The environment's id, observation size and actions, from a probe copy. */
    Environment probe() {
        return probe;
    }

    /**
     * Checks that an environment's actions are discrete, before a run starts.
     *
     * @param algorithm the learner's name, for the message
     * @param env a copy of the environment
     * @return its actions
     * @throws InvalidDataException if they are continuous
     */
    static ActionSpace.Discrete discrete(String algorithm, Environment env) {
        if (env.actionSpace() instanceof ActionSpace.Discrete d) {
            return d;
        }
        throw new InvalidDataException(
                algorithm
                        + " needs discrete actions, but "
                        + env.id()
                        + " has "
                        + env.actionSpace());
    }

    /**
     * Checks that an environment's actions are a box, before a run starts.
     *
     * @param algorithm the learner's name, for the message
     * @param env a copy of the environment
     * @return its actions
     * @throws InvalidDataException if they are discrete
     */
    static ActionSpace.Box box(String algorithm, Environment env) {
        if (env.actionSpace() instanceof ActionSpace.Box b) {
            return b;
        }
        throw new InvalidDataException(
                algorithm
                        + " needs continuous (box) actions, but "
                        + env.id()
                        + " has "
                        + env.actionSpace());
    }

    /** Whether the run should end: budget spent or target reached with stop-at-target. */
    boolean over(long steps) {
        return stop || steps >= setup.totalSteps();
    }

    /** Records finished training episodes and reports progress now and then. */
    void record(List<Episode> finished, long steps) {
        for (Episode e : finished) {
            episodes.add(new double[] {e.endStep(), e.reward(), e.length()});
            recent.addLast(e.reward());
            recentSum += e.reward();
            if (recent.size() > 100) {
                recentSum -= recent.removeFirst();
            }
        }
        long now = System.nanoTime();
        if (now - lastProgressNanos > 250_000_000L) {
            lastProgressNanos = now;
            setup.listener().progress(steps, recentReward(), steps / seconds());
        }
    }

    /** Mean reward of the last 100 training episodes, NaN before the first. */
    double recentReward() {
        return recent.isEmpty() ? Double.NaN : recentSum / recent.size();
    }

    /** Whether an evaluation is due at this step count. */
    boolean evaluationDue(long steps) {
        return steps >= nextEvaluation;
    }

    /**
     * Evaluates the current policy, saves it as a checkpoint (and as the best when it is), and
     * notes whether the target was reached.
     */
    void evaluate(long steps, Policy policy, Network acting) {
        while (nextEvaluation <= steps) {
            nextEvaluation += setup.evalEvery() == 0 ? setup.totalSteps() : setup.evalEvery();
        }
        EvaluationReport r =
                PolicyEvaluation.run(
                        factory,
                        policy,
                        setup.evalEpisodes(),
                        setup.seed() + EVALUATION_SEED_OFFSET);
        evaluations.add(new double[] {steps, r.meanReward(), r.stdReward(), r.successRate()});
        PolicyArtifact artifact = artifact(acting.spec());
        artifact.save(
                setup.runDir()
                        .resolve("checkpoints")
                        .resolve(String.format(Locale.ROOT, "step-%09d", steps)),
                acting);
        boolean isBest = best == null || r.meanReward() > best.meanReward();
        if (isBest) {
            best = r;
            bestAt = steps;
            artifact.save(bestDir(), acting);
        }
        if (!Double.isNaN(setup.target()) && r.meanReward() >= setup.target() && solvedAt < 0) {
            solvedAt = steps;
            stop = setup.stopAtTarget();
        }
        setup.listener().evaluated(steps, r, isBest);
    }

    /** Ends the run: a last evaluation if the last step had none, the curve files, the result. */
    LearningResult finish(long steps, Policy policy, Network acting) {
        if (evaluations.isEmpty() || evaluations.get(evaluations.size() - 1)[0] < steps) {
            evaluate(steps, policy, acting);
        }
        double seconds = seconds();
        setup.listener().progress(steps, recentReward(), steps / seconds);
        Path csv = setup.runDir().resolve("rewards.csv");
        Path png = setup.runDir().resolve("rewards.png");
        RewardCurve.write(csv, png, algorithm + " on " + probe.id(), episodes, evaluations);
        return new LearningResult(
                algorithm, probe.id(), steps, seconds, best, bestAt, solvedAt, bestDir(), csv, png);
    }

    private Path bestDir() {
        return setup.runDir().resolve("best");
    }

    private PolicyArtifact artifact(NetworkSpec spec) {
        return new PolicyArtifact(
                PolicyArtifact.FORMAT_VERSION,
                algorithm,
                probe.id(),
                probe.observationSize(),
                PolicyArtifact.Actions.of(probe.actionSpace()),
                spec,
                config,
                null);
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
