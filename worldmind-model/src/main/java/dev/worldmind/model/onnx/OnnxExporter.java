package dev.worldmind.model.onnx;

import static dev.worldmind.model.onnx.internal.GraphBuilder.attr;
import static dev.worldmind.model.onnx.internal.GraphBuilder.ints;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.model.onnx.internal.GraphBuilder;
import dev.worldmind.model.onnx.internal.ModelProtos;
import dev.worldmind.model.onnx.internal.Tensors;
import dev.worldmind.model.vision.ArchitectureSpec;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.model.vision.ImageShape;
import dev.worldmind.model.vision.Layer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a trained DJL image classifier as a standard ONNX model (see {@link OnnxFormat}): the
 * graph is built from the architecture's {@link Layer} description, walked in step with the DJL
 * block tree to read the weights, so the opaque activation and pooling blocks are never guessed.
 * Dropout is left out (it is the identity at inference); batch norm is kept as BatchNormalization
 * with the running statistics. Stateless and thread-safe, but the classifier must not be used by
 * another thread while it is exported.
 */
public final class OnnxExporter {
    private OnnxExporter() {}

    /**
     * Describes a classifier for export.
     *
     * @param classifier the classifier
     * @param modelRef the registered model it is, {@code name:version}, or empty
     * @param provenance its provenance, if it has one
     * @return the metadata to write into the file
     */
    public static OnnxMetadata metadata(
            ImageClassifier classifier, String modelRef, Optional<Provenance> provenance) {
        return OnnxMetadata.of(
                modelRef,
                classifier.spec(),
                classifier.classes(),
                classifier.normalization(),
                CodeVersion.current(),
                provenance);
    }

    /**
     * Exports a classifier to ONNX in memory.
     *
     * @param classifier the trained classifier
     * @param metadata what the file says about itself; must match the classifier
     * @return the serialised ONNX model
     */
    public static byte[] export(ImageClassifier classifier, OnnxMetadata metadata) {
        return toModel(classifier, metadata).toByteArray();
    }

