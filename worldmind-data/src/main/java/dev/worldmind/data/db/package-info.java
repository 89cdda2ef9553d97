/**
 * The world's database: configuration, the pooled {@link dev.worldmind.data.db.Database} (HikariCP)
 * and its schema migrations (Flyway), on embedded H2 or PostgreSQL. Depends on core, the JDBC
 * drivers, HikariCP and Flyway; {@code Database} and the configuration records are thread-safe.
 */
package dev.worldmind.data.db;
