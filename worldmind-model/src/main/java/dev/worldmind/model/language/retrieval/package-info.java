/**
 * Retrieval over a character's knowledge: text is cut into short passages, embedded once with a
 * {@link dev.worldmind.model.language.TextEmbedder}, and searched by cosine similarity. Depends
 * only on the embedder contract; indexes are immutable and thread-safe.
 */
package dev.worldmind.model.language.retrieval;
