/**
 * Labelled text for the language models: sentences and messages with their class, grouped into
 * corpora that split deterministically. Depends on core only; every type here is immutable and
 * thread-safe.
 */
package dev.worldmind.data.text;
