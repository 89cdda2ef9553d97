package dev.worldmind.data.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.AlreadyExistsException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.db.Database;
import dev.worldmind.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccountStoreTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void createsAndFindsAccounts(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            AccountStore accounts = new AccountStore(db);
            Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Account ada = accounts.create("ada", "hash-1", Role.VISITOR);
            Account bob = accounts.create("bob", "hash-2", Role.ADMIN);

            assertThat(ada.id()).isPositive();
            assertThat(bob.id()).isGreaterThan(ada.id());
            assertThat(ada.createdAt()).isAfterOrEqualTo(before);
            assertThat(accounts.find(ada.id())).contains(ada);
            assertThat(accounts.findByUsername("bob")).contains(bob);
            assertThat(accounts.passwordHash(ada.id())).contains("hash-1");
            assertThat(accounts.list()).containsExactly(ada, bob);
            assertThat(accounts.count()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesATakenUsername(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            AccountStore accounts = new AccountStore(db);
            accounts.create("ada", "hash", Role.VISITOR);
            assertThatThrownBy(() -> accounts.create("ada", "other", Role.ADMIN))
                    .isInstanceOf(AlreadyExistsException.class)
                    .hasMessage("the username ada is taken");
            assertThat(accounts.count()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void answersEmptyOrNotFoundForUnknownAccounts(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            AccountStore accounts = new AccountStore(db);
            assertThat(accounts.find(42)).isEmpty();
            assertThat(accounts.findByUsername("nobody")).isEmpty();
            assertThat(accounts.passwordHash(42)).isEmpty();
            assertThatThrownBy(() -> accounts.setRole(42, Role.ADMIN))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("42");
            assertThatThrownBy(() -> accounts.setPasswordHash(42, "x"))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keepsBotsWithoutAPasswordAndChangesRolesAndHashes(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            AccountStore accounts = new AccountStore(db);
            Account bot = accounts.create("bot_1", null, Role.VISITOR);
            assertThat(accounts.passwordHash(bot.id())).isEmpty();
            assertThat(accounts.anyWithRole(Role.ADMIN)).isFalse();

            accounts.setRole(bot.id(), Role.ADMIN);
            accounts.setPasswordHash(bot.id(), "new-hash");

            assertThat(accounts.find(bot.id())).map(Account::role).contains(Role.ADMIN);
            assertThat(accounts.anyWithRole(Role.ADMIN)).isTrue();
            assertThat(accounts.anyWithRole(Role.CREATOR)).isFalse();
            assertThat(accounts.passwordHash(bot.id())).contains("new-hash");
        }
    }
}
