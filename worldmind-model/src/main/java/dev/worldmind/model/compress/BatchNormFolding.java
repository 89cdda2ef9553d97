package dev.worldmind.model.compress;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.worldmind.model.onnx.internal.GraphBuilder;
import dev.worldmind.model.onnx.internal.Tensors;
import java.util.List;
import java.util.Map;

/**
 * Folds inference-time batch normalisation into the Conv or Gemm that feeds it: {@code W' = W * s},
 * {@code b' = (b - mean) * s + beta} with {@code s = gamma / sqrt(var + eps)} per output channel.
 * The network computes the same function with one operator less, and the weights that get quantised
 * are the ones actually applied.
 */
final class BatchNormFolding {
    private BatchNormFolding() {}

    /**
     * Folds every foldable BatchNormalization in place.
     *
     * @param g the graph
     * @return how many were folded
     */
    static int fold(GraphBuilder g) {
        int folded = 0;
        Map<String, Integer> readers = g.readers();
        Map<String, NodeProto> producers = g.producers();
        Map<String, TensorProto> init = g.initializers();
        List<NodeProto> nodes = g.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            NodeProto bn = nodes.get(i);
            if (!bn.getOpType().equals("BatchNormalization") || bn.getInputCount() != 5) {
                continue;
            }
            NodeProto layer = producers.get(bn.getInput(0));
            if (layer == null
                    || readers.getOrDefault(bn.getInput(0), 0) != 1
                    || !foldable(layer)
                    || !init.containsKey(layer.getInput(1))
                    || !bn.getInputList().subList(1, 5).stream().allMatch(init::containsKey)) {
                continue;
            }
            float[] w = Tensors.toFloats(init.get(layer.getInput(1)));
            long[] wDims = Tensors.dims(init.get(layer.getInput(1)));
            int channels = (int) wDims[0];
            float[] b =
                    layer.getInputCount() > 2
                            ? Tensors.toFloats(init.get(layer.getInput(2)))
                            : new float[channels];
            float[] gamma = Tensors.toFloats(init.get(bn.getInput(1)));
            float[] beta = Tensors.toFloats(init.get(bn.getInput(2)));
            float[] mean = Tensors.toFloats(init.get(bn.getInput(3)));
            float[] var = Tensors.toFloats(init.get(bn.getInput(4)));
            double eps = GraphBuilder.floatAttr(bn, "epsilon", 1e-5f);
            int per = w.length / channels;
            float[] w2 = new float[w.length];
            float[] b2 = new float[channels];
            for (int c = 0; c < channels; c++) {
                double s = gamma[c] / Math.sqrt(var[c] + eps);
                for (int k = 0; k < per; k++) {
                    w2[c * per + k] = (float) (w[c * per + k] * s);
                }
                b2[c] = (float) ((b[c] - mean[c]) * s + beta[c]);
            }
            String wName = g.constant("folded_w", Tensors.floats("", w2, wDims));
            String bName = g.constant("folded_b", Tensors.floats("", b2, channels));
            NodeProto merged =
                    layer.toBuilder()
                            .clearInput()
                            .addInput(layer.getInput(0))
                            .addInput(wName)
                            .addInput(bName)
                            .setOutput(0, bn.getOutput(0))
                            .build();
            nodes.set(nodes.indexOf(layer), merged);
            nodes.remove(i);
            i--;
            folded++;
            readers = g.readers();
            producers = g.producers();
        }
        g.pruneInitializers();
        return folded;
    }

    /** A Conv, or a Gemm whose weight is stored [out, in]; both scale output channel rows. */
    private static boolean foldable(NodeProto n) {
        if (n.getOpType().equals("Conv")) {
            return GraphBuilder.intAttr(n, "group", 1) == 1;
        }
        return n.getOpType().equals("Gemm")
                && GraphBuilder.intAttr(n, "transB", 0) == 1
                && GraphBuilder.floatAttr(n, "alpha", 1f) == 1f
                && GraphBuilder.floatAttr(n, "beta", 1f) == 1f;
    }
}
