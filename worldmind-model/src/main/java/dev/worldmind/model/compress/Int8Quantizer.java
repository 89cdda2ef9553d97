package dev.worldmind.model.compress;

import static dev.worldmind.model.onnx.internal.GraphBuilder.attr;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.json.Json;
import dev.worldmind.model.onnx.OnnxMetadata;
import dev.worldmind.model.onnx.internal.GraphBuilder;
import dev.worldmind.model.onnx.internal.ModelProtos;
import dev.worldmind.model.onnx.internal.Tensors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Post-training static int8 quantisation of a Worldmind ONNX model, in QDQ form (readable by any
 * ONNX runtime): every Conv and Gemm gets its weights as an int8 initializer, symmetric per output
 * channel, behind a DequantizeLinear, so the file shrinks to about a quarter; and its input
 * activation passes through a uint8 QuantizeLinear/DequantizeLinear pair whose range was measured
 * by running the fp32 model on calibration images. Biases stay fp32 (they are tiny). Batch norm is
 * folded first if configured. Stateless apart from its configuration; thread-safe.
 */
public final class Int8Quantizer {
    /** The compression name recorded in the metadata and manifest. */
    public static final String COMPRESSION = "int8";

    /** Operators whose output values are a subset of their input's, so they keep its range. */
    private static final Set<String> PASS_THROUGH = Set.of("MaxPool", "Flatten");

    private final QuantizationConfig config;

    /**
     * Creates a quantiser.
     *
     * @param config how to quantise
     */
    public Int8Quantizer(QuantizationConfig config) {
        this.config = config;
    }

    /**
     * Quantises an fp32 model.
     *
     * @param fp32 the model, as written by the ONNX export
     * @param calibration representative inputs
     * @return the int8 model
     * @throws InvalidDataException if it is not an uncompressed Worldmind ONNX model
     */
    public Quantized quantize(byte[] fp32, CalibrationSet calibration) {
        ModelProto source = ModelProtos.parse(fp32, "the model to quantise");
        Map<String, String> properties = ModelProtos.properties(source);
        OnnxMetadata metadata = OnnxMetadata.fromProperties(properties, "the model to quantise");
        if (!metadata.compression().isEmpty()) {
            throw new InvalidDataException(
                    "the model is already compressed (" + metadata.compression() + ")");
        }
        GraphBuilder g = GraphBuilder.of(source.getGraph());
        int folded = config.foldBatchNorm() ? BatchNormFolding.fold(g) : 0;

        List<NodeProto> targets = new ArrayList<>();
        for (NodeProto n : g.nodes()) {
            if ((n.getOpType().equals("Conv") || n.getOpType().equals("Gemm"))
                    && g.initializers().containsKey(n.getInput(1))
                    && !g.initializers().containsKey(n.getInput(0))) {
                targets.add(n);
            }
        }
        // Each layer input is traced back through range-preserving operators (max pooling,
        // flattening) to the tensor its values are made in; every tensor on that chain gets the
        // same quantisation, so a runtime can pool and flatten in uint8 and fuse the ReLU and the
        // requantisation into the integer convolution before it.
        Map<String, NodeProto> producers = g.producers();
        Map<String, String> calibratedAs = new LinkedHashMap<>();
        for (NodeProto n : targets) {
            List<String> chain = new ArrayList<>(List.of(n.getInput(0)));
            NodeProto p = producers.get(n.getInput(0));
            while (p != null && PASS_THROUGH.contains(p.getOpType())) {
                chain.add(p.getInput(0));
                p = producers.get(p.getInput(0));
            }
            String origin = chain.get(chain.size() - 1);
            chain.forEach(t -> calibratedAs.putIfAbsent(t, origin));
        }
        List<String> origins = calibratedAs.values().stream().distinct().toList();
        ModelProto prepared = source.toBuilder().setGraph(g.build()).build();
        Map<String, ActivationRange> ranges =
                Calibrator.ranges(
                        prepared, origins, metadata.architecture().input(), calibration, config);

        List<NodeProto> original = new ArrayList<>(g.nodes());
        g.nodes().clear();
        Map<String, String[]> parameters = new HashMap<>();
        Map<String, String> dequantized = new HashMap<>();
        for (String t : calibratedAs.keySet()) {
            if (!producers.containsKey(t)) {
                dequantized.put(t, fakeQuantize(g, t, ranges.get(calibratedAs.get(t)), parameters));
            }
        }
        for (NodeProto n : original) {
            NodeProto.Builder b = n.toBuilder();
            for (int i = 0; i < n.getInputCount(); i++) {
                String renamed = dequantized.get(n.getInput(i));
                if (renamed != null) {
                    b.setInput(i, renamed);
                }
            }
            if (targets.contains(n)) {
                b.setInput(
                        1,
                        quantizeWeight(
                                g,
                                g.initializers().get(n.getInput(1)),
                                config.reduceRange() ? 63 : 127));
            }
            g.addNode(b.build());
            for (String out : n.getOutputList()) {
                if (calibratedAs.containsKey(out)) {
                    dequantized.put(
                            out,
                            fakeQuantize(g, out, ranges.get(calibratedAs.get(out)), parameters));
                }
            }
        }
        g.pruneInitializers();

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scheme", "QDQ");
        details.put(
                "weights",
                (config.reduceRange() ? "int8 holding 7 bits [-63, 63]" : "int8 [-127, 127]")
                        + ", symmetric, per output channel (Conv axis 0, Gemm per unit)");
        details.put(
                "activations",
                "uint8, asymmetric, per tensor, on the inputs of Conv and Gemm (one range through"
                        + " MaxPool and Flatten)");
        details.put(
                "ranges",
                config.ranges() == QuantizationConfig.RangeMethod.MIN_MAX
                        ? "min-max"
                        : "percentile " + config.percentile());
        details.put("calibration", calibration.description());
        details.put("calibrationImages", calibration.count());
        details.put("foldedBatchNorms", folded);
        details.put("quantizedLayers", targets.size());
        OnnxMetadata int8 =
                metadata.compressed(
                        COMPRESSION, Map.of("quantization", Json.writeCompact(details)));
        ModelProto out =
                ModelProtos.model(
                        g.build(),
                        int8.toProperties(),
                        source.getDocString() + "; int8 weights (QDQ), calibrated activations");
        return new Quantized(
                out.toByteArray(), new ArrayList<>(ranges.values()), targets.size(), folded);
    }

