package dev.worldmind.data.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.AlreadyExistsException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.db.Database;
import dev.worldmind.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SessionStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00.123456Z");
    private static final Duration IDLE = Duration.ofMinutes(30);

    @TempDir Path dir;

    private static Session session(String token, long accountId, Instant at) {
        return new Session(
                token, accountId, "csrf-" + token, at, at, at.plus(Duration.ofHours(12)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void storesFindsTouchesAndDeletesSessions(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            long ada = new AccountStore(db).create("ada", "h", Role.VISITOR).id();
            SessionStore sessions = new SessionStore(db);
            Session s = session("token-a", ada, T0);
            sessions.create(s);
            assertThat(sessions.find("token-a")).contains(s);
            assertThat(sessions.find("token-b")).isEmpty();

            Instant later = T0.plus(Duration.ofMinutes(10));
            sessions.touch("token-a", later);
            assertThat(sessions.find("token-a")).map(Session::lastSeenAt).contains(later);
            sessions.touch("token-b", later); // unknown: nothing to do

            sessions.delete("token-a");
            assertThat(sessions.find("token-a")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesUnknownAccountsAndDuplicateTokens(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            long ada = new AccountStore(db).create("ada", "h", Role.VISITOR).id();
            SessionStore sessions = new SessionStore(db);
            assertThatThrownBy(() -> sessions.create(session("t", ada + 100, T0)))
                    .isInstanceOf(NotFoundException.class);
            sessions.create(session("t", ada, T0));
            assertThatThrownBy(() -> sessions.create(session("t", ada, T0)))
                    .isInstanceOf(AlreadyExistsException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deletesIdleAndExpiredSessions(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            long ada = new AccountStore(db).create("ada", "h", Role.VISITOR).id();
            SessionStore sessions = new SessionStore(db);
            Instant now = T0.plus(Duration.ofHours(13));
            sessions.create(session("old", ada, T0)); // past its 12 h expiry
            sessions.create(session("idle", ada, now.minus(IDLE))); // idle for exactly 30 min
            Session live = session("live", ada, now.minus(IDLE).plusSeconds(1));
            sessions.create(live);

            assertThat(live.isLive(now, IDLE)).isTrue();
            assertThat(sessions.deleteExpired(now, IDLE)).isEqualTo(2);
            assertThat(sessions.find("live")).isPresent();
            assertThat(sessions.find("idle")).isEmpty();
            assertThat(sessions.find("old")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void endsEveryOtherSessionOfAnAccount(TestDatabase kind) throws Exception {
        try (Database db = kind.open(dir)) {
            AccountStore accounts = new AccountStore(db);
            long ada = accounts.create("ada", "h", Role.VISITOR).id();
            long bob = accounts.create("bob", "h", Role.VISITOR).id();
            SessionStore sessions = new SessionStore(db);
            sessions.create(session("a1", ada, T0));
            sessions.create(session("a2", ada, T0));
            sessions.create(session("b1", bob, T0));

            sessions.deleteForAccount(ada);
            assertThat(sessions.find("a1")).isEmpty();
            assertThat(sessions.find("a2")).isEmpty();
            assertThat(sessions.find("b1")).isPresent();

            // Deleting an account (no API yet: an admin's SQL) deletes its sessions too.
            try (Connection c = db.dataSource().getConnection();
                    Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM accounts WHERE id = " + bob);
            }
            assertThat(sessions.find("b1")).isEmpty();
        }
    }
}
