package dev.worldmind.data.db;

import dev.worldmind.core.InvalidDataException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the database is and how to log in.
 *
 * @param url the JDBC URL, {@code jdbc:h2:...} or {@code jdbc:postgresql:...}
 * @param user the user name (may be empty for H2)
 * @param password the password (may be empty); never shown by {@link #toString()}
 * @param maxPoolSize the most connections the pool opens, 1 to 100
 */
public record DatabaseConfig(String url, String user, String password, int maxPoolSize) {
    /** The pool size of {@link #of} and {@link #h2File}: plenty for a world server on a laptop. */
    public static final int DEFAULT_POOL_SIZE = 8;

    /**
     * H2 settings that make every committed transaction survive the process being killed (kill -9,
     * a JVM crash). By default H2's MVStore keeps commits in memory and writes them to the file
     * from a background thread up to {@code WRITE_DELAY} (500 ms) later, so a killed process loses
     * its last commits (CrashDurabilityIT shows it: without this setting it loses events). {@code
     * WRITE_DELAY=0} makes H2 write the store at each commit, before the commit returns. It does
     * not fsync: an operating system crash or power cut can still lose the last commits. The cost
     * is one file write per transaction, which is why events are appended in batches.
     */
    static final String H2_DURABLE_SETTINGS = ";WRITE_DELAY=0";

    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        Dialect.of(url);
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (maxPoolSize < 1 || maxPoolSize > 100) {
            throw new InvalidDataException("maxPoolSize must be 1 to 100, not " + maxPoolSize);
        }
    }

    /**
     * Configures an embedded H2 database in a file, with the settings that keep committed data when
     * the process is killed.
     *
     * @param fileWithoutSuffix the database file without H2's {@code .mv.db} suffix
     * @return the configuration
     */
    public static DatabaseConfig h2File(Path fileWithoutSuffix) {
        String path = fileWithoutSuffix.toAbsolutePath().normalize().toString();
        if (path.contains(";")) {
            throw new InvalidDataException("an H2 database path cannot contain ';': " + path);
        }
        return new DatabaseConfig(
                "jdbc:h2:file:" + path + H2_DURABLE_SETTINGS, "sa", "", DEFAULT_POOL_SIZE);
    }

    /**
     * Configures a database by URL with the default pool size.
     *
     * @param url the JDBC URL
     * @param user the user name
     * @param password the password
     * @return the configuration
     */
    public static DatabaseConfig of(String url, String user, String password) {
        return new DatabaseConfig(url, user, password, DEFAULT_POOL_SIZE);
    }

    /** Returns the database product the URL points at. */
    public Dialect dialect() {
        return Dialect.of(url);
    }

    /**
     * Returns the same configuration with another pool size.
     *
     * @param size the most connections, 1 to 100
     */
    public DatabaseConfig withMaxPoolSize(int size) {
        return new DatabaseConfig(url, user, password, size);
    }

    /** Describes the configuration without its password. */
    @Override
    public String toString() {
        return "DatabaseConfig[url="
                + url
                + ", user="
                + user
                + ", password="
                + (password.isEmpty() ? "" : "***")
                + ", maxPoolSize="
                + maxPoolSize
                + "]";
    }
}
