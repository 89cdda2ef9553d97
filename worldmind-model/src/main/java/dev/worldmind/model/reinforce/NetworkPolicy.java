package dev.worldmind.model.reinforce;

/**
 * A policy read off one network: the arg-max output for discrete actions (logits or Q-values), or a
 * {@code tanh} output scaled into the action box for continuous ones.
 */
final class NetworkPolicy implements Policy {
    private final Network network;
    private final ActionSpace space;
    private final boolean owns;

    /**
     * Wraps a network.
     *
     * @param network the network
     * @param space the environment's actions
     * @param owns whether closing the policy closes the network
     */
    NetworkPolicy(Network network, ActionSpace space, boolean owns) {
        this.network = network;
        this.space = space;
        this.owns = owns;
    }

    @Override
    public ActionSpace actionSpace() {
        return space;
    }

    @Override
    public synchronized int act(float[] observation) {
        if (!(space instanceof ActionSpace.Discrete)) {
            throw new IllegalStateException("this policy's actions are continuous");
        }
        return argmax(network.predict(new float[][] {observation})[0]);
    }

    @Override
    public synchronized float[] actContinuous(float[] observation) {
        if (!(space instanceof ActionSpace.Box box)) {
            throw new IllegalStateException("this policy's actions are discrete");
        }
        return scale(network.predict(new float[][] {observation})[0], box);
    }

    @Override
    public void close() {
        if (owns) {
            network.close();
        }
    }

    /** Scales a {@code tanh} output in [-1, 1] into a box. */
    static float[] scale(float[] unit, ActionSpace.Box box) {
        float[] low = box.low();
        float[] high = box.high();
        float[] a = new float[unit.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = low[i] + (unit[i] + 1) / 2 * (high[i] - low[i]);
        }
        return a;
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
