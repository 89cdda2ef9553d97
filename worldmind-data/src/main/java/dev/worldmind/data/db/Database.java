package dev.worldmind.data.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import java.util.Arrays;
import java.util.Comparator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * An open world database: a connection pool whose schema has been migrated to this build's version.
 * Open it once per process and share it; close it on shutdown.
 *
 * <pre>{@code
 * try (Database db = Database.open(DatabaseConfig.h2File(home.resolve("world")))) {
 *     AccountStore accounts = new AccountStore(db);
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {
    /** Where the migration scripts are, {@code V1__world.sql} and up. */
    static final String MIGRATIONS = "classpath:dev/worldmind/data/db/migration";

    private final DatabaseConfig config;
    private final HikariDataSource pool;
    private final String schemaVersion;

    private Database(DatabaseConfig config, HikariDataSource pool, String schemaVersion) {
        this.config = config;
        this.pool = pool;
        this.schemaVersion = schemaVersion;
    }

    /**
     * Opens the pool and migrates the schema to this build's version.
     *
     * @param config where the database is
     * @return the open database
     * @throws DatabaseException when the database is in use by another process, unreachable, or has
     *     a schema newer than this build
     */
    public static Database open(DatabaseConfig config) {
        HikariDataSource pool = openPool(config);
        try {
            return new Database(config, pool, migrate(config, pool));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static HikariDataSource openPool(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("worldmind-db");
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setConnectionTimeout(10_000);
        if (config.dialect() == Dialect.H2) {
            // An embedded H2 database closes when its last connection does; never retiring
            // connections keeps it open (and its file lock held) for the pool's whole life.
            hikari.setMaxLifetime(0);
        }
        try {
            return new HikariDataSource(hikari);
        } catch (PoolInitializationException e) {
            throw OpenFailures.explain(config, e.getCause() == null ? e : e.getCause());
        }
    }

    private static String migrate(DatabaseConfig config, DataSource pool) {
        Flyway flyway = Flyway.configure().dataSource(pool).locations(MIGRATIONS).load();
        try {
            MigrationInfoService info = flyway.info();
            MigrationVersion known =
                    Arrays.stream(info.all())
                            .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                            .map(MigrationInfo::getVersion)
                            .max(Comparator.naturalOrder())
                            .orElse(MigrationVersion.EMPTY);
            for (MigrationInfo m : info.applied()) {
                if (m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED) {
                    throw new DatabaseException(
                            "the database "
                                    + OpenFailures.where(config)
                                    + " has schema version "
                                    + m.getVersion()
                                    + ", newer than this Worldmind build knows ("
                                    + known
                                    + "); run the Worldmind release that upgraded it, or a newer"
                                    + " one");
                }
            }
            flyway.migrate();
            MigrationInfo current = flyway.info().current();
            return current == null ? "0" : current.getVersion().getVersion();
        } catch (FlywayException e) {
            throw new DatabaseException(
                    "cannot migrate the database "
                            + OpenFailures.where(config)
                            + " to this build's schema: "
                            + e.getMessage(),
                    e);
        }
    }

    /** Returns the pooled data source; connections are in auto-commit mode. */
    public DataSource dataSource() {
        return pool;
    }

    /** Whether a connection can be had and answers within a second (for readiness probes). */
    public boolean isUp() {
        try (java.sql.Connection c = pool.getConnection()) {
            return c.isValid(1);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    /** Returns the database product. */
    public Dialect dialect() {
        return config.dialect();
    }

    /** Returns the schema version after migration, e.g. {@code "1"}. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** Returns the configuration the database was opened with. */
    public DatabaseConfig config() {
        return config;
    }

    /** Closes every connection; an embedded H2 database is closed with its last connection. */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "Database[" + OpenFailures.where(config) + ", schema " + schemaVersion + "]";
    }
}
