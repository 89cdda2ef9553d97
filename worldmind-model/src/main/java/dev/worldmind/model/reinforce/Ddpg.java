package dev.worldmind.model.reinforce;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Deep deterministic policy gradient (Lillicrap et al. 2016) for continuous actions: a {@code tanh}
 * actor scaled into the action box, a critic Q(s, a) fed the observation and the unit-scaled
 * action, soft-updated target copies of both, Gaussian exploration noise and a replay buffer. With
 * {@code twin} on it is TD3 (Fujimoto et al. 2018): two critics whose minimum is the target,
 * smoothed target actions and actor updates every {@code policyDelay} critic updates.
 *
 * @param hidden the actor's and critics' hidden widths (relu)
 * @param actorLearningRate Adam's step size for the actor
 * @param criticLearningRate Adam's step size for the critics
 * @param batchSize transitions per gradient step
 * @param bufferSize the replay buffer's capacity
 * @param learningStarts environment steps of uniform random actions before the first update
 * @param gamma the discount
 * @param tau how far the targets move towards the trained networks at each update
 * @param actionNoise the exploration noise's standard deviation, in unit action scale
 * @param twin TD3 mode: twin critics, target smoothing, delayed actor
 * @param policyDelay critic updates per actor update (1 for DDPG)
 * @param targetNoise the target smoothing noise's standard deviation (0 for DDPG)
 * @param targetNoiseClip the bound of that noise
 */
