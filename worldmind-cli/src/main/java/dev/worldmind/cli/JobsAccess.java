package dev.worldmind.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.app.job.JobKinds;
import dev.worldmind.app.job.JobQueue;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.jobs.JobStore;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.server.http.JobView;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where {@code worldmind jobs} reads and changes jobs: the running server of this home (through its
 * API, with the token in {@code <home>/run/server.json}) or, when none runs, the home's database
 * directly; the next server start runs what was queued.
 */
abstract class JobsAccess implements AutoCloseable {
    abstract String where();

    abstract List<JobView> list(int limit);

    abstract JobView show(long id);

    abstract JobView cancel(long id);

    abstract JobView retry(long id);

    abstract JobView submit(String kind, Map<String, Object> settings);

    @Override
    public void close() {}

    static JobsAccess open(WorldmindHome home, ServerOptions options) {
        Path file = home.root().resolve("run").resolve("server.json");
        if (Files.isRegularFile(file)) {
            try {
                JsonNode n = Json.mapper().readTree(file.toFile());
                long pid = n.path("pid").asLong();
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    return new Server(n.path("url").asText(), n.path("token").asText());
                }
            } catch (IOException e) {
                // unreadable: fall back to the database
            }
        }
        ServerConfig config = options.serverConfig(home);
        Database db = Database.open(ServerOptions.databaseConfig(config, home));
        return new Home(db, new JobQueue(db, home, JobKinds.installed()), home);
    }

    /** The home's database, while no server runs. */
    static final class Home extends JobsAccess {
        private final Database db;
        private final JobQueue queue;
        private final WorldmindHome home;

        Home(Database db, JobQueue queue, WorldmindHome home) {
            this.db = db;
            this.queue = queue;
            this.home = home;
        }

        @Override
        String where() {
            return "the jobs in " + home.root() + " (no server runs; the next start runs them)";
        }

        @Override
        List<JobView> list(int limit) {
            return queue.list(limit).stream().map(JobView::of).toList();
        }

        @Override
        JobView show(long id) {
            var j =
                    queue.find(id)
                            .orElseThrow(
                                    () -> new dev.worldmind.core.NotFoundException("no job " + id));
            return JobView.of(j, null, queue.log(id, 200), null);
        }

        @Override
        JobView cancel(long id) {
            try {
                return JobView.of(queue.cancel(id));
            } catch (IllegalStateException e) {
                throw new WorldmindException(e.getMessage());
            }
        }

        @Override
        JobView retry(long id) {
            try {
                JobStore.Enqueued e = queue.retry(id);
                return JobView.of(e.job(), e.deduplicated(), null, null);
            } catch (IllegalStateException e) {
                throw new WorldmindException(e.getMessage());
            }
        }

        @Override
        JobView submit(String kind, Map<String, Object> settings) {
            JobStore.Enqueued e = queue.submit(kind, settings, "cli");
            return JobView.of(e.job(), e.deduplicated(), null, null);
        }

        @Override
        public void close() {
            db.close();
        }
    }

    /** The running server's API. */
    static final class Server extends JobsAccess {
        private final String url;
        private final String token;
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Server(String url, String token) {
            this.url = url.endsWith("/") ? url : url + "/";
            this.token = token;
        }

        @Override
        String where() {
            return "the running server at " + url;
        }

        @Override
        List<JobView> list(int limit) {
            JsonNode n = call("GET", "api/jobs?limit=" + limit, null);
            List<JobView> out = new ArrayList<>();
            for (JsonNode j : n.path("jobs")) {
                out.add(Json.mapper().convertValue(j, JobView.class));
            }
            return out;
        }

        @Override
        JobView show(long id) {
            return Json.mapper().convertValue(call("GET", "api/jobs/" + id, null), JobView.class);
        }

        @Override
        JobView cancel(long id) {
            return Json.mapper()
                    .convertValue(call("POST", "api/jobs/" + id + "/cancel", ""), JobView.class);
        }

        @Override
        JobView retry(long id) {
            return Json.mapper()
                    .convertValue(call("POST", "api/jobs/" + id + "/retry", ""), JobView.class);
        }

        @Override
        JobView submit(String kind, Map<String, Object> settings) {
            String body = Json.write(Map.of("kind", kind, "settings", settings));
            return Json.mapper().convertValue(call("POST", "api/jobs", body), JobView.class);
        }

        private JsonNode call(String method, String path, String body) {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(url + path))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json");
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                JsonNode n = r.body().isBlank() ? null : Json.mapper().readTree(r.body());
                if (r.statusCode() >= 300) {
                    String message = n == null ? "" : n.path("message").asText();
                    throw new WorldmindException(
                            "the server answered " + r.statusCode() + ": " + message);
                }
                return n;
            } catch (IOException e) {
                throw new WorldmindException("cannot reach the server at " + url + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorldmindException("interrupted", e);
            }
        }
    }
}
