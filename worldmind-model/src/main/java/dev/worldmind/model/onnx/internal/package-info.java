/**
 * Building blocks for reading and writing ONNX protobufs (graphs, tensors, whole models), shared by
 * the exporter and the quantiser. Not API. Builders are not thread-safe; the static helpers are.
 */
package dev.worldmind.model.onnx.internal;
