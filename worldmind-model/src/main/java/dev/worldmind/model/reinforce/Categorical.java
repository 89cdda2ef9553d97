package dev.worldmind.model.reinforce;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;

/**
 * A categorical policy over discrete actions from logits: sampling in Java (so the run's seed
 * decides it), and the log-probabilities and entropy as DJL arrays for the losses.
 */
final class Categorical {
    private Categorical() {}

    /** Samples an action from logits; returns it and writes its log-probability to {@code logp}. */
    static int sample(float[] logits, SplittableRandom random, double[] logp, int at) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        double u = random.nextDouble() * sum;
        int chosen = logits.length - 1;
        double acc = 0;
        for (int i = 0; i < logits.length; i++) {
            acc += Math.exp(logits[i] - max);
            if (u < acc) {
                chosen = i;
                break;
            }
        }
        logp[at] = logits[chosen] - max - Math.log(sum);
        return chosen;
    }

    /** A one-hot matrix of actions, shape (n, actions). */
    static NDArray oneHot(NDManager m, int[] actions, int n) {
        float[][] h = new float[actions.length][n];
        for (int i = 0; i < actions.length; i++) {
            h[i][actions[i]] = 1f;
        }
        return m.create(h);
    }

    /** The log-probabilities of the chosen actions, shape (batch). */
    static NDArray logProb(NDArray logSoftmax, NDArray oneHot) {
        return logSoftmax.mul(oneHot).sum(new int[] {1});
    }

    /** The mean entropy of the distributions. */
    static NDArray entropy(NDArray logSoftmax) {
        return logSoftmax.exp().mul(logSoftmax).sum(new int[] {1}).neg().mean();
    }
}
