/**
 * The characters who live in the world's spaces: their persona, speaking style and knowledge (from
 * YAML files), the intents they understand, an embedded responder that answers from retrieved
 * knowledge without any LLM, and {@link dev.worldmind.app.character.CharacterHost}, the talk facade
 * that adds moderation, sentiment-driven emotions, LLM dialogue with fallback and per-user memory.
 * Depends on the model layer's language packages and the data layer's conversation store;
 * definitions and libraries are immutable, the host is thread-safe and owns its worker threads.
 */
package dev.worldmind.app.character;
