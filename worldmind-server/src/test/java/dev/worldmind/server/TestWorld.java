package dev.worldmind.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.server.config.AccountsConfig;
import dev.worldmind.server.config.ServerConfig;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A real world server on a free loopback port, with helpers to call it like a client would. */
final class TestWorld implements AutoCloseable {
    final WorldServer server;
    final String adminPassword;

    TestWorld(DatabaseConfig db, Clock clock) {
        // Tests register many accounts from 127.0.0.1, which a real deployment's throttle would
        // stop; RegistrationThrottleIT passes the defaults explicitly to test the throttle itself.
        this(
                ServerConfig.defaults()
                        .with("server.port", 0)
                        .with("accounts", new AccountsConfig(0, Duration.ofHours(1))),
                db,
                clock);
    }

    TestWorld(ServerConfig config, DatabaseConfig db, Clock clock) {
        this.server = WorldServer.start(config, db, clock);
        this.adminPassword = server.firstAdminPassword().orElse(null);
    }

    /** A world that also runs background jobs in a home. */
    TestWorld(
            ServerConfig config,
            DatabaseConfig db,
            Clock clock,
            dev.worldmind.server.config.JobsConfig jobs) {
        this.server = WorldServer.start(config, db, clock, jobs);
        this.adminPassword = server.firstAdminPassword().orElse(null);
    }

    /**
     * A world that runs background jobs in {@code home} and serves the models they register there.
     *
     * @param home the jobs' home
     * @param db the database
     */
    static TestWorld runningJobs(dev.worldmind.core.WorldmindHome home, DatabaseConfig db) {
        ServerConfig config =
                ServerConfig.defaults()
                        .with("server.port", 0)
                        .with("serving.models", home.models());
        return new TestWorld(
                config,
                db,
                Clock.systemUTC(),
                new dev.worldmind.server.config.JobsConfig(home, 2, 1));
    }

    /**
     * A space's layout as the API takes it: a floor with spawn points and nothing on it.
     *
     * @param width its width in metres
     * @param depth its depth in metres
     * @param spawns the spawn points, each {@code {"x": .., "z": ..}}
     */
    static Map<String, Object> emptyLayout(int width, int depth, List<Map<String, Object>> spawns) {
        return Map.of(
                "width",
                width,
                "depth",
                depth,
                "spawns",
                spawns,
                "obstacles",
                List.of(),
                "portals",
                List.of(),
                "items",
                List.of());
    }

    /** Sleeps, failing the test if interrupted. */
    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A browser-like client: keeps cookies, sends the CSRF token it was given. */
    User user() {
        return new User(this);
    }

    @Override
    public void close() {
        server.close();
    }

    /**
     * Polls a job until it reaches a state; fails at once when it fails or is blocked instead.
     *
     * @param user who asks (creator or admin)
     * @param id the job
     * @param state the state to wait for, e.g. {@code done}
     * @param limit how long to wait
     * @return the job with its log and points
     */
    static JsonNode waitForJob(User user, long id, String state, Duration limit)
            throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        JsonNode job = null;
        while (System.nanoTime() < end) {
            job = json(user.call("GET", "/api/jobs/" + id, null));
            String now = job.path("state").asText();
            if (now.equals(state)) {
                return job;
            }
            if (!now.equals("queued") && !now.equals("running") && !now.equals("cancelled")) {
                throw new AssertionError("job " + id + " is " + job);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " did not get " + state + ": " + job);
    }

    static final class User {
        final TestWorld world;
        final HttpClient http;
        String csrf;
        String bearer;
        long id;

        User(TestWorld world) {
            this.world = world;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        }

        HttpResponse<String> send(
                String method, String path, Object body, Map<String, String> headers) {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(world.uri(path)).timeout(Duration.ofSeconds(30));
            b.method(
                    method,
                    body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(
                                    body instanceof String s ? s : Json.write(body)));
            b.header("Content-Type", "application/json");
            headers.forEach(b::header);
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A call with the session's CSRF token (or bearer), as the web client makes it. */
        HttpResponse<String> call(String method, String path, Object body) {
            if (bearer != null) {
                return send(method, path, body, Map.of("Authorization", "Bearer " + bearer));
            }
            return send(method, path, body, csrf == null ? Map.of() : Map.of("X-CSRF-Token", csrf));
        }

        HttpResponse<String> register(String name, String password) {
            HttpResponse<String> r =
                    send(
                            "POST",
                            "/api/register",
                            Map.of("username", name, "password", password),
                            Map.of());
            remember(r);
            return r;
        }

        HttpResponse<String> login(String name, String password) {
            HttpResponse<String> r =
                    send(
                            "POST",
                            "/api/login",
                            Map.of("username", name, "password", password),
                            Map.of());
            remember(r);
            return r;
        }

        /** Registers and creates an avatar named like the user. */
        User enter(String name) {
            HttpResponse<String> r = register(name, name + "-password-long");
            if (r.statusCode() != 201) {
                throw new IllegalStateException("register failed: " + r.body());
            }
            HttpResponse<String> a = call("PUT", "/api/avatar", Map.of("name", name));
            if (a.statusCode() != 200) {
                throw new IllegalStateException("avatar failed: " + a.body());
            }
            return this;
        }

        /**
         * Gives a user a role in a space ({@code PUT /api/spaces/{space}/members/{user}}).
         *
         * @return the response's status code
         */
        int setMemberRole(String space, String username, String role) {
            return call(
                            "PUT",
                            "/api/spaces/" + space + "/members/" + username,
                            Map.of("role", role))
                    .statusCode();
        }

        User admin() {
            HttpResponse<String> r = login("admin", world.adminPassword);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("admin login failed: " + r.body());
            }
            return this;
        }

        private void remember(HttpResponse<String> r) {
            if (r.statusCode() / 100 == 2) {
                JsonNode body = json(r);
                csrf = body.path("csrfToken").asText(null);
                id = body.path("account").path("id").asLong();
            }
        }

        String cookie() {
            return ((CookieManager) http.cookieHandler().orElseThrow())
                    .getCookieStore().getCookies().stream()
                            .filter(c -> c.getName().equals("wm_session"))
                            .map(c -> c.getValue())
                            .findFirst()
                            .orElse(null);
        }

        WsClient socket() {
            return WsClient.open(
                    world, Map.of("Cookie", "wm_session=" + cookie(), "Origin", world.origin()));
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return Json.mapper().readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + r.body(), e);
        }
    }
}
