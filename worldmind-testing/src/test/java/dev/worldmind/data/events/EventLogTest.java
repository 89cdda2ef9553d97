package dev.worldmind.data.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.DatabaseException;
import dev.worldmind.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventLogTest {
    @TempDir Path dir;

    static ObjectNode payload(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static BehaviourEvent event(
            String at, Long id, String user, String space, EventKind kind, String payload) {
        return BehaviourEvent.of(Instant.parse(at), id, user, space, kind, payload(payload));
    }

    /** Six events of two people in two spaces, oldest first; the golden exports show them. */
    static final List<BehaviourEvent> DAY =
            List.of(
                    event("2026-11-29T10:00:00Z", 7L, "ada", "plaza", EventKind.JOIN, "{}"),
                    event(
                            "2026-11-29T10:00:01.500Z",
                            7L,
                            "ada",
                            "plaza",
                            EventKind.CHAT,
                            "{\"text\":\"hello, \\\"world\\\"\\nbye\"}"),
                    event(
                            "2026-11-29T10:00:02Z",
                            8L,
                            "bob",
                            "museum",
                            EventKind.ITEM_VIEW,
                            "{\"item\":\"mona\"}"),
                    event(
                            "2026-11-29T10:00:03.000001Z",
                            null,
                            null,
                            null,
                            EventKind.MOVE,
                            "{\"x\":1.5,\"z\":-2}"),
                    event(
                            "2026-11-29T10:00:04Z",
                            8L,
                            "bob",
                            "museum",
                            EventKind.PURCHASE,
                            "{\"item\":\"print\",\"price\":12.5}"),
                    event("2026-11-29T10:00:05Z", 7L, "ada", "plaza", EventKind.LEAVE, "{}"));

    private static List<Long> ids(List<BehaviourEvent> events) {
        return events.stream().map(BehaviourEvent::id).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void appendsAndReadsEventsBack(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            EventLog log = new EventLog(db);
            long first = log.append(DAY.get(0));
            log.appendAll(DAY.subList(1, DAY.size()));

            List<BehaviourEvent> all = log.query(EventQuery.all());
            assertThat(first).isEqualTo(1);
            assertThat(log.count()).isEqualTo(6);
            List<BehaviourEvent> expected = new ArrayList<>();
            for (int i = 0; i < DAY.size(); i++) {
                expected.add(DAY.get(i).withId(i + 1));
            }
            assertThat(all).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void filtersByTimeUserSpaceAndKindWithALimit(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            EventLog log = new EventLog(db);
            log.appendAll(DAY);
            EventQuery all = EventQuery.all();

            assertThat(
                            ids(
                                    log.query(
                                            all.withFrom(Instant.parse("2026-11-29T10:00:01.500Z"))
                                                    .withTo(
                                                            Instant.parse(
                                                                    "2026-11-29T10:00:04Z")))))
                    .containsExactly(2L, 3L, 4L);
            assertThat(ids(log.query(all.withUsername("bob")))).containsExactly(3L, 5L);
            assertThat(ids(log.query(all.withSpace("plaza")))).containsExactly(1L, 2L, 6L);
            assertThat(ids(log.query(all.withKinds(EventKind.CHAT, EventKind.PURCHASE))))
                    .containsExactly(2L, 5L);
            assertThat(ids(log.query(all.withLimit(2)))).containsExactly(1L, 2L);
            assertThat(ids(log.query(all.withSpace("museum").withKinds(EventKind.ITEM_VIEW))))
                    .containsExactly(3L);
            assertThat(log.query(all.withUsername("nobody"))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void readsOldestFirstWhateverTheAppendOrder(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            EventLog log = new EventLog(db);
            long late = log.append(DAY.get(5));
            long early = log.append(DAY.get(0));
            assertThat(ids(log.query(EventQuery.all()))).containsExactly(early, late);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void appendsABatchWhollyOrNotAtAll(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            EventLog log = new EventLog(db);
            ObjectNode huge = Json.mapper().createObjectNode().put("text", "x".repeat(200_000));
            List<BehaviourEvent> batch =
                    List.of(
                            DAY.get(0),
                            BehaviourEvent.of(
                                    Instant.now(), 7L, "ada", "plaza", EventKind.CHAT, huge),
                            DAY.get(2));
            assertThatThrownBy(() -> log.appendAll(batch))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("append 3 events");
            assertThat(log.count()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void exportsCsvAndJsonLinesLikeTheGoldenFiles(TestDatabase kind) throws IOException {
        try (Database db = kind.open(dir)) {
            EventLog log = new EventLog(db);
            log.appendAll(DAY);
            assertThat(export(log, EventQuery.all(), ExportFormat.CSV))
                    .isEqualTo(golden("day.csv"));
            assertThat(export(log, EventQuery.all(), ExportFormat.JSONL))
                    .isEqualTo(golden("day.jsonl"));
            assertThat(export(log, EventQuery.all().withUsername("nobody"), ExportFormat.CSV))
                    .isEqualTo("id,at,account_id,username,space,kind,payload\n");
            assertThat(export(log, EventQuery.all().withUsername("nobody"), ExportFormat.JSONL))
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void exportsMoreRowsThanOneFetch(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            EventLog log = new EventLog(db);
            List<BehaviourEvent> many = new ArrayList<>();
            Instant t = Instant.parse("2026-11-29T00:00:00Z");
            for (int i = 0; i < 3 * EventLog.EXPORT_FETCH_SIZE + 7; i++) {
                many.add(
                        BehaviourEvent.of(
                                t.plusSeconds(i), 1L, "ada", "plaza", EventKind.MOVE, null));
            }
            log.appendAll(many);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long rows = log.export(EventQuery.all().withLimit(1000), ExportFormat.JSONL, out);
            assertThat(rows).isEqualTo(1000);
            assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1000);
        }
    }

    private static String export(EventLog log, EventQuery query, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        log.export(query, format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = EventLogTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("missing golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
