/**
 * Provenance records: which configuration, seed, data, code and runtime produced an artifact. The
 * records are immutable and thread-safe; this package depends on the JDK only.
 */
package dev.worldmind.core.provenance;
