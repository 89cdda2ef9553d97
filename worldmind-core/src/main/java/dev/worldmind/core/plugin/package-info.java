/**
 * Finding extension points' implementations (datasets, recommender algorithms) with {@link
 * java.util.ServiceLoader} in a stable order. Depends on the JDK only; stateless and thread-safe.
 */
package dev.worldmind.core.plugin;