public record Ddpg(
        List<Integer> hidden,
        double actorLearningRate,
        double criticLearningRate,
        int batchSize,
        int bufferSize,
        int learningStarts,
        double gamma,
        double tau,
        double actionNoise,
        boolean twin,
        int policyDelay,
        double targetNoise,
        double targetNoiseClip)
        implements Learner {

    public Ddpg {
        hidden = List.copyOf(hidden);
        String who = twin ? "td3" : "ddpg";
        if (!(actorLearningRate > 0) || !(criticLearningRate > 0)) {
            throw new IllegalArgumentException(
                    who
                            + ": learning rates must be > 0: "
                            + actorLearningRate
                            + ", "
                            + criticLearningRate);
        }
        if (batchSize < 1 || bufferSize < batchSize) {
            throw new IllegalArgumentException(
                    who + ": need 1 <= batchSize <= bufferSize: " + batchSize + ", " + bufferSize);
        }
        if (learningStarts < 0) {
            throw new IllegalArgumentException(who + ": learningStarts must be >= 0");
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException(who + ": gamma must be in [0, 1]: " + gamma);
        }
        if (!(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException(who + ": tau must be in (0, 1]: " + tau);
        }
        if (!(actionNoise >= 0) || !(targetNoise >= 0) || !(targetNoiseClip >= 0)) {
            throw new IllegalArgumentException(who + ": noise scales must be >= 0");
        }
        if (policyDelay < 1) {
            throw new IllegalArgumentException(who + ": policyDelay must be >= 1: " + policyDelay);
        }
    }

    /**
     * DDPG settings for Pendulum-v1, after RL Zoo's (gamma 0.98, noise 0.1, lr 1e-3, one gradient
     * step per environment step) with 2×256 networks and a 2,000-step random warm-up instead of
     * 10,000.
     */
    public static Ddpg defaults() {
        return new Ddpg(
                List.of(256, 256),
                1e-3,
                1e-3,
                256,
                200_000,
                2000,
                0.98,
                0.005,
                0.1,
                false,
                1,
                0,
                0);
    }

    /** TD3 with the same settings plus twin critics, target smoothing 0.2 (clip 0.5), delay 2. */
    public static Ddpg td3() {
        Ddpg d = defaults();
        return new Ddpg(
                d.hidden,
                d.actorLearningRate,
                d.criticLearningRate,
                d.batchSize,
                d.bufferSize,
                d.learningStarts,
                d.gamma,
                d.tau,
                d.actionNoise,
                true,
                2,
                0.2,
                0.5);
    }

    @Override
    public String name() {
        return twin ? "td3" : "ddpg";
    }

    @Override
    public LearningResult learn(Supplier<? extends Environment> factory, LearningSetup setup) {
        Environment probe = factory.get();
        ActionSpace.Box box = LearningSession.box(name(), probe);
        int obsSize = probe.observationSize();
        int actSize = box.dimension();
        SplittableRandom seeds = new SplittableRandom(setup.seed());
        long actorSeed = seeds.nextLong();
        long criticSeed = seeds.nextLong();
        long twinSeed = seeds.nextLong();
        ReplayBuffer buffer = new ReplayBuffer(bufferSize, obsSize, actSize, seeds.nextLong());
        SplittableRandom noise = seeds.split();
        VectorEnvironment env = new VectorEnvironment(factory, 1, seeds.nextLong());
        LearningSession session = new LearningSession(name(), factory, setup, config());
        NetworkSpec actorSpec = new NetworkSpec(obsSize, hidden, actSize, "relu", "tanh");
        NetworkSpec criticSpec = NetworkSpec.linear(obsSize + actSize, hidden, 1, "relu");
        try (Critics critics =
                        new Critics(criticSpec, criticLearningRate, criticSeed, twinSeed, twin);
                // A small last layer keeps the tanh head out of saturation, where it cannot learn.
                Network actor = Network.create(actorSpec, actorLearningRate, 0.01, actorSeed);
                Network actorTarget =
                        Network.create(actorSpec, actorLearningRate, 0.01, actorSeed);
                Policy deterministic = new NetworkPolicy(actor, box, false)) {
            float[][] obs = env.reset();
            long steps = 0;
            long updates = 0;
            while (!session.over(steps)) {
                float[] unit = new float[actSize];
                if (steps < learningStarts) {
                    for (int i = 0; i < actSize; i++) {
                        unit[i] = (float) (noise.nextDouble() * 2 - 1);
                    }
                } else {
                    float[] mean = actor.predict(obs)[0];
                    for (int i = 0; i < actSize; i++) {
                        double a = mean[i] + actionNoise * noise.nextGaussian();
                        unit[i] = (float) Math.max(-1, Math.min(1, a));
                    }
                }
                VectorStep s = env.step(new float[][] {NetworkPolicy.scale(unit, box)});
                buffer.add(obs, new float[][] {unit}, s);
                obs = s.observations();
                steps = env.steps();
                session.record(s.finished(), steps);
                if (steps > learningStarts) {
                    updates++;
                    update(buffer.sample(batchSize), actor, actorTarget, critics, noise, updates);
                }
                if (session.evaluationDue(steps)) {
                    session.evaluate(steps, deterministic, actor);
                }
            }
            return session.finish(steps, deterministic, actor);
        }
    }

    private void update(
            ReplayBuffer.Batch b,
            Network actor,
            Network actorTarget,
            Critics critics,
            SplittableRandom noise,
            long updates) {
        try (NDManager m = actor.manager().newSubManager()) {
            NDArray obs = m.create(b.observations());
            NDArray next = m.create(b.nextObservations());
            NDArray nextAction = actorTarget.forward(next);
            if (targetNoise > 0) {
                nextAction =
                        nextAction
                                .add(m.create(smoothing(b.size(), b.actions()[0].length, noise)))
                                .clip(-1f, 1f);
            }
            float[] nextValue = critics.targetValue(next.concat(nextAction, 1)).toFloatArray();
            float[] y = new float[b.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = b.rewards()[i] + (b.terminated()[i] ? 0f : (float) gamma * nextValue[i]);
            }
            NDArray targets = m.create(y).reshape(-1, 1);
            critics.fit(obs.concat(m.create(b.actions()), 1), targets);
            if (updates % policyDelay == 0) {
                try (GradientCollector g = actor.collector()) {
                    NDArray mu = actor.forward(obs);
                    NDArray value = critics.first().forward(obs.concat(mu, 1));
                    g.backward(value.mean().neg());
                    actor.step();
                }
                actorTarget.follow(actor, tau);
                critics.followTargets(tau);
            }
        }
    }

    /** TD3's target smoothing noise: Gaussian, clipped to {@code ±targetNoiseClip}. */
    private float[][] smoothing(int rows, int cols, SplittableRandom noise) {
        float[][] e = new float[rows][cols];
        for (float[] row : e) {
            for (int j = 0; j < cols; j++) {
                double x = targetNoise * noise.nextGaussian();
                row[j] = (float) Math.max(-targetNoiseClip, Math.min(targetNoiseClip, x));
            }
        }
        return e;
    }
}
