/**
 * The characters who live in the world's spaces: their persona, speaking style and knowledge (from
 * YAML files), the intents they understand, and an embedded responder that answers from retrieved
 * knowledge without any LLM. Depends on the model layer's retrieval and intent packages;
 * definitions and libraries are immutable and thread-safe.
 */
package dev.worldmind.app.character;
