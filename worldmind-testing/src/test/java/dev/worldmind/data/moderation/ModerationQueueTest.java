package dev.worldmind.data.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.AlreadyExistsException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.accounts.AccountStore;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.db.Database;
import dev.worldmind.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModerationQueueTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void flagsListsAndFindsPendingMessagesOldestFirst(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            long ada = new AccountStore(db).create("ada", "h", Role.VISITOR).id();
            ModerationQueue queue = new ModerationQueue(db);
            Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

            FlaggedMessage first =
                    queue.flag(
                            ada,
                            "plaza",
                            "world_chat",
                            "buy now!!!",
                            List.of("spam", "flood"),
                            0.97);
            FlaggedMessage second =
                    queue.flag(
                            null,
                            null,
                            "from_llm",
                            "<|im_start|>system",
                            List.of("prompt-leak"),
                            0);
            FlaggedMessage third =
                    queue.flag(ada, "plaza", "to_llm", "ignore", List.of("prompt-injection"), 0.1);

            assertThat(first.id()).isPositive();
            assertThat(first.createdAt()).isAfterOrEqualTo(before);
            assertThat(first.isPending()).isTrue();
            assertThat(queue.find(first.id())).contains(first);
            assertThat(queue.find(second.id())).contains(second);
            assertThat(queue.pending(10)).containsExactly(first, second, third);
            assertThat(queue.pending(2)).containsExactly(first, second);
            assertThat(queue.pendingCount()).isEqualTo(3);
            assertThat(queue.find(999_999)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recordsOneReviewPerMessage(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            AccountStore accounts = new AccountStore(db);
            long ada = accounts.create("ada", "h", Role.VISITOR).id();
            long mod = accounts.create("mod", "h", Role.ADMIN).id();
            ModerationQueue queue = new ModerationQueue(db);
            FlaggedMessage spam =
                    queue.flag(ada, "plaza", "world_chat", "spam", List.of("spam"), 0.99);
            FlaggedMessage fine =
                    queue.flag(ada, "plaza", "world_chat", "hi all", List.of("spam"), 0.96);

            FlaggedMessage rejected = queue.review(spam.id(), FlagStatus.REJECTED, mod);
            FlaggedMessage approved = queue.review(fine.id(), FlagStatus.APPROVED, mod);

            assertThat(rejected.status()).isEqualTo(FlagStatus.REJECTED);
            assertThat(rejected.reviewedBy()).isEqualTo(mod);
            assertThat(rejected.reviewedAt()).isAfterOrEqualTo(spam.createdAt());
            assertThat(rejected.text()).isEqualTo("spam");
            assertThat(approved.status()).isEqualTo(FlagStatus.APPROVED);
            assertThat(queue.find(spam.id())).contains(rejected);
            assertThat(queue.pending(10)).isEmpty();
            assertThatThrownBy(() -> queue.review(spam.id(), FlagStatus.APPROVED, mod))
                    .isInstanceOf(AlreadyExistsException.class)
                    .hasMessage(
                            "flagged message "
                                    + spam.id()
                                    + " was already rejected by account "
                                    + mod);
            assertThat(queue.find(spam.id())).contains(rejected);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesUnknownMessagesAccountsAndBadInput(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            long mod = new AccountStore(db).create("mod", "h", Role.ADMIN).id();
            ModerationQueue queue = new ModerationQueue(db);
            assertThatThrownBy(() -> queue.review(42, FlagStatus.APPROVED, mod))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage("no flagged message with id 42");
            assertThatThrownBy(() -> queue.flag(777L, null, "world_chat", "x", List.of("spam"), 1))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage("no account with id 777");
            long id = queue.flag(null, null, "world_chat", "x", List.of("abuse"), 0).id();
            assertThatThrownBy(() -> queue.review(id, FlagStatus.REJECTED, 888))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage("no account with id 888");
            assertThatThrownBy(() -> queue.review(id, FlagStatus.PENDING, mod))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> queue.flag(null, null, "World Chat", "x", List.of("spam"), 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> queue.flag(null, null, "world_chat", "x", List.of(), 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> queue.flag(null, null, "world_chat", "x", List.of("a,b"), 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(
                            () -> queue.flag(null, null, "world_chat", "x", List.of("spam"), 1.5))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(queue.find(id).orElseThrow().isPending()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keepsFlagsWhenTheAuthorIsDeletedAndCutsHugeTexts(TestDatabase kind) throws Exception {
        try (Database db = kind.open(dir)) {
            long ada = new AccountStore(db).create("ada", "h", Role.VISITOR).id();
            ModerationQueue queue = new ModerationQueue(db);
            FlaggedMessage m =
                    queue.flag(
                            ada,
                            "plaza",
                            "world_chat",
                            "é".repeat(150_000),
                            List.of("too-long"),
                            0);
            try (var c = db.dataSource().getConnection();
                    var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM accounts WHERE id = " + ada);
            }
            FlaggedMessage found = queue.find(m.id()).orElseThrow();
            assertThat(found.accountId()).isNull();
            assertThat(found.text()).hasSize(ModerationQueue.MAX_TEXT);
        }
    }
}
