package dev.worldmind.data.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.data.accounts.AccountStore;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatabaseTest {
    /** The newest schema version, that of the last migration script (bump it with each one). */
    static final String LATEST = "7";

    /** A version a later release might leave behind. */
    static final String FUTURE = String.valueOf(Integer.parseInt(LATEST) + 1);

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void migratesAFreshDatabaseToTheLatestVersion(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            assertThat(db.schemaVersion()).isEqualTo(LATEST);
            assertThat(db.dialect().name()).isEqualTo(kind.name());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keepsDataAcrossARestartWithoutMigratingAgain(TestDatabase kind) throws SQLException {
        DatabaseConfig config = kind.config(dir);
        long id;
        try (Database db = Database.open(config)) {
            id = new AccountStore(db).create("ada", "hash", Role.ADMIN).id();
        }
        try (Database db = Database.open(config)) {
            assertThat(new AccountStore(db).find(id)).map(a -> a.username()).contains("ada");
            assertThat(db.schemaVersion()).isEqualTo(LATEST);
            assertThat(
                            count(
                                    db,
                                    "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '2'"))
                    .isOne();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesASchemaNewerThanThisBuild(TestDatabase kind) throws SQLException {
        DatabaseConfig config = kind.config(dir);
        try (Database db = Database.open(config);
                Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            // What a later Worldmind release would leave behind (Flyway quotes its names).
            st.executeUpdate(
                    "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                            + " \"description\", \"type\", \"script\", \"checksum\","
                            + " \"installed_by\", \"execution_time\", \"success\")"
                            + " VALUES (99, '"
                            + FUTURE
                            + "', 'future', 'SQL', 'V"
                            + FUTURE
                            + "__future.sql', 0, 'test', 1, TRUE)");
        }
        assertThatThrownBy(() -> Database.open(config))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining(
                        "has schema version "
                                + FUTURE
                                + ", newer than this Worldmind build knows ("
                                + LATEST
                                + ")");
    }

    @Test
    void explainsAnUnreachablePostgreSql() {
        DatabaseConfig config =
                DatabaseConfig.of("jdbc:postgresql://127.0.0.1:1/worldmind", "wm", "secret");
        assertThatThrownBy(() -> Database.open(config))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith(
                        "cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/worldmind")
                .hasMessageContaining("is the server running");
    }

    @Test
    void validatesConfigurationsAndHidesThePassword() {
        DatabaseConfig config = DatabaseConfig.of("jdbc:postgresql://db/worldmind", "wm", "s3cret");
        assertThat(config.toString()).doesNotContain("s3cret").contains("password=***");
        assertThat(config.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(DatabaseConfig.h2File(dir.resolve("world")).url())
                .startsWith("jdbc:h2:file:" + dir.toAbsolutePath())
                .endsWith(";WRITE_DELAY=0");
        assertThatThrownBy(() -> DatabaseConfig.of("jdbc:mysql://db/w", "u", "p"))
                .hasMessageContaining("H2 (jdbc:h2:...) or PostgreSQL");
        assertThatThrownBy(() -> new DatabaseConfig("jdbc:h2:mem:x", "sa", "", 0))
                .hasMessageContaining("maxPoolSize");
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