    /**
     * Adds a QuantizeLinear/DequantizeLinear pair after a tensor; tensors of one range share the
     * scale and zero-point initializers.
     */
    private static String fakeQuantize(
            GraphBuilder g, String tensor, ActivationRange r, Map<String, String[]> parameters) {
        String[] sz =
                parameters.computeIfAbsent(
                        r.tensor(),
                        t ->
                                new String[] {
                                    g.constant(
                                            "x_scale", Tensors.floats("", new float[] {r.scale()})),
                                    g.constant(
                                            "x_zero",
                                            Tensors.uint8("", new byte[] {(byte) r.zeroPoint()}))
                                });
        String q = g.add("QuantizeLinear", List.of(tensor, sz[0], sz[1]));
        return g.add("DequantizeLinear", List.of(q, sz[0], sz[1]));
    }

    /** Symmetric int8 per output channel (axis 0): scale = max |w| / limit, zero point 0. */
    private static String quantizeWeight(GraphBuilder g, TensorProto weight, int limit) {
        float[] w = Tensors.toFloats(weight);
        long[] dims = Tensors.dims(weight);
        int channels = (int) dims[0];
        int per = w.length / channels;
        byte[] q = new byte[w.length];
        float[] scales = new float[channels];
        for (int c = 0; c < channels; c++) {
            float maxAbs = 0;
            for (int k = 0; k < per; k++) {
                maxAbs = Math.max(maxAbs, Math.abs(w[c * per + k]));
            }
            float scale = maxAbs > 0 ? maxAbs / limit : 1f;
            scales[c] = scale;
            for (int k = 0; k < per; k++) {
                int v = Math.round(w[c * per + k] / scale);
                q[c * per + k] = (byte) Math.max(-limit, Math.min(limit, v));
            }
        }
        String qName = g.constant("w_int8", Tensors.int8("", q, dims));
        String scale = g.constant("w_scale", Tensors.floats("", scales, channels));
        String zero = g.constant("w_zero", Tensors.int8("", new byte[channels], channels));
        return g.add("DequantizeLinear", List.of(qName, scale, zero), attr("axis", 0));
    }
}
