/**
 * JSON reading and writing with one shared Jackson configuration. Depends on Jackson and the core
 * exceptions; the shared mapper is thread-safe.
 */
package dev.worldmind.core.json;
