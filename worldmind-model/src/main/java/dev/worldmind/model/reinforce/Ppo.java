package dev.worldmind.model.reinforce;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Proximal Policy Optimisation (Schulman et al. 2017) for discrete actions: parallel rollouts,
 * generalised advantage estimation, the clipped surrogate objective, a separate value network, an
 * entropy bonus, and learning rate and clip range annealed linearly to zero. Time-limit truncation
 * is not an end: the value of the last observation is added to the last reward, as
 * Stable-Baselines3 does.
 *
 * @param envs parallel environment copies
 * @param rolloutSteps steps per copy between updates
 * @param minibatch samples per gradient step
 * @param epochs passes over each rollout
 * @param gamma the discount
 * @param gaeLambda GAE's λ
 * @param clip the clip range ε at the start
 * @param entropy the entropy bonus's weight
 * @param valueWeight the value loss's weight
 * @param learningRate Adam's step size at the start
 * @param anneal whether the rate and the clip range fall linearly to zero over the budget
 * @param hidden the hidden widths of both networks
 * @param activation {@code tanh} or {@code relu}
 */
public record Ppo(
        int envs,
        int rolloutSteps,
        int minibatch,
        int epochs,
        double gamma,
        double gaeLambda,
        double clip,
        double entropy,
        double valueWeight,
        double learningRate,
        boolean anneal,
        List<Integer> hidden,
        String activation)
        implements Learner {

    public Ppo {
        if (envs < 1 || rolloutSteps < 1 || minibatch < 1 || epochs < 1) {
            throw new IllegalArgumentException("PPO needs positive envs, steps, minibatch, epochs");
        }
        if (!(gamma > 0 && gamma <= 1) || !(gaeLambda >= 0 && gaeLambda <= 1) || !(clip > 0)) {
            throw new IllegalArgumentException("PPO: gamma in (0,1], lambda in [0,1], clip > 0");
        }
        hidden = List.copyOf(hidden);
    }

    /** RL Zoo's tuned CartPole-v1 settings (8 copies × 32 steps, 20 epochs, GAE λ 0.8). */
    public static Ppo defaults() {
        return new Ppo(
                8, 32, 256, 20, 0.98, 0.8, 0.2, 0.0, 0.5, 1e-3, true, List.of(64, 64), "tanh");
    }

    /** Settings for NavGrid: longer rollouts, an entropy bonus, bigger networks. */
    public static Ppo navigation() {
        return new Ppo(
                16, 128, 512, 4, 0.99, 0.95, 0.2, 0.01, 0.5, 3e-4, true, List.of(256, 256), "tanh");
    }

    @Override
    public String name() {
        return "ppo";
    }

    @Override
    public LearningResult learn(Supplier<? extends Environment> factory, LearningSetup setup) {
        ActionSpace.Discrete discrete = LearningSession.discrete(name(), factory.get());
        LearningSession session = new LearningSession(name(), factory, setup, config());
        Environment probe = session.probe();
        int actions = discrete.n();
        int obsSize = probe.observationSize();
        SplittableRandom random = new SplittableRandom(setup.seed());
        VectorEnvironment vec = new VectorEnvironment(factory, envs, random.nextLong());
        try (ActorCritic nets =
                ActorCritic.create(obsSize, discrete, hidden, activation, learningRate, random)) {
            Network actor = nets.actor();
            Network critic = nets.critic();
            Rollout rollout = new Rollout(rolloutSteps, envs, obsSize);
            float[][] obs = vec.reset();
            while (!session.over(vec.steps())) {
                double progress = Math.min(1, (double) vec.steps() / setup.totalSteps());
                double scale = anneal ? 1 - progress : 1;
                actor.scaleLearningRate(scale);
                critic.scaleLearningRate(scale);
                obs = collect(vec, obs, actor, critic, rollout, random, session);
                rollout.advantages(critic.predict(obs), gamma, gaeLambda);
                update(actor, critic, rollout, actions, Math.max(1e-3, clip * scale), random);
                if (session.evaluationDue(vec.steps())) {
                    session.evaluate(vec.steps(), nets.policy(), actor);
                }
            }
            return session.finish(vec.steps(), nets.policy(), actor);
        }
    }

    private float[][] collect(
            VectorEnvironment vec,
            float[][] obs,
            Network actor,
            Network critic,
            Rollout r,
            SplittableRandom random,
            LearningSession session) {
        int[] act = new int[envs];
        double[] logp = new double[envs];
        for (int t = 0; t < rolloutSteps; t++) {
            float[][] logits = actor.predict(obs);
            float[][] values = critic.predict(obs);
            for (int i = 0; i < envs; i++) {
                act[i] = Categorical.sample(logits[i], random, logp, i);
            }
            VectorStep s = vec.step(act);
            double[] rewards = s.rewards().clone();
            for (int i = 0; i < envs; i++) {
                if (s.truncated()[i]) {
                    rewards[i] +=
                            gamma * critic.predict(new float[][] {s.finalObservations()[i]})[0][0];
                }
            }
            r.put(t, obs, act, logp, values, rewards, s);
            obs = s.observations();
            session.record(s.finished(), vec.steps());
        }
        return obs;
    }

    private void update(
            Network actor,
            Network critic,
            Rollout r,
            int actions,
            double clipNow,
            SplittableRandom random) {
        int n = r.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int start = 0; start < n; start += minibatch) {
                int b = Math.min(minibatch, n - start);
                Rollout.Batch batch = r.batch(order, start, b);
                try (NDManager m = actor.manager().newSubManager();
                        GradientCollector g = actor.collector()) {
                    NDArray x = m.create(batch.observations());
                    NDArray logSoftmax = actor.forward(x).logSoftmax(1);
                    NDArray newLogp =
                            Categorical.logProb(
                                    logSoftmax, Categorical.oneHot(m, batch.actions(), actions));
                    NDArray adv = m.create(batch.advantages());
                    NDArray ratio = newLogp.sub(m.create(batch.logProbs())).exp();
                    NDArray surrogate =
                            NDArrays.minimum(
                                    ratio.mul(adv), ratio.clip(1 - clipNow, 1 + clipNow).mul(adv));
                    NDArray policyLoss = surrogate.mean().neg();
                    NDArray value = critic.forward(x).reshape(-1);
                    NDArray valueLoss = value.sub(m.create(batch.returns())).square().mean();
                    NDArray loss =
                            policyLoss
                                    .add(valueLoss.mul((float) valueWeight))
                                    .sub(Categorical.entropy(logSoftmax).mul((float) entropy));
                    g.backward(loss);
                }
                actor.step();
                critic.step();
            }
        }
    }
}
