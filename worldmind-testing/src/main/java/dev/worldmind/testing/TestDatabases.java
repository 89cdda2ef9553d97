package dev.worldmind.testing;

import dev.worldmind.data.db.DatabaseConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh databases for tests: an H2 file in a test's folder, or a new schema of its own in the
 * PostgreSQL server named by the environment ({@value #URL_ENV}, {@value #USER_ENV}, {@value
 * #PASSWORD_ENV}; {@code .ci/run} sets them), so tests never see each other's data.
 */
public final class TestDatabases {
    /** The JDBC URL of the PostgreSQL database tests may create schemas in. */
    public static final String URL_ENV = "WORLDMIND_TEST_POSTGRES_URL";

    /** Its user. */
    public static final String USER_ENV = "WORLDMIND_TEST_POSTGRES_USER";

    /** Its password. */
    public static final String PASSWORD_ENV = "WORLDMIND_TEST_POSTGRES_PASSWORD";

    private static final String SCHEMA_PREFIX = "wmtest_";

    /** Schemas left behind by runs this old are dropped (a run never takes that long). */
    private static final Duration STALE = Duration.ofHours(6);

    private static boolean cleaned;

    private TestDatabases() {}

    /**
     * Returns an embedded H2 database in a test's folder, with the production settings.
     *
     * @param dir a folder of the test's own (e.g. {@code @TempDir})
     * @return the configuration
     */
    public static DatabaseConfig h2(Path dir) {
        return DatabaseConfig.h2File(dir.resolve("worldmind"));
    }

    /**
     * Returns a fresh, empty schema in the configured PostgreSQL database, or empty when {@value
     * #URL_ENV} is not set.
     *
     * @return the configuration, whose URL selects the new schema
     */
    public static Optional<DatabaseConfig> postgres() {
        String url = System.getenv(URL_ENV);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String user = env(USER_ENV);
        String password = env(PASSWORD_ENV);
        String schema =
                SCHEMA_PREFIX
                        + Instant.now().getEpochSecond()
                        + "_"
                        + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement st = c.createStatement()) {
            dropStaleSchemas(st);
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create a test schema in " + url + " as " + user + ": " + e, e);
        }
        String separator = url.contains("?") ? "&" : "?";
        return Optional.of(
                DatabaseConfig.of(url + separator + "currentSchema=" + schema, user, password));
    }

    /**
     * Returns a fresh PostgreSQL schema, or aborts the calling test with the reason (a JUnit
     * assumption: the test is reported as skipped) when no server is configured.
     *
     * @return the configuration
     */
    public static DatabaseConfig requirePostgres() {
        Optional<DatabaseConfig> config = postgres();
        Assumptions.assumeTrue(
                config.isPresent(),
                "PostgreSQL tests skipped: set "
                        + URL_ENV
                        + ", "
                        + USER_ENV
                        + " and "
                        + PASSWORD_ENV
                        + " (as .ci/run does) to run them");
        return config.orElseThrow();
    }

    private static synchronized void dropStaleSchemas(Statement st) throws SQLException {
        if (cleaned) {
            return;
        }
        cleaned = true;
        List<String> stale = new ArrayList<>();
        long oldest = Instant.now().minus(STALE).getEpochSecond();
        try (ResultSet rs =
                st.executeQuery(
                        "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'wmtest\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.split("_");
                if (parts.length == 3
                        && parts[1].matches("\\d+")
                        && Long.parseLong(parts[1]) < oldest) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            st.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
