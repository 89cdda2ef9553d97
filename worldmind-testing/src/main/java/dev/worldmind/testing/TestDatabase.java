package dev.worldmind.testing;

import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.DatabaseConfig;
import java.nio.file.Path;

/**
 * The databases a data test runs on. Use it to run one test on both:
 *
 * <pre>{@code
 * @ParameterizedTest
 * @EnumSource(TestDatabase.class)
 * void remembersAccounts(TestDatabase kind, @TempDir Path dir) {
 *     try (Database db = kind.open(dir)) { ... }
 * }
 * }</pre>
 *
 * The PostgreSQL run is skipped (not failed) with the reason when no server is configured.
 */
public enum TestDatabase {
    /** A fresh embedded H2 file in the test's folder. */
    H2,
    /** A fresh schema in the PostgreSQL server of {@code WORLDMIND_TEST_POSTGRES_URL}. */
    POSTGRESQL;

    /**
     * Returns the configuration of a fresh, empty database of this kind; aborts the test (a JUnit
     * assumption) for PostgreSQL when no server is configured.
     *
     * @param dir a folder of the test's own (e.g. {@code @TempDir}), for H2's file
     * @return the configuration
     */
    public DatabaseConfig config(Path dir) {
        return this == H2 ? TestDatabases.h2(dir) : TestDatabases.requirePostgres();
    }

    /**
     * Opens a fresh, empty and migrated database of this kind.
     *
     * @param dir a folder of the test's own, for H2's file
     * @return the open database, for the test to close
     */
    public Database open(Path dir) {
        return Database.open(config(dir));
    }
}
