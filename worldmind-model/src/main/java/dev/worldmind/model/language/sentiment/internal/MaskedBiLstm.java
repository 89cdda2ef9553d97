package dev.worldmind.model.language.sentiment.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * A bidirectional LSTM written in plain DJL operators and unrolled over time.
 *
 * <p>Why not {@code ai.djl.nn.recurrent.LSTM}: with the PyTorch 2.7.1 CPU engine its backward pass
 * runs through oneDNN's fused RNN kernel, which crashed the JVM here, and DJL has no switch to turn
 * that kernel off. The sentences are short (at most a few dozen words), so a step loop of matrix
 * products and point-wise gates is fast enough, and autograd differentiates it like any other
 * graph.
 *
 * <p>Input: {@code (B, T, inputSize)} features and a {@code (B, T)} float mask (1 = real token, 0 =
 * padding). Output: {@code (B, T, 2 * stateSize)}, the forward states then the backward states. At
 * a padded step both directions keep their previous state, so padding after the text changes
 * neither direction's states at the real steps. Per direction the four gates (input, forget and
 * output, then the candidate) come from one input projection, shared across the two directions and
 * all steps, plus one recurrent product per step; the forget gate is offset by +1 so that early
 * training remembers.
 *
 * <p>Speed: a batch is thousands of small operators, so their count matters more than their size.
 * On two shared, busy cores, libtorch's two intra-op threads spent most of the time waiting for
 * each other (one thread, {@code -Dai.djl.pytorch.num_threads=1}, trained 7 times faster there).
 */
public final class MaskedBiLstm extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int stateSize;
    private final Parameter[] inputWeights;
    private final Parameter[] biases;
    private final Parameter[] forwardRecurrent;
    private final Parameter[] backwardRecurrent;

    /**
     * Creates the block.
     *
     * @param inputSize the feature size of each step
     * @param stateSize the state size per direction
     * @param layers the stacked layers; each later layer reads both directions of the one below
     */
    public MaskedBiLstm(int inputSize, int stateSize, int layers) {
        super(VERSION);
        if (inputSize < 1 || stateSize < 1 || layers < 1) {
            throw new IllegalArgumentException("sizes are positive");
        }
        this.stateSize = stateSize;
        inputWeights = new Parameter[layers];
        biases = new Parameter[layers];
        forwardRecurrent = new Parameter[layers];
        backwardRecurrent = new Parameter[layers];
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? inputSize : 2 * stateSize;
            inputWeights[l] = addParameter(weight("input" + l, new Shape(in, 8L * stateSize)));
            forwardRecurrent[l] =
                    addParameter(weight("forward" + l, new Shape(stateSize, 4L * stateSize)));
            backwardRecurrent[l] =
                    addParameter(weight("backward" + l, new Shape(stateSize, 4L * stateSize)));
            biases[l] =
                    addParameter(
                            Parameter.builder()
                                    .setName("bias" + l)
                                    .setType(Parameter.Type.BIAS)
                                    .optShape(new Shape(8L * stateSize))
                                    .build());
        }
    }

    private static Parameter weight(String name, Shape shape) {
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(shape)
                .optInitializer(new XavierInitializer())
                .build();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.get(1).expandDims(2); // (B, T, 1)
        long steps = x.getShape().get(1);
        NDList keep = mask.split(steps, 1); // (B, 1, 1) per step
        NDList skip = mask.neg().add(1f).split(steps, 1);
        // +1 on the forget gate's pre-activation, added once for all steps and both directions.
        float[] offset = new float[8 * stateSize];
        for (int k = 0; k < 2; k++) {
            Arrays.fill(offset, (4 * k + 1) * stateSize, (4 * k + 2) * stateSize, 1f);
        }
        NDArray forgetOffset = x.getManager().create(offset).toDevice(x.getDevice(), false);
        for (int l = 0; l < inputWeights.length; l++) {
            NDArray w = ps.getValue(inputWeights[l], x.getDevice(), training);
            NDArray b = ps.getValue(biases[l], x.getDevice(), training);
            NDList directions = x.matMul(w).add(b.add(forgetOffset)).split(2, 2); // 2 x (B,T,4H)
            NDArray forward =
                    unroll(
                            directions.get(0),
                            ps.getValue(forwardRecurrent[l], x.getDevice(), training),
                            keep,
                            skip,
                            false);
            NDArray backward =
                    unroll(
                            directions.get(1),
                            ps.getValue(backwardRecurrent[l], x.getDevice(), training),
                            keep,
                            skip,
                            true);
            x = forward.concat(backward, 2);
        }
        return new NDList(x);
    }

    /** Runs one direction over projected inputs (B, T, 4H); returns its states (B, T, H). */
    private NDArray unroll(
            NDArray projected, NDArray recurrent, NDList keep, NDList skip, boolean reverse) {
        long batch = projected.getShape().get(0);
        int steps = keep.size();
        NDList inputs = projected.split(steps, 1); // (B, 1, 4H) per step
        NDManager manager = projected.getManager();
        Shape state = new Shape(batch, 1, stateSize);
        NDArray h = manager.zeros(state, projected.getDataType(), projected.getDevice());
        NDArray c = h;
        NDArray[] out = new NDArray[steps];
        // Few, fused operators per step: each one costs a native call and an autograd node.
        long[] cut = {3L * stateSize};
        for (int k = 0; k < steps; k++) {
            int t = reverse ? steps - 1 - k : k;
            NDList gates = inputs.get(t).add(h.matMul(recurrent)).split(cut, 2);
            NDList ifo = Activation.sigmoid(gates.get(0)).split(3, 2);
            NDArray g = gates.get(1).tanh();
            NDArray cNext = ifo.get(1).mul(c).add(ifo.get(0).mul(g));
            NDArray hNext = ifo.get(2).mul(cNext.tanh());
            // m * next + (1 - m) * previous is exact for m in {0, 1}: padding keeps the state.
            c = cNext.mul(keep.get(t)).add(c.mul(skip.get(t)));
            h = hNext.mul(keep.get(t)).add(h.mul(skip.get(t)));
            out[t] = h;
        }
        return NDArrays.concat(new NDList(out), 1);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), 2L * stateSize)};
    }
}
