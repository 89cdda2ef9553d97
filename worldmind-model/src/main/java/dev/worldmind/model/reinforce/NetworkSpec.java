package dev.worldmind.model.reinforce;

import java.util.List;

/**
 * The shape of a fully connected network: input size, hidden layer widths, output size, the hidden
 * activation and what the output goes through.
 *
 * @param inputs how many numbers go in
 * @param hidden the hidden layers' widths, input side first
 * @param outputs how many numbers come out
 * @param activation {@code tanh} or {@code relu}, between layers
 * @param head {@code linear} (logits, values) or {@code tanh} (bounded actions)
 */
public record NetworkSpec(
        int inputs, List<Integer> hidden, int outputs, String activation, String head) {
    public NetworkSpec {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("a network needs at least one input and output");
        }
        hidden = List.copyOf(hidden);
        if (hidden.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("hidden layers need at least one unit: " + hidden);
        }
        if (!activation.equals("tanh") && !activation.equals("relu")) {
            throw new IllegalArgumentException("unknown activation '" + activation + "'");
        }
        if (!head.equals("linear") && !head.equals("tanh")) {
            throw new IllegalArgumentException("unknown head '" + head + "'");
        }
    }

    /**
     * A network with a linear head.
     *
     * @param inputs how many numbers go in
     * @param hidden the hidden widths
     * @param outputs how many numbers come out
     * @param activation {@code tanh} or {@code relu}
     */
    public static NetworkSpec linear(
            int inputs, List<Integer> hidden, int outputs, String activation) {
        return new NetworkSpec(inputs, hidden, outputs, activation, "linear");
    }
}
