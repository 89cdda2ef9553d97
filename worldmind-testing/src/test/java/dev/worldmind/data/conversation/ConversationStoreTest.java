package dev.worldmind.data.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.accounts.AccountStore;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConversationStoreTest {
    @TempDir Path dir;

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private static ConversationTurn turn(
            long account, String character, Speaker who, String text, int second) {
        return ConversationTurn.of(account, character, who, text, T0.plusSeconds(second));
    }

    private static List<String> texts(List<ConversationTurn> turns) {
        return turns.stream().map(ConversationTurn::text).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void returnsTheMostRecentTurnsOldestFirst(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            long ada = new AccountStore(db).create("ada", null, Role.VISITOR).id();
            long bob = new AccountStore(db).create("bob", null, Role.VISITOR).id();
            ConversationStore store = new ConversationStore(db);
            for (int i = 0; i < 6; i++) {
                store.append(
                        turn(
                                ada,
                                "guide",
                                i % 2 == 0 ? Speaker.USER : Speaker.CHARACTER,
                                "ada-" + i,
                                i));
            }
            store.append(turn(ada, "nurse", Speaker.USER, "ada to the nurse", 10));
            store.append(turn(bob, "guide", Speaker.USER, "bob to the guide", 11));

            List<ConversationTurn> recent = store.recent(ada, "guide", 4);
            assertThat(texts(recent)).containsExactly("ada-2", "ada-3", "ada-4", "ada-5");
            assertThat(recent.get(0).speaker()).isEqualTo(Speaker.USER);
            assertThat(recent.get(1).speaker()).isEqualTo(Speaker.CHARACTER);
            assertThat(recent.get(3).at()).isEqualTo(T0.plusSeconds(5));
            assertThat(recent).allSatisfy(t -> assertThat(t.id()).isPositive());
            assertThat(texts(store.recent(ada, "guide", 100))).hasSize(6);
            assertThat(store.recent(ada, "guide", 0)).isEmpty();
            assertThat(texts(store.recent(bob, "guide", 10))).containsExactly("bob to the guide");
            assertThat(store.recent(bob, "nurse", 10)).isEmpty();
            assertThat(store.count()).isEqualTo(8);
            assertThat(store.count(ada)).isEqualTo(7);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void turnsSaidInTheSameMicrosecondKeepTheirOrder(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            long ada = new AccountStore(db).create("ada", null, Role.VISITOR).id();
            ConversationStore store = new ConversationStore(db);
            List<ConversationTurn> saved =
                    store.appendAll(
                            List.of(
                                    turn(ada, "tutor", Speaker.USER, "what is 2+2?", 0),
                                    turn(ada, "tutor", Speaker.CHARACTER, "Four.", 0)));
            assertThat(saved.get(1).id()).isGreaterThan(saved.get(0).id());
            assertThat(texts(store.recent(ada, "tutor", 2)))
                    .containsExactly("what is 2+2?", "Four.");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deletesOnRequestAndWithTheAccount(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            AccountStore accounts = new AccountStore(db);
            long ada = accounts.create("ada", null, Role.VISITOR).id();
            long bob = accounts.create("bob", null, Role.VISITOR).id();
            ConversationStore store = new ConversationStore(db);
            store.append(turn(ada, "guide", Speaker.USER, "a", 0));
            store.append(turn(ada, "guide", Speaker.CHARACTER, "b", 1));
            store.append(turn(ada, "nurse", Speaker.USER, "c", 2));
            store.append(turn(bob, "nurse", Speaker.USER, "d", 3));

            assertThat(store.delete(ada, "guide")).isEqualTo(2);
            assertThat(store.recent(ada, "guide", 10)).isEmpty();
            assertThat(texts(store.recent(ada, "nurse", 10))).containsExactly("c");
            assertThat(store.delete(ada, "guide")).isZero();
            assertThat(store.delete(ada)).isEqualTo(1);
            assertThat(store.count(ada)).isZero();
            assertThat(store.count()).isEqualTo(1);

            try (var c = db.dataSource().getConnection();
                    var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM accounts WHERE id = " + bob);
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
            assertThat(store.count()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesTurnsOfUnknownAccounts(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            ConversationStore store = new ConversationStore(db);
            assertThatThrownBy(() -> store.append(turn(4242, "guide", Speaker.USER, "hi", 0)))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("4242");
            assertThat(store.count()).isZero();
        }
    }

    @Test
    void memoryOutlivesARestartAndIsGoneAfterDelete() {
        DatabaseConfig config = TestDatabase.H2.config(dir);
        long ada;
        try (Database db = Database.open(config)) {
            ada = new AccountStore(db).create("ada", null, Role.VISITOR).id();
            ConversationStore store = new ConversationStore(db);
            store.append(turn(ada, "greeter", Speaker.USER, "My name is Ada, I love owls.", 0));
            store.append(turn(ada, "greeter", Speaker.CHARACTER, "Owls are wonderful, Ada!", 1));
        }
        try (Database db = Database.open(config)) {
            ConversationStore store = new ConversationStore(db);
            List<ConversationTurn> remembered = store.recent(ada, "greeter", 10);
            assertThat(texts(remembered))
                    .containsExactly("My name is Ada, I love owls.", "Owls are wonderful, Ada!");
            assertThat(remembered.get(0).at()).isEqualTo(T0);
            assertThat(store.delete(ada)).isEqualTo(2);
        }
        try (Database db = Database.open(config)) {
            assertThat(new ConversationStore(db).recent(ada, "greeter", 10)).isEmpty();
        }
    }

    @Test
    void rejectsEmptyAndOversizedTurns() {
        assertThatThrownBy(() -> ConversationTurn.of(1, "guide", Speaker.USER, "", T0))
                .isInstanceOf(IllegalArgumentException.class);
        String tooLong = "x".repeat(ConversationTurn.MAX_TEXT + 1);
        assertThatThrownBy(() -> ConversationTurn.of(1, "guide", Speaker.USER, tooLong, T0))
                .hasMessageContaining("4000");
        assertThat(ConversationTurn.of(1, "guide", Speaker.USER, "x".repeat(4000), T0).text())
                .hasSize(4000);
    }
}
