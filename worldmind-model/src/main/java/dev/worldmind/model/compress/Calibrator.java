package dev.worldmind.model.compress;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.model.onnx.OnnxFormat;
import dev.worldmind.model.onnx.internal.GraphBuilder;
import dev.worldmind.model.vision.ImageShape;
import java.nio.FloatBuffer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures activation ranges: runs the fp32 model in ONNX Runtime on the calibration images with
 * the tensors of interest exposed as extra graph outputs. Min/max needs one pass; percentiles a
 * second one that fills a histogram per tensor between the min and max of the first.
 */
final class Calibrator {
    private static final int BINS = 4096;

    private Calibrator() {}

    static Map<String, ActivationRange> ranges(
            ModelProto model,
            List<String> tensors,
            ImageShape input,
            CalibrationSet data,
            QuantizationConfig config) {
        if (data.imageSize() != input.size()) {
            throw new InvalidDataException(
                    "calibration images have "
                            + data.imageSize()
                            + " values, the model takes "
                            + input.size());
        }
        GraphBuilder g = GraphBuilder.of(model.getGraph());
        var existing = new HashSet<String>();
        g.outputs().forEach(o -> existing.add(o.getName()));
        for (String t : tensors) {
            if (!existing.contains(t)) {
                g.addOutput(GraphBuilder.floatValue(t));
            }
        }
        byte[] augmented = model.toBuilder().setGraph(g.build()).build().toByteArray();
        int n = tensors.size();
        float[] min = new float[n];
        float[] max = new float[n];
        java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
        long[][] histograms = new long[n][BINS];
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(2);
            // Keep every calibrated tensor as it is in the graph being quantised.
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            try (OrtSession session = env.createSession(augmented, options)) {
                int passes = config.ranges() == QuantizationConfig.RangeMethod.PERCENTILE ? 2 : 1;
                for (int pass = 0; pass < passes; pass++) {
                    for (int start = 0; start < data.count(); start += config.batchSize()) {
                        int count = Math.min(config.batchSize(), data.count() - start);
                        float[] batch = new float[count * input.size()];
                        System.arraycopy(
                                data.images01(), start * input.size(), batch, 0, batch.length);
                        long[] shape = {count, input.channels(), input.height(), input.width()};
                        try (OnnxTensor x =
                                        OnnxTensor.createTensor(
                                                env, FloatBuffer.wrap(batch), shape);
                                OrtSession.Result r =
                                        session.run(
                                                Map.of(OnnxFormat.INPUT, x),
                                                new HashSet<>(tensors))) {
                            for (int t = 0; t < n; t++) {
                                FloatBuffer v =
                                        ((OnnxTensor) r.get(tensors.get(t)).orElseThrow())
                                                .getFloatBuffer();
                                if (pass == 0) {
                                    while (v.hasRemaining()) {
                                        float f = v.get();
                                        min[t] = Math.min(min[t], f);
                                        max[t] = Math.max(max[t], f);
                                    }
                                } else {
                                    fill(histograms[t], v, min[t], max[t]);
                                }
                            }
                        }
                    }
                }
            }
        } catch (OrtException e) {
            throw new WorldmindException("calibration run failed: " + e.getMessage(), e);
        }
        Map<String, ActivationRange> out = new LinkedHashMap<>();
        for (int t = 0; t < n; t++) {
            float lo = min[t];
            float hi = max[t];
            if (config.ranges() == QuantizationConfig.RangeMethod.PERCENTILE) {
                double tail = (100 - config.percentile()) / 100;
                lo = value(histograms[t], min[t], max[t], tail);
                hi = value(histograms[t], min[t], max[t], 1 - tail);
            }
            out.put(tensors.get(t), ActivationRange.uint8(tensors.get(t), lo, hi));
        }
        return out;
    }

    private static void fill(long[] histogram, FloatBuffer v, float min, float max) {
        float width = (max - min) / BINS;
        while (v.hasRemaining()) {
            float f = v.get();
            int bin = width > 0 ? (int) ((f - min) / width) : 0;
            histogram[Math.max(0, Math.min(BINS - 1, bin))]++;
        }
    }

    /** The value below which the given share of the histogram's mass lies (bin edge). */
    private static float value(long[] histogram, float min, float max, double share) {
        long total = 0;
        for (long c : histogram) {
            total += c;
        }
        double target = share * total;
        long seen = 0;
        for (int b = 0; b < histogram.length; b++) {
            seen += histogram[b];
            if (seen >= target) {
                float edge = share < 0.5 ? b : b + 1;
                return min + (max - min) * edge / histogram.length;
            }
        }
        return max;
    }
}
