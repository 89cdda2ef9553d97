/**
 * Intent detection by example: each intent is a handful of example sentences, and a user's text
 * takes the intent of its nearest example by sentence-embedding cosine, if close enough. Depends
 * only on the embedder contract; detectors are immutable and thread-safe.
 */
package dev.worldmind.model.language.intent;
