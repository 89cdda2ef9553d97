package dev.worldmind.model.reinforce;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;

/**
 * The critics of {@link Ddpg}: one Q(s, a) network, or two for TD3, each with a soft-updated target
 * copy. The target value is the (minimum) target critic's. Owns its networks: close it.
 */
final class Critics implements AutoCloseable {
    private final Network first;
    private final Network firstTarget;
    private final Network second;
    private final Network secondTarget;

    Critics(NetworkSpec spec, double learningRate, long seed, long twinSeed, boolean twin) {
        first = Network.create(spec, learningRate, 1.0, seed);
        firstTarget = Network.create(spec, learningRate, 1.0, seed);
        second = twin ? Network.create(spec, learningRate, 1.0, twinSeed) : null;
        secondTarget = twin ? Network.create(spec, learningRate, 1.0, twinSeed) : null;
    }

    /** The first critic, which the actor climbs. */
    Network first() {
        return first;
    }

    /** The targets' value of state-action rows, shape (n, 1); the minimum of two with twins. */
    NDArray targetValue(NDArray stateActions) {
        NDArray q = firstTarget.forward(stateActions);
        return second == null ? q : q.minimum(secondTarget.forward(stateActions));
    }

    /**
     * One mean-squared-error step of every critic towards the targets, in one collector; returns
     * the loss.
     */
    float fit(NDArray stateActions, NDArray targets) {
        // Gradients add up until a network's own step, and the actor's update leaves some on the
        // critics: clear them first.
        first.zeroGradients();
        if (second != null) {
            second.zeroGradients();
        }
        try (GradientCollector g = first.collector()) {
            NDArray loss = first.forward(stateActions).sub(targets).square().mean();
            if (second != null) {
                loss = loss.add(second.forward(stateActions).sub(targets).square().mean());
            }
            g.backward(loss);
            first.step();
            if (second != null) {
                second.step();
            }
            return loss.getFloat();
        }
    }

    /** Moves the targets towards the critics. */
    void followTargets(double tau) {
        firstTarget.follow(first, tau);
        if (second != null) {
            secondTarget.follow(second, tau);
        }
    }

    @Override
    public void close() {
        first.close();
        firstTarget.close();
        if (second != null) {
            second.close();
            secondTarget.close();
        }
    }
}
