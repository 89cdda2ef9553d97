package dev.worldmind.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.data.events.BehaviourEvent;
import dev.worldmind.data.events.EventKind;
import dev.worldmind.data.events.EventLog;
import dev.worldmind.data.events.EventQuery;
import dev.worldmind.data.events.ExportFormat;
import dev.worldmind.data.interaction.EventInteractions;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionWeights;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark SQL's reading of event logs against {@link EventInteractions}, on real exports. */
class SparkInteractionsIT {
    private static final Comparator<Interaction> ORDER =
            Comparator.comparing(Interaction::user)
                    .thenComparing(Interaction::item)
                    .thenComparingLong(Interaction::at)
                    .thenComparingDouble(Interaction::weight);

    private static SparkAls spark;
    @TempDir static Path dir;
    private static List<BehaviourEvent> stored;
    private static Path csv;
    private static Path jsonl;

    @BeforeAll
    static void exportEvents() throws Exception {
        try (Database db = Database.open(DatabaseConfig.h2File(dir.resolve("worldmind")))) {
            EventLog log = new EventLog(db);
            log.appendAll(events());
            stored = log.query(EventQuery.all());
            csv = dir.resolve("events.csv");
            jsonl = dir.resolve("events.jsonl");
            try (OutputStream out = Files.newOutputStream(csv)) {
                log.export(EventQuery.all(), ExportFormat.CSV, out);
            }
            try (OutputStream out = Files.newOutputStream(jsonl)) {
                log.export(EventQuery.all(), ExportFormat.JSONL, out);
            }
        }
        spark = SparkAls.builder().optMaster("local[2]").build();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.close();
        }
    }

    private static ObjectNode payload(Object... kv) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v instanceof String s) {
                n.put((String) kv[i], s);
            } else if (v instanceof Integer x) {
                n.put((String) kv[i], x);
            } else {
                n.putObject((String) kv[i]).put("nested", "x");
            }
        }
        return n;
    }

    /** The awkward cases by hand, then a seeded random mix of every kind. */
    static List<BehaviourEvent> events() {
        Instant t = Instant.parse("2026-11-01T10:15:30.123456789Z");
        List<BehaviourEvent> e = new ArrayList<>();
        e.add(
                BehaviourEvent.of(
                        t, 1L, "ada", "plaza", EventKind.ITEM_VIEW, payload("item", "lamp")));
        e.add(BehaviourEvent.of(t, 1L, "ada", "plaza", EventKind.LIKE, payload("item", "lamp")));
        e.add(BehaviourEvent.of(t, 1L, "ada", null, EventKind.PURCHASE, payload("item", "hat")));
        e.add(BehaviourEvent.of(t, null, "bob", "plaza", EventKind.JOIN, null));
        e.add(BehaviourEvent.of(t, null, "bob", null, EventKind.JOIN, null));
        e.add(
                BehaviourEvent.of(
                        t, 2L, "bob", "a", EventKind.CONVERSATION, payload("character", "sage")));
        e.add(
                BehaviourEvent.of(
                        t, 2L, "bob", "a", EventKind.CONVERSATION, payload("character", 7)));
        e.add(BehaviourEvent.of(t, 2L, "bob", "a", EventKind.ITEM_VIEW, payload("item", 12)));
        e.add(BehaviourEvent.of(t, 2L, "bob", "a", EventKind.ITEM_VIEW, payload("item", " \t ")));
        e.add(BehaviourEvent.of(t, 2L, "bob", "a", EventKind.ITEM_VIEW, payload("item", "")));
        e.add(BehaviourEvent.of(t, 2L, "bob", "a", EventKind.ITEM_VIEW, payload("item", true)));
        e.add(BehaviourEvent.of(t, 2L, "bob", "a", EventKind.ITEM_VIEW, payload("other", "x")));
        e.add(BehaviourEvent.of(t, null, null, "a", EventKind.ITEM_VIEW, payload("item", "x")));
        e.add(
                BehaviourEvent.of(
                        t,
                        3L,
                        "cy, \"q\"",
                        "b",
                        EventKind.CHAT,
                        payload("text", "hi,\n\"you\"", "item", "no")));
        e.add(
                BehaviourEvent.of(
                        t,
                        3L,
                        "cy, \"q\"",
                        "b",
                        EventKind.LIKE,
                        payload("item", "caf\u00e9, \"n\u00ba1\"\nx")));
        e.add(BehaviourEvent.of(t, 3L, "cy", "b", EventKind.MOVE, payload("x", 1)));
        e.add(BehaviourEvent.of(t, 3L, "cy", "b", EventKind.MODERATION, payload("item", "z")));
        e.add(
                BehaviourEvent.of(
                        Instant.parse("1969-12-31T23:59:59.999500Z"),
                        4L,
                        "old",
                        "b",
                        EventKind.ITEM_VIEW,
                        payload("item", "clock")));
        Random r = new Random(11);
        EventKind[] kinds = EventKind.values();
        for (int i = 0; i < 400; i++) {
            EventKind kind = kinds[r.nextInt(kinds.length)];
            String space = r.nextInt(10) == 0 ? null : "s" + r.nextInt(4);
            ObjectNode p =
                    kind == EventKind.CONVERSATION
                            ? payload("character", "c" + r.nextInt(5))
                            : payload("item", "i" + r.nextInt(30));
            e.add(
                    BehaviourEvent.of(
                            t.plusMillis(r.nextInt(1_000_000_000))
                                    .plusNanos(r.nextInt(1000) * 1000),
                            (long) r.nextInt(20),
                            "u" + r.nextInt(25),
                            space,
                            kind,
                            p));
        }
        return e;
    }

    private static List<Interaction> sorted(List<Interaction> list) {
        List<Interaction> s = new ArrayList<>(list);
        s.sort(ORDER);
        return s;
    }

    @Test
    void csvExportGivesTheSameInteractionsAsEventInteractions() {
        List<Interaction> expected = EventInteractions.of(stored, InteractionWeights.defaults());
        assertThat(expected).hasSizeGreaterThan(200);
        List<Interaction> got =
                SparkInteractions.collect(spark.session(), csv, InteractionWeights.defaults());
        assertThat(sorted(got)).containsExactlyElementsOf(sorted(expected));
        assertThat(got)
                .contains(
                        new Interaction(
                                "ada",
                                "plaza/lamp",
                                3,
                                Instant.parse("2026-11-01T10:15:30.123Z").toEpochMilli()),
                        new Interaction("old", "b/clock", 1, -1));
    }

    @Test
    void jsonLinesExportGivesTheSameInteractionsAsEventInteractions() {
        List<Interaction> expected = EventInteractions.of(stored, InteractionWeights.defaults());
        List<Interaction> got =
                SparkInteractions.collect(spark.session(), jsonl, InteractionWeights.defaults());
        assertThat(sorted(got)).containsExactlyElementsOf(sorted(expected));
    }

    @Test
    void otherWeightsFollowTheSameRules() {
        Map<EventKind, Double> w = new EnumMap<>(EventKind.class);
        w.put(EventKind.CHAT, 0.5);
        w.put(EventKind.JOIN, 2.0);
        w.put(EventKind.MODERATION, 1.5);
        InteractionWeights weights = new InteractionWeights(w);
        List<Interaction> expected = EventInteractions.of(stored, weights);
        assertThat(expected).isNotEmpty();
        assertThat(sorted(SparkInteractions.collect(spark.session(), csv, weights)))
                .containsExactlyElementsOf(sorted(expected));
        assertThat(sorted(SparkInteractions.collect(spark.session(), jsonl, weights)))
                .containsExactlyElementsOf(sorted(expected));
    }

    @Test
    void readsInteractionFilesWithEpochOrIsoTimes() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("interactions.csv"),
                        "user,item,weight,timestamp\n"
                                + "u1,i1,2.5,1700000000123\n"
                                + "u1,\"i,2\",1,2026-11-01T10:15:30.123Z\n"
                                + "u2,i1,4,\n");
        assertThat(SparkInteractions.collect(spark.session(), file, InteractionWeights.defaults()))
                .containsExactlyInAnyOrder(
                        new Interaction("u1", "i1", 2.5, 1700000000123L),
                        new Interaction(
                                "u1",
                                "i,2",
                                1,
                                Instant.parse("2026-11-01T10:15:30.123Z").toEpochMilli()),
                        new Interaction("u2", "i1", 4, 0));
    }

    @Test
    void badFilesAreInvalidData() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        assertThatThrownBy(
                        () ->
                                SparkInteractions.collect(
                                        spark.session(), empty, InteractionWeights.defaults()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("is empty");
        Path headerOnly =
                Files.writeString(
                        dir.resolve("none.csv"), SparkInteractions.EVENT_CSV_HEADER + "\n");
        assertThat(
                        SparkInteractions.collect(
                                spark.session(), headerOnly, InteractionWeights.defaults()))
                .isEmpty();
        Path negative =
                Files.writeString(
                        dir.resolve("negative.csv"), "user,item,weight,timestamp\nu,i,-1,0\n");
        assertThatThrownBy(
                        () ->
                                SparkInteractions.collect(
                                        spark.session(), negative, InteractionWeights.defaults()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("positive");
        Path broken = Files.writeString(dir.resolve("broken.jsonl"), "{\"id\": 1, \"at\": \n");
        assertThatThrownBy(
                        () ->
                                SparkInteractions.collect(
                                        spark.session(), broken, InteractionWeights.defaults()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("cannot read");
    }
}
