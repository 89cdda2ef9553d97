package dev.worldmind.model.reinforce;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * REINFORCE (Williams 1992) with a learned value baseline: each update plays {@code
 * episodesPerUpdate} whole episodes with the current policy (in lock-step, one copy each), weights
 * every action's log-probability by its discounted return minus the baseline (normalised over the
 * batch), and takes one gradient step on the policy and the baseline. An episode cut by the time
 * limit has the baseline's value of its last observation added to its returns, so truncation is not
 * mistaken for failure.
 *
 * @param episodesPerUpdate whole episodes per update
 * @param gamma the discount
 * @param learningRate Adam's step size (policy and baseline)
 * @param entropy the entropy bonus's weight
 * @param hidden the hidden widths of both networks
 * @param activation {@code tanh} or {@code relu}
 */
public record Reinforce(
        int episodesPerUpdate,
        double gamma,
        double learningRate,
        double entropy,
        List<Integer> hidden,
        String activation)
        implements Learner {

    public Reinforce {
        if (episodesPerUpdate < 1) {
            throw new IllegalArgumentException("REINFORCE needs at least one episode per update");
        }
        if (!(gamma > 0 && gamma <= 1) || !(learningRate > 0)) {
            throw new IllegalArgumentException("REINFORCE: gamma in (0,1], learning rate > 0");
        }
        hidden = List.copyOf(hidden);
    }

    /** Settings measured on CartPole-v1. */
    public static Reinforce defaults() {
        return new Reinforce(8, 0.99, 2e-3, 0.0, List.of(64, 64), "tanh");
    }

    @Override
    public String name() {
        return "reinforce";
    }

    @Override
    public LearningResult learn(Supplier<? extends Environment> factory, LearningSetup setup) {
        ActionSpace.Discrete discrete = LearningSession.discrete(name(), factory.get());
        LearningSession session = new LearningSession(name(), factory, setup, config());
        Environment probe = session.probe();
        int obsSize = probe.observationSize();
        SplittableRandom random = new SplittableRandom(setup.seed());
        Environment[] envs = new Environment[episodesPerUpdate];
        for (int i = 0; i < envs.length; i++) {
            envs[i] = factory.get();
        }
        long steps = 0;
        try (ActorCritic nets =
                ActorCritic.create(obsSize, discrete, hidden, activation, learningRate, random)) {
            Network actor = nets.actor();
            Network critic = nets.critic();
            while (!session.over(steps)) {
                Batch batch = play(envs, actor, critic, random, steps, session);
                steps += batch.size();
                update(actor, critic, batch, discrete.n());
                if (session.evaluationDue(steps)) {
                    session.evaluate(steps, nets.policy(), actor);
                }
            }
            return session.finish(steps, nets.policy(), actor);
        }
    }

    /** The samples of one update: observations, actions and returns. */
    private record Batch(List<float[]> observations, List<Integer> actions, List<Float> returns) {
        int size() {
            return observations.size();
        }
    }

    private Batch play(
            Environment[] envs,
            Network actor,
            Network critic,
            SplittableRandom random,
            long stepsBefore,
            LearningSession session) {
        int n = envs.length;
        List<List<float[]>> obs = new ArrayList<>();
        List<List<Integer>> acts = new ArrayList<>();
        List<List<Double>> rewards = new ArrayList<>();
        float[][] current = new float[n][];
        boolean[] active = new boolean[n];
        double[] tail = new double[n];
        for (int i = 0; i < n; i++) {
            current[i] = envs[i].reset(random.nextLong());
            active[i] = true;
            obs.add(new ArrayList<>());
            acts.add(new ArrayList<>());
            rewards.add(new ArrayList<>());
        }
        long steps = stepsBefore;
        double[] logp = new double[1];
        int running = n;
        while (running > 0) {
            float[][] logits = actor.predict(current);
            List<Episode> finished = new ArrayList<>(0);
            for (int i = 0; i < n; i++) {
                if (!active[i]) {
                    continue;
                }
                int a = Categorical.sample(logits[i], random, logp, 0);
                obs.get(i).add(current[i]);
                acts.get(i).add(a);
                Step s = envs[i].step(a);
                rewards.get(i).add(s.reward());
                steps++;
                current[i] = s.observation();
                if (s.done()) {
                    active[i] = false;
                    running--;
                    if (s.truncated() && !s.terminated()) {
                        tail[i] = critic.predict(new float[][] {s.observation()})[0][0];
                    }
                    double total = rewards.get(i).stream().mapToDouble(Double::doubleValue).sum();
                    finished.add(new Episode(steps, total, rewards.get(i).size(), s.terminated()));
                }
            }
            session.record(finished, steps);
        }
        Batch batch = new Batch(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < n; i++) {
            List<Double> r = rewards.get(i);
            float[] g = new float[r.size()];
            double acc = tail[i];
            for (int t = r.size() - 1; t >= 0; t--) {
                acc = r.get(t) + gamma * acc;
                g[t] = (float) acc;
            }
            for (int t = 0; t < r.size(); t++) {
                batch.observations().add(obs.get(i).get(t));
                batch.actions().add(acts.get(i).get(t));
                batch.returns().add(g[t]);
            }
        }
        return batch;
    }

    private void update(Network actor, Network critic, Batch batch, int actions) {
        int n = batch.size();
        float[][] x = batch.observations().toArray(new float[0][]);
        float[][] baseline = critic.predict(x);
        float[] adv = new float[n];
        float[] ret = new float[n];
        int[] act = new int[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            ret[i] = batch.returns().get(i);
            act[i] = batch.actions().get(i);
            adv[i] = ret[i] - baseline[i][0];
            mean += adv[i];
        }
        mean /= n;
        double var = 0;
        for (float a : adv) {
            var += (a - mean) * (a - mean);
        }
        double std = Math.sqrt(var / Math.max(1, n - 1)) + 1e-8;
        for (int i = 0; i < n; i++) {
            adv[i] = (float) ((adv[i] - mean) / std);
        }
        try (NDManager m = actor.manager().newSubManager();
                GradientCollector g = actor.collector()) {
            NDArray in = m.create(x);
            NDArray logSoftmax = actor.forward(in).logSoftmax(1);
            NDArray logp = Categorical.logProb(logSoftmax, Categorical.oneHot(m, act, actions));
            NDArray policyLoss = logp.mul(m.create(adv)).mean().neg();
            NDArray valueLoss = critic.forward(in).reshape(-1).sub(m.create(ret)).square().mean();
            NDArray loss =
                    policyLoss
                            .add(valueLoss.mul(0.5f))
                            .sub(Categorical.entropy(logSoftmax).mul((float) entropy));
            g.backward(loss);
        }
        actor.step();
        critic.step();
    }
}
