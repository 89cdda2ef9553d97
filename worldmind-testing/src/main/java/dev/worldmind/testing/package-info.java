/**
 * Fixtures that several modules' tests share: the test home and its datasets, fresh H2 and
 * PostgreSQL databases, and child JVMs for tests that kill a process. Used in test scope only;
 * depends on the data layer and JUnit's API. {@link dev.worldmind.testing.TestHome} and {@link
 * dev.worldmind.testing.TestDatabases} are thread-safe.
 */
package dev.worldmind.testing;
