package dev.worldmind.data.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.AlreadyExistsException;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.accounts.Account;
import dev.worldmind.data.accounts.AccountStore;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.data.world.Appearance;
import dev.worldmind.data.world.Avatar;
import dev.worldmind.data.world.AvatarStore;
import dev.worldmind.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NameClaimsTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesUserNamesThatLookLikeAnExistingOne(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            AccountStore accounts = new AccountStore(db);
            accounts.create("admin", "h", Role.ADMIN);
            accounts.create("paypal", "h", Role.VISITOR);
            assertThatThrownBy(() -> accounts.create("adrnin", "h", Role.VISITOR))
                    .isInstanceOf(AlreadyExistsException.class)
                    .hasMessageContaining("looks too much like");
            assertThatThrownBy(() -> accounts.create("paypa1", "h", Role.VISITOR))
                    .isInstanceOf(AlreadyExistsException.class);
            assertThat(accounts.findByUsername("adrnin")).isEmpty();
            assertThat(accounts.create("admins", "h", Role.VISITOR).username()).isEqualTo("admins");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesAvatarNamesThatPassForSomeoneElse(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            AccountStore accounts = new AccountStore(db);
            AvatarStore avatars = new AvatarStore(db);
            Account admin = accounts.create("admin", "h", Role.ADMIN);
            Account ada = accounts.create("ada", "h", Role.VISITOR);
            Account eve = accounts.create("eve", "h", Role.VISITOR);
            avatars.save(new Avatar(ada.id(), "Ada Lovelace", Appearance.DEFAULT));

            // Another account's user name, in capitals or with a zero-width space.
            assertThatThrownBy(
                            () -> avatars.save(new Avatar(eve.id(), "Admin", Appearance.DEFAULT)))
                    .isInstanceOf(AlreadyExistsException.class);
            assertThatThrownBy(
                            () ->
                                    avatars.save(
                                            new Avatar(
                                                    eve.id(), "ad\u200Bmin", Appearance.DEFAULT)))
                    .isInstanceOf(InvalidDataException.class);
            // Another account's avatar name, in other capitals.
            assertThatThrownBy(
                            () ->
                                    avatars.save(
                                            new Avatar(
                                                    eve.id(), "ADA LOVELACE", Appearance.DEFAULT)))
                    .isInstanceOf(AlreadyExistsException.class);
            assertThat(avatars.find(eve.id())).isEmpty();

            // One's own user name, and renaming frees the old name for others.
            avatars.save(new Avatar(admin.id(), "Admin", Appearance.DEFAULT));
            avatars.save(new Avatar(ada.id(), "Countess", Appearance.DEFAULT));
            avatars.save(new Avatar(eve.id(), "Ada Lovelace", Appearance.DEFAULT));
            assertThat(avatars.find(eve.id()).orElseThrow().name()).isEqualTo("Ada Lovelace");
            // The admin's renaming did not give up the user name's claim.
            avatars.save(new Avatar(admin.id(), "Root", Appearance.DEFAULT));
            assertThatThrownBy(
                            () -> avatars.save(new Avatar(eve.id(), "ADMIN", Appearance.DEFAULT)))
                    .isInstanceOf(AlreadyExistsException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void migrationClaimsTheNamesAlreadyThereOldestFirst(TestDatabase kind) throws SQLException {
        DatabaseConfig config = kind.config(dir);
        Flyway.configure()
                .dataSource(config.url(), config.user(), config.password())
                .locations("classpath:dev/worldmind/data/db/migration")
                .target("5")
                .load()
                .migrate();
        try (Connection c =
                        DriverManager.getConnection(
                                config.url(), config.user(), config.password());
                Statement st = c.createStatement()) {
            // Names from before the rule, two of which look alike.
            st.executeUpdate(
                    "INSERT INTO accounts (id, username, role, created_at) VALUES"
                            + " (1, 'admin', 'admin', CURRENT_TIMESTAMP),"
                            + " (2, 'adrnin', 'visitor', CURRENT_TIMESTAMP),"
                            + " (3, 'ada', 'visitor', CURRENT_TIMESTAMP)");
            st.executeUpdate(
                    "INSERT INTO avatars (account_id, name, body, head, accent, shape, height)"
                            + " VALUES (3, 'Ada Lovelace', '#112233', '#445566', '#778899',"
                            + " 'slim', 1.0)");
        }
        try (Database db = Database.open(config)) {
            AccountStore accounts = new AccountStore(db);
            AvatarStore avatars = new AvatarStore(db);
            assertThat(accounts.findByUsername("adrnin")).isPresent();
            assertThatThrownBy(() -> accounts.create("ADMIN", "h", Role.VISITOR))
                    .isInstanceOf(AlreadyExistsException.class);
            assertThatThrownBy(
                            () -> avatars.save(new Avatar(2, "Ada Lovelace", Appearance.DEFAULT)))
                    .isInstanceOf(AlreadyExistsException.class);
            // The younger of two old look-alikes keeps its user name but cannot claim it.
            assertThatThrownBy(() -> avatars.save(new Avatar(2, "adrnin", Appearance.DEFAULT)))
                    .isInstanceOf(AlreadyExistsException.class);
            avatars.save(new Avatar(2, "Marvin", Appearance.DEFAULT));
            avatars.save(new Avatar(3, "Ada L.", Appearance.DEFAULT));
        }
    }
}
