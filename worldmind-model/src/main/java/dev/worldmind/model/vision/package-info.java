/**
 * Image classification networks: the named architectures and the classifier that runs them.
 * Compiles against DJL's engine-neutral API only. Specs are immutable; a classifier owns a native
 * model and is not thread-safe.
 */
package dev.worldmind.model.vision;
