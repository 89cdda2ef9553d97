/**
 * Model compression: making a trained network smaller after training, by magnitude pruning of the
 * DJL model (zeroing the least important weights, then fine-tuning around the gaps) and by
 * post-training static int8 quantisation of its ONNX export (QDQ form, per-channel int8 weights,
 * activations calibrated in ONNX Runtime). Masks, schedules, configurations and reports are
 * immutable values; pruning changes the classifier it is given, which is not thread-safe; the
 * quantiser is thread-safe.
 */
package dev.worldmind.model.compress;
