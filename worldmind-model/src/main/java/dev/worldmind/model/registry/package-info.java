/**
 * The model registry: versioned, immutable model folders with manifests, weights, reports and
 * provenance, and a format version checked on every load; the kinds of models as plugins ({@link
 * dev.worldmind.model.registry.ModelKind}, found by {@link
 * dev.worldmind.model.registry.ModelKinds}). Compiles against DJL's API and ONNX Runtime (for ONNX
 * versions). The registry is stateless over its folder and safe to use from several threads and
 * processes.
 */
package dev.worldmind.model.registry;
