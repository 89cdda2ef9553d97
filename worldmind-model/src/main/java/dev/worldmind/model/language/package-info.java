/**
 * Language models: sentence embeddings from a pretrained Transformer, and what is built on them.
 * Depends on the data layer, ONNX Runtime and LangChain4j; embedders are thread-safe and own native
 * sessions, so close them.
 */
package dev.worldmind.model.language;
