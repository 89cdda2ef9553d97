/**
 * The model registry: versioned, immutable model folders with manifests, weights, reports and
 * provenance, and a format version checked on every load. Compiles against DJL's API and ONNX
 * Runtime (for ONNX versions). The registry is stateless over its folder and safe to use from
 * several threads and processes.
 */
package dev.worldmind.model.registry;
