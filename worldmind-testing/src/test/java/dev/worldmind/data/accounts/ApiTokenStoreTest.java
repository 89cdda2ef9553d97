package dev.worldmind.data.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.db.Database;
import dev.worldmind.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApiTokenStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00.123456Z");

    @TempDir Path dir;

    private static ApiToken token(String hash, long account, Set<String> scopes, Duration ttl) {
        return new ApiToken(0, hash, account, "script", scopes, T0, T0.plus(ttl));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void storesListsFindsAndRevokesTokensOfOneAccountOnly(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            AccountStore accounts = new AccountStore(db);
            long ada = accounts.create("ada", "h", Role.VISITOR).id();
            long bob = accounts.create("bob", "h", Role.VISITOR).id();
            ApiTokenStore tokens = new ApiTokenStore(db);
            ApiToken a =
                    tokens.create(
                            token("hash-a", ada, Set.of("read", "predict"), Duration.ofDays(1)));
            tokens.create(token("hash-b", bob, Set.of("read"), Duration.ofHours(1)));
            assertThat(a.id()).isPositive();
            assertThat(tokens.find("hash-a")).contains(a);
            assertThat(tokens.find("nope")).isEmpty();
            assertThat(tokens.list(ada)).containsExactly(a);
            assertThat(tokens.delete(a.id(), bob)).isFalse(); // not bob's to revoke
            assertThat(tokens.find("hash-a")).isPresent();
            assertThat(tokens.delete(a.id(), ada)).isTrue();
            assertThat(tokens.find("hash-a")).isEmpty();
            assertThat(tokens.deleteExpired(T0.plus(Duration.ofHours(2)))).isEqualTo(1);
            assertThat(tokens.list(bob)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAccountsTokensGoWithIt(TestDatabase kind) throws Exception {
        try (Database db = kind.open(dir)) {
            long ada = new AccountStore(db).create("ada", "h", Role.VISITOR).id();
            ApiTokenStore tokens = new ApiTokenStore(db);
            tokens.create(token("hash-a", ada, Set.of("read"), Duration.ofDays(1)));
            try (var c = db.dataSource().getConnection();
                    var s = c.createStatement()) {
                s.executeUpdate("DELETE FROM accounts WHERE id = " + ada);
            }
            assertThat(tokens.find("hash-a")).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void refusesBadTokens() {
        assertThatThrownBy(() -> token("h", 1, Set.of(), Duration.ofDays(1)))
                .isInstanceOf(InvalidDataException.class);
        assertThatThrownBy(() -> token("h", 1, Set.of("READ"), Duration.ofDays(1)))
                .isInstanceOf(InvalidDataException.class);
        assertThatThrownBy(() -> token("h", 1, Set.of("read"), Duration.ZERO))
                .isInstanceOf(InvalidDataException.class);
    }
}
