/**
 * ONNX models: exporting a trained DJL classifier to a standard ONNX file with its provenance in
 * the metadata, and running such files with ONNX Runtime as an {@code ImageModel}. Depends on the
 * vision and core packages, ONNX Runtime and the ONNX protobuf classes. The exporter is stateless;
 * {@code OnnxClassifier} is thread-safe.
 */
package dev.worldmind.model.onnx;
