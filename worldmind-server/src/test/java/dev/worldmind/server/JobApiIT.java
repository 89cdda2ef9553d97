package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.server.config.JobsConfig;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.testing.TestDatabases;
import dev.worldmind.testing.TestHome;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job API through a real server that runs a real training job: roles, clear 400s, dedup, the
 * job's curve and log, the event stream, cancel and retry by state, and the Studio's model details.
 */
class JobApiIT {
    @TempDir Path dir;

    private static final Map<String, Object> TINY_TRAINING =
            Map.of(
                    "kind",
                    "train",
                    "settings",
                    Map.of("dataset", "mnist", "architecture", "mlp", "epochs", 2, "limit", 2000));

    @Test
    void creatorsQueueFollowAndManageJobsVisitorsCannot() throws Exception {
        WorldmindHome home = TestHome.isolated(dir.resolve("home"));
        ServerConfig config =
                ServerConfig.defaults()
                        .with("server.port", 0)
                        .with("serving.models", home.models());
        try (TestWorld world =
                new TestWorld(
                        config,
                        TestDatabases.h2(dir),
                        Clock.systemUTC(),
                        new JobsConfig(home, 2, 1))) {
            TestWorld.User visitor = world.user().enter("vera");
            assertThat(visitor.call("GET", "/api/jobs", null).statusCode()).isEqualTo(403);
            assertThat(visitor.call("POST", "/api/jobs", TINY_TRAINING).statusCode())
                    .isEqualTo(403);
            assertThat(visitor.call("GET", "/api/datasets", null).statusCode()).isEqualTo(403);
            assertThat(world.user().send("GET", "/api/jobs", null, Map.of()).statusCode())
                    .isEqualTo(401);

            TestWorld.User admin = world.user().admin();
            HttpResponse<String> unknown =
                    admin.call("POST", "/api/jobs", Map.of("kind", "paint", "settings", Map.of()));
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("unknown job kind 'paint'").contains("train");
            HttpResponse<String> bad =
                    admin.call(
                            "POST",
                            "/api/jobs",
                            Map.of(
                                    "kind",
                                    "train",
                                    "settings",
                                    Map.of("dataset", "mnist", "epochs", -1)));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("epochs");
            HttpResponse<String> noData =
                    admin.call(
                            "POST",
                            "/api/jobs",
                            Map.of("kind", "train", "settings", Map.of("dataset", "cifar-10")));
            assertThat(noData.statusCode()).isEqualTo(400);
            assertThat(noData.body()).contains("unknown image dataset 'cifar-10'");
            HttpResponse<String> typo =
                    admin.call(
                            "POST",
                            "/api/jobs",
                            Map.of(
                                    "kind",
                                    "train",
                                    "settings",
                                    Map.of("dataset", "mnist", "epoch", 1)));
            assertThat(typo.statusCode()).isEqualTo(400);
            assertThat(typo.body()).contains("no setting 'epoch'");
            assertThat(admin.call("POST", "/api/jobs", "[1,2]").statusCode()).isEqualTo(400);

            CompletableFuture<List<String>> events = events(world, admin);
            HttpResponse<String> queued = admin.call("POST", "/api/jobs", TINY_TRAINING);
            assertThat(queued.statusCode()).as(queued.body()).isEqualTo(201);
            long id = TestWorld.json(queued).path("id").asLong();
            HttpResponse<String> again = admin.call("POST", "/api/jobs", TINY_TRAINING);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(TestWorld.json(again).path("deduplicated").asBoolean()).isTrue();
            assertThat(TestWorld.json(again).path("id").asLong()).isEqualTo(id);

            JsonNode job = TestWorld.waitForJob(admin, id, "done", Duration.ofMinutes(5));
            assertThat(job.path("output").asText()).isEqualTo("mlp:1");
            assertThat(job.path("progress").asDouble()).isEqualTo(1.0);
            assertThat(job.path("requestedBy").asText()).isEqualTo("admin");
            List<String> log = new ArrayList<>();
            job.path("log").forEach(l -> log.add(l.asText()));
            assertThat(log).anyMatch(l -> l.startsWith("epoch 2/2"));
            assertThat(log.get(log.size() - 1)).startsWith("done in").endsWith("mlp:1");
            List<String> series = new ArrayList<>();
            job.path("points").forEach(p -> series.add(p.path("series").asText()));
            assertThat(series).contains("loss", "accuracy", "validationAccuracy");
            assertThat(events.get(60, TimeUnit.SECONDS))
                    .anyMatch(l -> l.startsWith("event: point"))
                    .anyMatch(l -> l.startsWith("data: {") && l.contains("\"state\":\"done\""));

            // A second version is registered but the world keeps the first until it is promoted.
            JsonNode second =
                    TestWorld.json(
                            admin.call(
                                    "POST",
                                    "/api/jobs",
                                    Map.of(
                                            "kind",
                                            "train",
                                            "settings",
                                            Map.of(
                                                    "dataset",
                                                    "mnist",
                                                    "architecture",
                                                    "mlp",
                                                    "epochs",
                                                    1,
                                                    "limit",
                                                    1000))));
            JsonNode secondDone =
                    TestWorld.waitForJob(
                            admin, second.path("id").asLong(), "done", Duration.ofMinutes(5));
            assertThat(secondDone.path("output").asText()).isEqualTo("mlp:2");
            assertThat(secondDone.path("log").toString()).contains("the world keeps using mlp:1");
            JsonNode mlp = TestWorld.json(admin.call("GET", "/api/models/mlp", null));
            assertThat(mlp.path("defaultVersion").asInt()).isEqualTo(1);
            assertThat(mlp.path("aliases").path("stable").asInt()).isEqualTo(1);

            // Creators manage their own jobs, not other people's; the stream wants its Accept.
            TestWorld.User creator = world.user().enter("cora");
            assertThat(
                            admin.call(
                                            "PUT",
                                            "/api/admin/accounts/cora/role",
                                            Map.of("role", "creator"))
                                    .statusCode())
                    .isEqualTo(204);
            assertThat(creator.call("POST", "/api/jobs/" + id + "/retry", null).statusCode())
                    .isEqualTo(403);
            assertThat(creator.call("GET", "/api/jobs/events", null).statusCode()).isEqualTo(406);

            assertThat(admin.call("POST", "/api/jobs/" + id + "/cancel", null).statusCode())
                    .isEqualTo(409);
            assertThat(admin.call("POST", "/api/jobs/" + id + "/retry", null).statusCode())
                    .isEqualTo(409);
            assertThat(admin.call("GET", "/api/jobs/999999", null).statusCode()).isEqualTo(404);
            assertThat(admin.call("GET", "/api/jobs/x", null).statusCode()).isEqualTo(400);

            JsonNode details =
                    TestWorld.json(admin.call("GET", "/api/models/mlp/versions/1/details", null));
            assertThat(details.path("report").path("confusion").size()).isEqualTo(10);
            assertThat(details.path("history").path("epochs").size()).isEqualTo(2);
            assertThat(details.path("lineage").get(0).asText()).isEqualTo("mlp:1");
            JsonNode datasets = TestWorld.json(admin.call("GET", "/api/datasets", null));
            assertThat(datasets.path("datasets").get(0).path("id").asText()).isEqualTo("mnist");
            assertThat(datasets.path("datasets").get(0).path("present").asBoolean()).isTrue();
            HttpResponse<String> grid = admin.call("GET", "/api/datasets/mnist/samples.png", null);
            assertThat(grid.statusCode()).isEqualTo(200);
            assertThat(grid.headers().firstValue("Content-Type").orElse("")).contains("image/png");

            // A long job cancelled while it runs stops at its next checkpoint; retry queues it.
            HttpResponse<String> longJob =
                    admin.call(
                            "POST",
                            "/api/jobs",
                            Map.of(
                                    "kind",
                                    "train",
                                    "settings",
                                    Map.of(
                                            "dataset",
                                            "mnist",
                                            "architecture",
                                            "mlp",
                                            "epochs",
                                            50)));
            long longId = TestWorld.json(longJob).path("id").asLong();
            TestWorld.waitForJob(admin, longId, "running", Duration.ofMinutes(2));
            assertThat(admin.call("POST", "/api/jobs/" + longId + "/cancel", null).statusCode())
                    .isEqualTo(200);
            TestWorld.waitForJob(admin, longId, "cancelled", Duration.ofMinutes(1));
            HttpResponse<String> retried =
                    admin.call("POST", "/api/jobs/" + longId + "/retry", null);
            assertThat(retried.statusCode()).isEqualTo(200);
            assertThat(TestWorld.json(retried).path("state").asText()).isIn("queued", "running");
            admin.call("POST", "/api/jobs/" + longId + "/cancel", null);
            TestWorld.waitForJob(admin, longId, "cancelled", Duration.ofMinutes(1));
        }
    }

    /** Reads the event stream until a finished job has been reported. */
    /**
     * Opens the job event stream and returns, once the server has answered it (so no event of a job
     * queued afterwards can be missed), the lines up to the first job that is done.
     */
    private static CompletableFuture<List<String>> events(TestWorld world, TestWorld.User admin)
            throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(world.uri("/api/jobs/events"))
                        .header("Cookie", "wm_session=" + admin.cookie())
                        .header("Accept", "text/event-stream")
                        .build();
        HttpResponse<InputStream> r =
                HttpClient.newHttpClient()
                        .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                        .get(30, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        return CompletableFuture.supplyAsync(
                () -> {
                    List<String> lines = new ArrayList<>();
                    try (InputStream in = r.body();
                            BufferedReader reader =
                                    new BufferedReader(
                                            new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            lines.add(line);
                            if (line.contains("\"state\":\"done\"")) {
                                break;
                            }
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return lines;
                });
    }
}
