/**
 * Fixtures that several modules' tests share: the test home and its datasets. Used in test scope
 * only; depends on the data layer. {@link dev.worldmind.testing.TestHome} is thread-safe.
 */
package dev.worldmind.testing;
