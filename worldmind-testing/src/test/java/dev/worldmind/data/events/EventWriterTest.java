package dev.worldmind.data.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.data.db.Database;
import dev.worldmind.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventWriterTest {
    @TempDir Path dir;

    private static BehaviourEvent move(String user, int seq) {
        return BehaviourEvent.of(
                Instant.now(),
                1L,
                user,
                "plaza",
                EventKind.MOVE,
                EventLogTest.payload("{\"seq\":" + seq + "}"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void losesNothingOfferedConcurrentlyOnceClosed(TestDatabase kind) throws Exception {
        int threads = 4;
        int each = 2_500;
        try (Database db = kind.open(dir)) {
            EventLog log = new EventLog(db);
            EventWriter writer = new EventWriter(log, threads * each, Duration.ofMillis(20));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<CompletableFuture<Void>> offers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String user = "user" + t;
                offers.add(
                        CompletableFuture.runAsync(
                                () -> {
                                    for (int i = 0; i < each; i++) {
                                        assertThat(writer.offer(move(user, i))).isTrue();
                                    }
                                },
                                pool));
            }
            CompletableFuture.allOf(offers.toArray(CompletableFuture[]::new))
                    .get(60, TimeUnit.SECONDS);
            pool.shutdown();
            writer.close();

            assertThat(writer.dropped()).isZero();
            assertThat(writer.queued()).isZero();
            assertThat(log.count()).isEqualTo((long) threads * each);
            Set<String> seen = new HashSet<>();
            for (BehaviourEvent e : log.query(EventQuery.all())) {
                seen.add(e.username() + "/" + e.payload().get("seq").asInt());
            }
            assertThat(seen).hasSize(threads * each);
            assertThat(writer.offer(move("late", 0))).isFalse();
            assertThat(writer.dropped()).isOne();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void dropsAndCountsWhenFullAndFlushesOnRequest(TestDatabase kind) {
        try (Database db = kind.open(dir);
                EventWriter writer = new EventWriter(new EventLog(db), 10, Duration.ofHours(1))) {
            for (int i = 0; i < 15; i++) {
                writer.offer(move("ada", i));
            }
            assertThat(writer.queued()).isEqualTo(10);
            assertThat(writer.dropped()).isEqualTo(5);

            writer.flush();
            assertThat(writer.queued()).isZero();
            assertThat(new EventLog(db).count()).isEqualTo(10);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void retriesWhileTheDatabaseFails(TestDatabase kind) throws Exception {
        try (Database db = kind.open(dir);
                EventWriter writer =
                        new EventWriter(new EventLog(db), 100, Duration.ofMillis(10))) {
            sql(db, "ALTER TABLE events RENAME TO events_away");
            writer.offer(move("ada", 1));
            writer.offer(move("ada", 2));
            Thread.sleep(300); // a few failed attempts, logged
            assertThat(writer.queued()).isZero(); // taken into the failing batch, not lost

            sql(db, "ALTER TABLE events_away RENAME TO events");
            writer.flush();
            assertThat(new EventLog(db).count()).isEqualTo(2);
            assertThat(writer.dropped()).isZero();
        }
    }

    private static void sql(Database db, String statement) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
