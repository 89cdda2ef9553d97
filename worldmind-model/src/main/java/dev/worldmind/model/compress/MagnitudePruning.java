package dev.worldmind.model.compress;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.model.vision.ImageClassifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Global magnitude pruning: the weights of every convolution and dense layer are ranked together by
 * absolute value and the smallest share is set to zero. Biases and batch-norm values are never
 * pruned: they are few, and zeroing them shifts whole channels rather than single connections.
 *
 * <p>Ranking globally rather than layer by layer lets the large, redundant layers (the dense layer
 * after the flatten) give up more than the small first convolution, which needs nearly all of its
 * few hundred weights. Ties at the threshold are broken in block order, so the requested share is
 * met exactly and repeatably.
 */
public final class MagnitudePruning {
    private MagnitudePruning() {}

    /**
     * Zeroes the smallest weights of a classifier in place.
     *
     * @param classifier the network; its convolution and dense weights are changed
     * @param sparsity the share of those weights to zero, in [0, 1)
     * @return one mask per pruned tensor, in block order
     */
    public static List<PruningMask> prune(ImageClassifier classifier, double sparsity) {
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("sparsity must be in [0, 1): " + sparsity);
        }
        List<Weights> targets = prunable(classifier.model().getBlock());
        if (targets.isEmpty()) {
            throw new InvalidDataException(
                    classifier.spec().name() + " has no convolution or dense weights to prune");
        }
        List<float[]> values = new ArrayList<>();
        int total = 0;
        for (Weights w : targets) {
            float[] v = w.parameter().getArray().toFloatArray();
            values.add(v);
            total += v.length;
        }
        int toPrune = (int) Math.round(sparsity * total);
        float threshold = threshold(values, total, toPrune);
        int below = 0;
        for (float[] v : values) {
            for (float x : v) {
                if (Math.abs(x) < threshold) {
                    below++;
                }
            }
        }
        int ties = toPrune - below;
        List<PruningMask> masks = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            float[] v = values.get(t);
            BitSet pruned = new BitSet(v.length);
            for (int i = 0; i < v.length; i++) {
                float a = Math.abs(v[i]);
                if (a < threshold || (a == threshold && ties-- > 0)) {
                    pruned.set(i);
                }
            }
            NDArray array = targets.get(t).parameter().getArray();
            masks.add(new PruningMask(targets.get(t).name(), array.getShape().getShape(), pruned));
        }
        apply(classifier, masks);
        return List.copyOf(masks);
    }

    /**
     * Zeroes the masked values of a classifier in place, e.g. after an optimiser step.
     *
     * @param classifier the network the masks were made for
     * @param masks the masks
     */
    public static void apply(ImageClassifier classifier, List<PruningMask> masks) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Weights w : prunable(classifier.model().getBlock())) {
            byName.put(w.name(), w.parameter());
        }
        for (PruningMask m : masks) {
            Parameter p = byName.get(m.parameter());
            if (p == null) {
                throw new InvalidDataException(
                        "no prunable tensor " + m.parameter() + " in " + classifier.spec().name());
            }
            // Fetched each time: loading a checkpoint replaces a parameter's array.
            m.applyTo(p.getArray());
        }
    }

    /**
     * Counts the zeros in every trainable tensor of a classifier.
     *
     * @param classifier the network
     * @return the counts
     */
    public static SparsityReport measure(ImageClassifier classifier) {
        List<SparsityReport.Tensor> rows = new ArrayList<>();
        walk(classifier.model().getBlock(), "", rows, null);
        return new SparsityReport(rows);
    }

    /** Returns the smallest magnitude that is pruned (ties at it are pruned in order). */
    private static float threshold(List<float[]> values, int total, int toPrune) {
        if (toPrune == 0) {
            return Float.NEGATIVE_INFINITY;
        }
        float[] all = new float[total];
        int at = 0;
        for (float[] v : values) {
            for (float x : v) {
                all[at++] = Math.abs(x);
            }
        }
        Arrays.sort(all);
        return all[toPrune - 1];
    }

    static List<Weights> prunable(Block root) {
        List<Weights> out = new ArrayList<>();
        walk(root, "", null, out);
        return out;
    }

    /**
     * Visits every trainable parameter, named as {@link Block#getParameters()} names them.
     *
     * @param rows if not null, receives a count per tensor
     * @param weights if not null, receives the prunable tensors
     */
    private static void walk(
            Block block, String prefix, List<SparsityReport.Tensor> rows, List<Weights> weights) {
        boolean layer = block instanceof Convolution || block instanceof Linear;
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            Parameter parameter = p.getValue();
            if (!parameter.requiresGradient() || !parameter.isInitialized()) {
                continue;
            }
            String name = prefix + p.getKey();
            boolean prunable = layer && parameter.getType() == Parameter.Type.WEIGHT;
            if (prunable && weights != null) {
                weights.add(new Weights(name, parameter));
            }
            if (rows != null) {
                NDArray array = parameter.getArray();
                float[] v = array.toFloatArray();
                long nonZero = 0;
                for (float x : v) {
                    if (x != 0f) {
                        nonZero++;
                    }
                }
                rows.add(
                        new SparsityReport.Tensor(
                                name, array.getShape().toString(), prunable, v.length, nonZero));
            }
        }
        for (Pair<String, Block> child : block.getChildren()) {
            walk(child.getValue(), prefix + child.getKey() + "_", rows, weights);
        }
    }

    /** A prunable weight tensor and its name. */
    record Weights(String name, Parameter parameter) {}
}
