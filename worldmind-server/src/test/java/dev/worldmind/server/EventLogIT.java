package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.server.TestWorld.User;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.testing.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventLogIT {
    @TempDir static Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void behaviourEventsSurviveARestartAndExport(String database) {
        DatabaseConfig db =
                database.equals("h2") ? TestDatabases.h2(dir) : TestDatabases.requirePostgres();
        String adminPassword;
        try (TestWorld world =
                new TestWorld(
                        ServerConfig.defaults().with("server.port", 0), db, Clock.systemUTC())) {
            adminPassword = world.adminPassword;
            try (WsClient zoe = world.user().enter("zoe").socket()) {
                zoe.join("shop");
                zoe.send(Map.of("type", "chat", "text", "any jackets?"));
                zoe.await("chat");
                zoe.send(Map.of("type", "act", "action", "view", "item", firstItem(world, "shop")));
                zoe.await("acted");
                zoe.send(Map.of("type", "leave"));
                zoe.await("left");
            }
        }
        try (TestWorld again =
                new TestWorld(
                        ServerConfig.defaults().with("server.port", 0), db, Clock.systemUTC())) {
            assertThat(again.adminPassword).as("the admin is created once").isNull();
            User admin = again.user();
            admin.login("admin", adminPassword);
            HttpResponse<String> json = admin.call("GET", "/api/admin/events?user=zoe", null);
            assertThat(json.statusCode()).isEqualTo(200);
            JsonNode events = TestWorld.json(json);
            assertThat(events)
                    .extracting(e -> e.path("kind").asText())
                    .containsSubsequence("join", "chat", "item_view", "leave");
            assertThat(events.get(1).path("payload").path("text").asText())
                    .isEqualTo("any jackets?");
            assertThat(events.get(0).path("space").asText()).isEqualTo("shop");

            HttpResponse<String> csv =
                    admin.call("GET", "/api/admin/events?user=zoe&kind=chat&format=csv", null);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("text/csv");
            assertThat(csv.body().lines().findFirst().orElseThrow())
                    .isEqualTo("id,at,account_id,username,space,kind,payload");
            assertThat(csv.body()).contains("any jackets?").doesNotContain("item_view");

            HttpResponse<String> jsonl =
                    admin.call("GET", "/api/admin/events?space=shop&format=jsonl", null);
            assertThat(jsonl.body().lines().count()).isGreaterThanOrEqualTo(4);

            HttpResponse<String> bad = admin.call("GET", "/api/admin/events?from=yesterday", null);
            assertThat(bad.statusCode()).isEqualTo(400);
            User visitor = again.user().enter("nosy");
            assertThat(visitor.call("GET", "/api/admin/events", null).statusCode()).isEqualTo(403);
        }
    }

    private static String firstItem(TestWorld world, String space) {
        User u = world.user().admin();
        return TestWorld.json(u.call("GET", "/api/spaces/" + space, null))
                .path("layout")
                .path("items")
                .get(0)
                .path("id")
                .asText();
    }
}
