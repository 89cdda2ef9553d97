/**
 * Serving registered models: dynamic batching with a bounded queue, per-model deployments that
 * follow the registry's {@code latest} and {@code stable} aliases (hot reload and rollback without
 * losing a request), and Micrometer meters. Depends on the registry and the vision models, not on
 * HTTP; every public type here is thread-safe.
 */
package dev.worldmind.model.serve;
