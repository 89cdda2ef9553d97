package dev.worldmind.model.compress;

import java.util.List;

/**
 * An int8-quantised ONNX model and what was done to make it.
 *
 * @param model the serialised ONNX model
 * @param activations the calibrated range of every quantised activation
 * @param quantizedLayers how many Conv and Gemm layers got int8 weights
 * @param foldedBatchNorms how many batch norms were folded into the layer before them
 */
public record Quantized(
        byte[] model,
        List<ActivationRange> activations,
        int quantizedLayers,
        int foldedBatchNorms) {
    public Quantized {
        activations = List.copyOf(activations);
    }

    /** Returns the model's size in bytes. */
    public long size() {
        return model.length;
    }
}
