package dev.worldmind.server.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.progress.ProgressMonitor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The few REST calls the load tools make to set a server up: an admin token, bot accounts with
 * avatars, and whether the AI characters are ready. Thread-safe.
 */
final class AdminApi {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String adminToken;

    /**
     * Logs in as an admin.
     *
     * @param base the server, e.g. {@code http://127.0.0.1:8080}
     * @param adminUser an admin's name
     * @param adminPassword the admin's password
     */
    AdminApi(URI base, String adminUser, String adminPassword) {
        this.base = base;
        this.adminToken =
                post("/api/tokens", null, Map.of("username", adminUser, "password", adminPassword))
                        .get("token")
                        .asText();
    }

    /**
     * Creates bot accounts, each with an avatar of its own colour.
     *
     * @param count how many
     * @param prefix the start of their names
     * @param progress where to report progress
     * @return a bearer token per bot
     */
    List<String> bots(int count, String prefix, ProgressMonitor progress) {
        JsonNode bots =
                post("/api/admin/bots", adminToken, Map.of("count", count, "prefix", prefix));
        List<String> tokens = new ArrayList<>();
        bots.get("tokens").forEach(t -> tokens.add(t.asText()));
        progress.info("creating " + tokens.size() + " bot avatars");
        List<CompletableFuture<HttpResponse<String>>> puts = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String body =
                    Json.write(
                            Map.of(
                                    "name",
                                    "Load " + (i + 1),
                                    "appearance",
                                    Map.of(
                                            "body",
                                                    String.format(
                                                            "#%06x", (i * 2654435761L) & 0xffffff),
                                            "head", "#f1c27d",
                                            "accent", "#222222",
                                            "shape", "round",
                                            "height", 1.0)));
            puts.add(
                    http.sendAsync(
                            request("/api/avatar", tokens.get(i))
                                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()));
            if (puts.size() >= 32) {
                puts.forEach(CompletableFuture::join);
                puts.clear();
            }
        }
        puts.forEach(CompletableFuture::join);
        return tokens;
    }

    /**
     * Waits until every AI character answers talk (the server loads them in the background).
     *
     * @param limit how long to wait at most
     * @return how many characters there are
     * @throws WorldmindException when they are not ready in time
     */
    int awaitCharacters(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            JsonNode list = get("/api/characters").path("characters");
            boolean ready = list.size() > 0;
            for (JsonNode c : list) {
                ready &= c.path("ready").asBoolean();
            }
            if (ready) {
                return list.size();
            }
            if (System.nanoTime() > deadline) {
                throw new WorldmindException(
                        "the characters of "
                                + base
                                + " were not ready within "
                                + limit.toSeconds()
                                + " s");
            }
            sleep(250);
        }
    }

    /**
     * Creates a space as the admin.
     *
     * @param space the space's JSON fields (id, kind, layout, ...)
     */
    void createSpace(Map<String, Object> space) {
        post("/api/spaces", adminToken, space);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json");
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private JsonNode get(String path) {
        return send("GET", path, request(path, adminToken).GET().build());
    }

    private JsonNode post(String path, String token, Object body) {
        return send(
                "POST",
                path,
                request(path, token)
                        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                        .build());
    }

    private JsonNode send(String method, String path, HttpRequest request) {
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new WorldmindException(
                        method
                                + " "
                                + path
                                + " answered "
                                + response.statusCode()
                                + ": "
                                + response.body());
            }
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new WorldmindException("cannot reach " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorldmindException("interrupted", e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorldmindException("interrupted", e);
        }
    }
}
