/**
 * Model compression: post-training static int8 quantisation of Worldmind ONNX models (QDQ form,
 * per-channel int8 weights, activations calibrated in ONNX Runtime). Depends on the ONNX package
 * and ONNX Runtime, not on DJL. Configurations and results are immutable; the quantiser is
 * thread-safe.
 */
package dev.worldmind.model.compress;
