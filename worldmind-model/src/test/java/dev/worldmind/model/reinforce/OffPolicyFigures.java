package dev.worldmind.model.reinforce;

import dev.worldmind.testing.TestHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Trains DQN on CartPole-v1 or DDPG/TD3 on Pendulum-v1 for given seeds and prints the figures the
 * acceptance tests check: steps to first reach the target, wall time, steps per second, and a
 * 100-episode evaluation of the best checkpoint on a seed that training never used. Usage: {@code
 * OffPolicyFigures dqn|ddpg|td3 steps seed...}; runs stop at the target unless {@code
 * -Dfigures.full=true}, {@code -Dfigures.verbose=true} prints every evaluation.
 */
final class OffPolicyFigures {
    /** The final evaluation's seed differs from every training and in-run evaluation seed. */
    static final long FINAL_EVALUATION_SEED = 424_242;

    private OffPolicyFigures() {}

    /**
     * One run's figures.
     *
     * @param result the training run
     * @param finalEvaluation the best checkpoint over 100 fresh episodes
     */
    record Figures(LearningResult result, EvaluationReport finalEvaluation) {
        String line() {
            return String.format(
                    Locale.ROOT,
                    "%s %s seed-run: steps=%d solvedAt=%d best=%.1f@%d wall=%.1fs %.0f steps/s"
                            + " final100=%.1f±%.1f (min %.1f)",
                    result.algorithm(),
                    result.environment(),
                    result.steps(),
                    result.solvedAt(),
                    result.best().meanReward(),
                    result.bestAt(),
                    result.seconds(),
                    result.stepsPerSecond(),
                    finalEvaluation.meanReward(),
                    finalEvaluation.stdReward(),
                    finalEvaluation.minReward());
        }
    }

    static Learner learner(String name) {
        return switch (name) {
            case "dqn" -> Dqn.defaults();
            case "ddpg" -> Ddpg.defaults();
            case "td3" -> Ddpg.td3();
            default -> throw new IllegalArgumentException("dqn, ddpg or td3: " + name);
        };
    }

    static Supplier<Environment> environment(Learner learner) {
        return learner instanceof Dqn ? CartPole::new : Pendulum::new;
    }

    /** The acceptance target: CartPole-v1's 475, Pendulum-v1's -200. */
    static double target(Learner learner) {
        return learner instanceof Dqn ? 475 : -200;
    }

    static Figures run(Learner learner, long steps, long seed, boolean stop, Path dir) {
        Supplier<Environment> factory = environment(learner);
        LearningSetup setup =
                LearningSetup.of(steps, seed, dir)
                        .withEvaluation(learner instanceof Dqn ? 2000 : 1000, 20)
                        .withTarget(target(learner), stop);
        if (Boolean.getBoolean("figures.verbose")) {
            setup =
                    setup.withListener(
                            new LearningListener() {
                                @Override
                                public void evaluated(
                                        long at, EvaluationReport report, boolean best) {
                                    System.err.printf(
                                            Locale.ROOT,
                                            "  step %d: %.1f±%.1f%s%n",
                                            at,
                                            report.meanReward(),
                                            report.stdReward(),
                                            best ? " best" : "");
                                }
                            });
        }
        LearningResult r = learner.learn(factory, setup);
        try (Policy best = PolicyArtifact.load(r.policyDir())) {
            return new Figures(r, PolicyEvaluation.run(factory, best, 100, FINAL_EVALUATION_SEED));
        }
    }

    public static void main(String[] args) throws Exception {
        TestHome.get();
        Learner learner = learner(args[0]);
        long steps = Long.parseLong(args[1]);
        for (int i = 2; i < args.length; i++) {
            long seed = Long.parseLong(args[i]);
            Path dir = Files.createTempDirectory("offpolicy-" + args[0] + "-" + seed);
            System.out.println(
                    run(learner, steps, seed, !Boolean.getBoolean("figures.full"), dir)
                            .line()
                            .replace("seed-run", "seed " + seed));
        }
    }
}