    /**
     * Exports a classifier to an ONNX file, replacing it atomically.
     *
     * @param classifier the trained classifier
     * @param metadata what the file says about itself; must match the classifier
     * @param file the file to write
     * @return the file's size in bytes
     */
    public static long export(ImageClassifier classifier, OnnxMetadata metadata, Path file) {
        byte[] bytes = export(classifier, metadata);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
            Files.write(tmp, bytes);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return bytes.length;
        } catch (IOException e) {
            throw new WorldmindException("cannot write " + file + ": " + e, e);
        }
    }

    static ModelProto toModel(ImageClassifier classifier, OnnxMetadata metadata) {
        ArchitectureSpec spec = classifier.spec();
        if (!metadata.architecture().equals(spec)
                || !metadata.classes().equals(classifier.classes())
                || !metadata.normalization().equals(classifier.normalization())) {
            throw new IllegalArgumentException(
                    "the metadata describes another model than the classifier exported");
        }
        ImageShape in = spec.input();
        GraphBuilder g = new GraphBuilder(spec.name());
        g.addInput(
                GraphBuilder.floatValue(
                        OnnxFormat.INPUT, -1, in.channels(), in.height(), in.width()));

        // Exactly Normalization.apply: (x - mean) * (1 / std).
        float mean = classifier.normalization().mean();
        float inverseStd = 1f / classifier.normalization().std();
        String centred =
                g.add(
                        "Sub",
                        List.of(
                                OnnxFormat.INPUT,
                                g.constant("mean", Tensors.floats("", new float[] {mean}))));
        String x =
                g.add(
                        "Mul",
                        List.of(
                                centred,
                                g.constant(
                                        "inverse_std",
                                        Tensors.floats("", new float[] {inverseStd}))));

        String last =
                emit(g, Architectures.layers(spec), classifier.model().getBlock(), x, "network");
        renameOutput(g, last, OnnxFormat.LOGITS);
        g.add("Softmax", List.of(OnnxFormat.LOGITS), OnnxFormat.PROBABILITIES, attr("axis", 1));
        g.addOutput(GraphBuilder.floatValue(OnnxFormat.LOGITS, -1, spec.classes()));
        g.addOutput(GraphBuilder.floatValue(OnnxFormat.PROBABILITIES, -1, spec.classes()));

        String description =
                String.format(
                        "Worldmind %s%s: %s [batch, %d, %d, %d] pixels in [0, 1] -> %s and %s"
                                + " over %d classes",
                        spec.name(),
                        metadata.modelRef().isEmpty() ? "" : " (" + metadata.modelRef() + ")",
                        OnnxFormat.INPUT,
                        in.channels(),
                        in.height(),
                        in.width(),
                        OnnxFormat.LOGITS,
                        OnnxFormat.PROBABILITIES,
                        spec.classes());
        return ModelProtos.model(g.build(), metadata.toProperties(), description);
    }

    /** Adds one layer's nodes reading from {@code input}; returns the name of its output. */
    private static String emit(GraphBuilder g, Layer layer, Block block, String input, String at) {
        if (layer instanceof Layer.Sequence seq) {
            SequentialBlock s = expect(block, SequentialBlock.class, layer, at);
            List<Block> children = new ArrayList<>();
            s.getChildren().values().forEach(children::add);
            if (children.size() != seq.layers().size()) {
                throw mismatch(layer, block, at);
            }
            String x = input;
            for (int i = 0; i < children.size(); i++) {
                x = emit(g, seq.layers().get(i), children.get(i), x, at + "/" + i);
            }
            return x;
        } else if (layer instanceof Layer.Conv conv) {
            Conv2d c = expect(block, Conv2d.class, layer, at);
            List<String> inputs = new ArrayList<>(List.of(input, weight(g, "conv_w", c, "weight")));
            if (conv.bias()) {
                inputs.add(weight(g, "conv_b", c, "bias"));
            }
            int k = conv.kernel();
            int p = conv.padding();
            return g.add(
                    "Conv",
                    inputs,
                    ints("kernel_shape", k, k),
                    ints("pads", p, p, p, p),
                    ints("strides", 1, 1));
        } else if (layer instanceof Layer.BatchNorm bn) {
            Block b = expect(block, ai.djl.nn.norm.BatchNorm.class, layer, at);
            return g.add(
                    "BatchNormalization",
                    List.of(
                            input,
                            weight(g, "bn_scale", b, "gamma"),
                            weight(g, "bn_bias", b, "beta"),
                            weight(g, "bn_mean", b, "runningMean"),
                            weight(g, "bn_var", b, "runningVar")),
                    attr("epsilon", bn.epsilon()));
        } else if (layer instanceof Layer.Relu) {
            expect(block, LambdaBlock.class, layer, at);
            return g.add("Relu", List.of(input));
        } else if (layer instanceof Layer.MaxPool pool) {
            expect(block, LambdaBlock.class, layer, at);
            int s = pool.size();
            return g.add(
                    "MaxPool", List.of(input), ints("kernel_shape", s, s), ints("strides", s, s));
        } else if (layer instanceof Layer.Flatten) {
            expect(block, LambdaBlock.class, layer, at);
            return g.add("Flatten", List.of(input), attr("axis", 1));
        } else if (layer instanceof Layer.Dense dense) {
            Linear l = expect(block, Linear.class, layer, at);
            List<String> inputs =
                    new ArrayList<>(List.of(input, weight(g, "dense_w", l, "weight")));
            if (dense.bias()) {
                inputs.add(weight(g, "dense_b", l, "bias"));
            }
            // Linear's weight is [units, inputs]: y = x W^T + b.
            return g.add("Gemm", inputs, attr("transB", 1));
        } else if (layer instanceof Layer.Dropout) {
            expect(block, ai.djl.nn.norm.Dropout.class, layer, at);
            return input;
        }
        throw new IllegalStateException("no ONNX translation for " + layer);
    }

    private static String weight(GraphBuilder g, String prefix, Block block, String name) {
        Parameter p = block.getParameters().get(name);
        if (p == null || !p.isInitialized()) {
            throw new IllegalStateException(
                    block.getClass().getSimpleName() + " has no initialised " + name);
        }
        NDArray a = p.getArray();
        return g.constant(prefix, Tensors.floats("", a.toFloatArray(), a.getShape().getShape()));
    }

    private static void renameOutput(GraphBuilder g, String from, String to) {
        List<NodeProto> nodes = g.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            NodeProto n = nodes.get(i);
            if (n.getOutputCount() == 1 && n.getOutput(0).equals(from)) {
                nodes.set(i, n.toBuilder().setOutput(0, to).setName(to).build());
                return;
            }
        }
        g.add("Identity", List.of(from), to);
    }

    private static <T extends Block> T expect(Block block, Class<T> type, Layer layer, String at) {
        if (!type.isInstance(block)) {
            throw mismatch(layer, block, at);
        }
        return type.cast(block);
    }

    private static IllegalStateException mismatch(Layer layer, Block block, String at) {
        return new IllegalStateException(
                "the DJL block at "
                        + at
                        + " is a "
                        + block.getClass().getSimpleName()
                        + " but the architecture describes "
                        + layer);
    }
}
