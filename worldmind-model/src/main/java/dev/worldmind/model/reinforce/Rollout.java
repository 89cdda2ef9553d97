package dev.worldmind.model.reinforce;

/**
 * One PPO rollout: {@code steps} × {@code envs} transitions, then their GAE advantages and returns,
 * served in shuffled minibatches with the advantages normalised per batch.
 */
final class Rollout {
    private final int steps;
    private final int envs;
    private final float[][] observations;
    private final int[] actions;
    private final float[] logProbs;
    private final float[] values;
    private final float[] rewards;
    private final boolean[] ends;
    private final float[] advantages;
    private final float[] returns;

    /** A minibatch. */
    record Batch(
            float[][] observations,
            int[] actions,
            float[] logProbs,
            float[] advantages,
            float[] returns) {}

    Rollout(int steps, int envs, int obsSize) {
        this.steps = steps;
        this.envs = envs;
        int n = steps * envs;
        observations = new float[n][obsSize];
        actions = new int[n];
        logProbs = new float[n];
        values = new float[n];
        rewards = new float[n];
        ends = new boolean[n];
        advantages = new float[n];
        returns = new float[n];
    }

    int size() {
        return steps * envs;
    }

    void put(
            int t,
            float[][] obs,
            int[] act,
            double[] logp,
            float[][] value,
            double[] reward,
            VectorStep s) {
        for (int i = 0; i < envs; i++) {
            int k = t * envs + i;
            System.arraycopy(obs[i], 0, observations[k], 0, obs[i].length);
            actions[k] = act[i];
            logProbs[k] = (float) logp[i];
            values[k] = value[i][0];
            rewards[k] = (float) reward[i];
            ends[k] = s.done(i);
        }
    }

    /** Computes GAE(λ) advantages and returns, bootstrapping from the next observations' values. */
    void advantages(float[][] nextValues, double gamma, double lambda) {
        for (int i = 0; i < envs; i++) {
            double gae = 0;
            double next = nextValues[i][0];
            for (int t = steps - 1; t >= 0; t--) {
                int k = t * envs + i;
                double notEnd = ends[k] ? 0 : 1;
                double delta = rewards[k] + gamma * next * notEnd - values[k];
                gae = delta + gamma * lambda * notEnd * gae;
                advantages[k] = (float) gae;
                returns[k] = (float) (gae + values[k]);
                next = values[k];
            }
        }
    }

    Batch batch(int[] order, int start, int b) {
        float[][] obs = new float[b][];
        int[] act = new int[b];
        float[] logp = new float[b];
        float[] adv = new float[b];
        float[] ret = new float[b];
        double mean = 0;
        for (int j = 0; j < b; j++) {
            int k = order[start + j];
            obs[j] = observations[k];
            act[j] = actions[k];
            logp[j] = logProbs[k];
            adv[j] = advantages[k];
            ret[j] = returns[k];
            mean += adv[j];
        }
        mean /= b;
        double var = 0;
        for (float a : adv) {
            var += (a - mean) * (a - mean);
        }
        double std = b > 1 ? Math.sqrt(var / (b - 1)) : 1;
        for (int j = 0; j < b; j++) {
            adv[j] = (float) ((adv[j] - mean) / (std + 1e-8));
        }
        return new Batch(obs, act, logp, adv, ret);
    }
}
