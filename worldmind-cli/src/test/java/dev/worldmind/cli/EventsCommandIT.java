package dev.worldmind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.json.Json;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.data.events.BehaviourEvent;
import dev.worldmind.data.events.EventKind;
import dev.worldmind.data.events.EventLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code worldmind events export} on the embedded database of a Worldmind home. */
class EventsCommandIT {
    @TempDir Path home;

    private int run(StringWriter out, StringWriter err, String... args) {
        return WorldmindCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void exportsFilteredEventsAsCsvAndJsonLines() throws Exception {
        DatabaseConfig db = DatabaseConfig.h2File(home.resolve("db").resolve("worldmind"));
        Instant t0 = Instant.parse("2026-11-29T10:00:00Z");
        try (Database database = Database.open(db)) {
            EventLog log = new EventLog(database);
            log.appendAll(
                    List.of(
                            event(t0, 1L, "ada", "plaza", EventKind.JOIN),
                            event(t0.plusSeconds(5), 1L, "ada", "plaza", EventKind.CHAT),
                            event(t0.plusSeconds(9), 2L, "bob", "shop", EventKind.PURCHASE),
                            event(t0.plusSeconds(60), 1L, "ada", "shop", EventKind.LIKE)));
        }
        Path csv = home.resolve("ada.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                run(
                        out,
                        err,
                        "events",
                        "export",
                        "--home",
                        home.toString(),
                        "--user",
                        "ada",
                        "--to",
                        "2026-11-29T10:00:30Z",
                        "-o",
                        csv.toString());
        assertThat(code).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("id,at,account_id,username,space,kind,payload");
        assertThat(lines).hasSize(3);
        assertThat(String.join("\n", lines)).contains("join", "chat").doesNotContain("bob", "like");
        assertThat(err.toString()).contains("exported 2 events");

        Path jsonl = home.resolve("shop.jsonl");
        code =
                run(
                        new StringWriter(),
                        err,
                        "events",
                        "export",
                        "--home",
                        home.toString(),
                        "--space",
                        "shop",
                        "--kind",
                        "purchase,like",
                        "--format",
                        "jsonl",
                        "-o",
                        jsonl.toString());
        assertThat(code).isZero();
        assertThat(Files.readAllLines(jsonl))
                .extracting(l -> Json.mapper().readTree(l).path("kind").asText())
                .containsExactly("purchase", "like");

        StringWriter badErr = new StringWriter();
        assertThat(
                        run(
                                new StringWriter(),
                                badErr,
                                "events",
                                "export",
                                "--home",
                                home.toString(),
                                "--kind",
                                "dance"))
                .isEqualTo(2);
        assertThat(badErr.toString()).contains("'dance' is not one of");
    }

    private static BehaviourEvent event(
            Instant at, Long account, String user, String space, EventKind kind) {
        return BehaviourEvent.of(at, account, user, space, kind, Json.mapper().createObjectNode());
    }
}
