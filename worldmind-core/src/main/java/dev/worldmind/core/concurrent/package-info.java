/**
 * Small concurrency helpers shared by the layers: named daemon threads. Depends on the JDK only;
 * thread-safe.
 */
package dev.worldmind.core.concurrent;
