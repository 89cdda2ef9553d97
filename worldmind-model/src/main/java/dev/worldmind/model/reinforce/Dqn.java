package dev.worldmind.model.reinforce;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Deep Q-learning (Mnih et al. 2015) for discrete actions: a Q-network trained on transitions
 * replayed from a {@link ReplayBuffer} against a periodically copied target network, with Huber
 * loss, ε-greedy exploration on a linear schedule and optionally double-DQN targets (van Hasselt et
 * al. 2016). Time-limit truncations bootstrap from the episode's last observation.
 *
 * @param hidden the Q-network's hidden widths (relu)
 * @param learningRate Adam's step size
 * @param batchSize transitions per gradient step
 * @param bufferSize the replay buffer's capacity
 * @param learningStarts environment steps of pure exploration before the first update
 * @param gamma the discount
 * @param targetUpdateInterval copy the Q-network into the target every this many steps
 * @param trainFrequency train every this many environment steps
 * @param gradientSteps gradient steps each time it trains
 * @param explorationFraction the fraction of the budget over which ε falls linearly
 * @param explorationInitial ε at the start
 * @param explorationFinal ε at the end of the fall and after
 * @param doubleQ choose the next action with the online network, value it with the target's
 */
public record Dqn(
        List<Integer> hidden,
        double learningRate,
        int batchSize,
        int bufferSize,
        int learningStarts,
        double gamma,
        int targetUpdateInterval,
        int trainFrequency,
        int gradientSteps,
        double explorationFraction,
        double explorationInitial,
        double explorationFinal,
        boolean doubleQ)
        implements Learner {

    public Dqn {
        hidden = List.copyOf(hidden);
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("dqn: learningRate must be > 0: " + learningRate);
        }
        if (batchSize < 1 || bufferSize < batchSize) {
            throw new IllegalArgumentException(
                    "dqn: need 1 <= batchSize <= bufferSize: " + batchSize + ", " + bufferSize);
        }
        if (learningStarts < 0) {
            throw new IllegalArgumentException("dqn: learningStarts must be >= 0");
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("dqn: gamma must be in [0, 1]: " + gamma);
        }
        if (targetUpdateInterval < 1 || trainFrequency < 1 || gradientSteps < 1) {
            throw new IllegalArgumentException(
                    "dqn: targetUpdateInterval, trainFrequency and gradientSteps must be >= 1");
        }
        if (!(explorationFraction >= 0 && explorationFraction <= 1)) {
            throw new IllegalArgumentException(
                    "dqn: explorationFraction must be in [0, 1]: " + explorationFraction);
        }
        if (!(explorationInitial >= 0 && explorationInitial <= 1)
                || !(explorationFinal >= 0 && explorationFinal <= 1)) {
            throw new IllegalArgumentException("dqn: exploration rates must be in [0, 1]");
        }
    }

    /**
     * Settings for CartPole-v1, after RL Zoo's tuned DQN (2×256 relu, train 128 gradient steps
     * every 256 environment steps).
     */
    public static Dqn defaults() {
        return new Dqn(
                List.of(256, 256),
                2.3e-3,
                64,
                100_000,
                1000,
                0.99,
                10,
                256,
                128,
                0.16,
                1.0,
                0.04,
                true);
    }

    /** The same settings with or without double-DQN targets. */
    public Dqn withDoubleQ(boolean on) {
        return new Dqn(
                hidden,
                learningRate,
                batchSize,
                bufferSize,
                learningStarts,
                gamma,
                targetUpdateInterval,
                trainFrequency,
                gradientSteps,
                explorationFraction,
                explorationInitial,
                explorationFinal,
                on);
    }

    @Override
    public String name() {
        return "dqn";
    }

    @Override
    public LearningResult learn(Supplier<? extends Environment> factory, LearningSetup setup) {
        Environment probe = factory.get();
        ActionSpace.Discrete discrete = LearningSession.discrete(name(), probe);
        int n = discrete.n();
        SplittableRandom seeds = new SplittableRandom(setup.seed());
        long networkSeed = seeds.nextLong();
        ReplayBuffer buffer =
                new ReplayBuffer(bufferSize, probe.observationSize(), 1, seeds.nextLong());
        SplittableRandom explore = seeds.split();
        VectorEnvironment env = new VectorEnvironment(factory, 1, seeds.nextLong());
        LearningSession session = new LearningSession(name(), factory, setup, config());
        NetworkSpec spec = NetworkSpec.linear(probe.observationSize(), hidden, n, "relu");
        try (Network q = Network.create(spec, learningRate, 1.0, networkSeed);
                Network target = Network.create(spec, learningRate, 1.0, networkSeed);
                Policy greedy = new NetworkPolicy(q, discrete, false)) {
            float[][] obs = env.reset();
            long steps = 0;
            while (!session.over(steps)) {
                double eps = epsilon(steps, setup.totalSteps());
                int action = explore.nextDouble() < eps ? explore.nextInt(n) : greedy.act(obs[0]);
                VectorStep s = env.step(new int[] {action});
                buffer.add(obs, new float[][] {{action}}, s);
                obs = s.observations();
                steps = env.steps();
                session.record(s.finished(), steps);
                if (steps > learningStarts && steps % trainFrequency == 0) {
                    for (int g = 0; g < gradientSteps; g++) {
                        train(q, target, buffer.sample(batchSize), n);
                    }
                }
                if (steps % targetUpdateInterval == 0) {
                    target.follow(q, 1.0);
                }
                if (session.evaluationDue(steps)) {
                    session.evaluate(steps, greedy, q);
                }
            }
            return session.finish(steps, greedy, q);
        }
    }

    /** ε at a step: a linear fall over the first {@code explorationFraction} of the budget. */
    double epsilon(long steps, long totalSteps) {
        double span = explorationFraction * totalSteps;
        double progress = span <= 0 ? 1 : Math.min(1, steps / span);
        return explorationInitial + progress * (explorationFinal - explorationInitial);
    }

    private void train(Network q, Network target, ReplayBuffer.Batch b, int n) {
        try (NDManager m = q.manager().newSubManager()) {
            NDArray next = m.create(b.nextObservations());
            NDArray nextQ = target.forward(next);
            NDArray nextValue =
                    doubleQ
                            ? nextQ.mul(q.forward(next).argMax(1).oneHot(n)).sum(new int[] {1})
                            : nextQ.max(new int[] {1});
            float[] values = nextValue.toFloatArray();
            float[] y = new float[b.size()];
            float[][] mask = new float[b.size()][n];
            for (int i = 0; i < y.length; i++) {
                y[i] = b.rewards()[i] + (b.terminated()[i] ? 0f : (float) gamma * values[i]);
                mask[i][(int) b.actions()[i][0]] = 1f;
            }
            NDArray targets = m.create(y);
            NDArray chosen = m.create(mask);
            NDArray input = m.create(b.observations());
            try (GradientCollector g = q.collector()) {
                NDArray error = q.forward(input).mul(chosen).sum(new int[] {1}).sub(targets).abs();
                // Huber loss with delta 1: quadratic inside, linear outside.
                NDArray inside = error.minimum(1f);
                NDArray loss = inside.square().mul(0.5f).add(error.sub(inside)).mean();
                g.backward(loss);
                q.step();
            }
        }
    }
}
