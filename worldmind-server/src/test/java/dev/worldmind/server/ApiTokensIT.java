package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.server.TestWorld.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Scoped API tokens: each scope opens only its routes, they end, and they can be revoked. */
class ApiTokensIT extends WorldPerTest {
    private static String token(User owner, List<String> scopes, long ttl) {
        HttpResponse<String> r =
                owner.call(
                        "POST",
                        "/api/tokens",
                        Map.of("scopes", scopes, "ttl", ttl, "name", "my script"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = TestWorld.json(r);
        List<String> granted = new java.util.ArrayList<>();
        body.path("apiToken").path("scopes").forEach(n -> granted.add(n.asText()));
        assertThat(granted).containsExactlyInAnyOrderElementsOf(scopes);
        return body.path("token").asText();
    }

    private static User bearer(TestWorld world, String token) {
        User u = world.user();
        u.bearer = token;
        return u;
    }

    private static String error(HttpResponse<String> r) {
        return TestWorld.json(r).path("error").asText();
    }

    @Test
    void aReadTokenReadsButNeitherWritesNorMakesTokensNorOpensTheWorld() {
        User ann = world.user().enter("ann");
        String read = token(ann, List.of("read"), 3600);
        assertThat(read).startsWith("wmt_");
        User script = bearer(world, read);
        assertThat(script.call("GET", "/api/spaces", null).statusCode()).isEqualTo(200);
        assertThat(script.call("GET", "/api/avatar", null).statusCode()).isEqualTo(200);
        HttpResponse<String> write = script.call("PUT", "/api/avatar", Map.of("name", "hacked"));
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(error(write)).isEqualTo("insufficient_scope");
        HttpResponse<String> more =
                script.call("POST", "/api/tokens", Map.of("scopes", List.of("read")));
        assertThat(more.statusCode()).isEqualTo(403);
        assertThat(script.call("GET", "/api/tokens", null).statusCode()).isEqualTo(403);
        assertThat(script.call("POST", "/api/predict-nothing", null).statusCode())
                .isNotEqualTo(200);
        Throwable refused =
                catchCause(
                        () ->
                                HttpClient.newHttpClient()
                                        .newWebSocketBuilder()
                                        .header("Authorization", "Bearer " + read)
                                        .buildAsync(
                                                URI.create(
                                                        "ws://127.0.0.1:"
                                                                + world.server.port()
                                                                + "/ws"),
                                                new WsClient())
                                        .join());
        assertThat(refused).isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refused).getResponse().statusCode())
                .isEqualTo(401);
    }

    @Test
    void aPredictTokenOnlyPredicts() {
        User bob = world.user().enter("bob");
        world.user().admin().call("PUT", "/api/admin/accounts/bob/role", Map.of("role", "creator"));
        User script = bearer(world, token(bob, List.of("predict"), 3600));
        HttpResponse<String> predict =
                script.call("POST", "/api/models/digits/predict", Map.of("inputs", List.of()));
        assertThat(error(predict)).isNotEqualTo("insufficient_scope");
        assertThat(predict.statusCode()).isNotIn(401, 403);
        HttpResponse<String> read = script.call("GET", "/api/spaces", null);
        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(error(read)).isEqualTo("insufficient_scope");
    }

    @Test
    void onlyAnAdminTokenWithTheAdminScopeReachesTheAdminApi() {
        User visitor = world.user().enter("carl");
        HttpResponse<String> r =
                visitor.call("POST", "/api/tokens", Map.of("scopes", List.of("admin")));
        assertThat(r.statusCode()).isEqualTo(400);
        User admin = world.user().admin();
        User reader = bearer(world, token(admin, List.of("read"), 3600));
        HttpResponse<String> refused = reader.call("GET", "/api/admin/accounts", null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(error(refused)).isEqualTo("insufficient_scope");
        User operator = bearer(world, token(admin, List.of("admin"), 3600));
        assertThat(operator.call("GET", "/api/admin/accounts", null).statusCode()).isEqualTo(200);
        assertThat(
                        operator.call(
                                        "PUT",
                                        "/api/admin/accounts/carl/role",
                                        Map.of("role", "creator"))
                                .statusCode())
                .isEqualTo(204);
        // the admin scope is not a session: ordinary writes stay closed
        assertThat(operator.call("PUT", "/api/avatar", Map.of("name", "x")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void tokensEndAndCanBeRevoked() {
        User dora = world.user().enter("dora");
        String shortLived = token(dora, List.of("read"), 120);
        String revoked = token(dora, List.of("read"), 3600);
        assertThat(bearer(world, revoked).call("GET", "/api/spaces", null).statusCode())
                .isEqualTo(200);
        JsonNode list = TestWorld.json(dora.call("GET", "/api/tokens", null));
        assertThat(list).hasSize(2);
        assertThat(list.toString()).doesNotContain(revoked).doesNotContain("Hash");
        long id = list.get(1).path("id").asLong();
        assertThat(dora.call("DELETE", "/api/tokens/" + id, null).statusCode()).isEqualTo(204);
        assertThat(bearer(world, revoked).call("GET", "/api/spaces", null).statusCode())
                .isEqualTo(401);
        assertThat(
                        world.user()
                                .enter("eric")
                                .call("DELETE", "/api/tokens/" + id, null)
                                .statusCode())
                .isEqualTo(404);
        clock.advance(Duration.ofSeconds(121));
        assertThat(bearer(world, shortLived).call("GET", "/api/spaces", null).statusCode())
                .isEqualTo(401);
        // the browser's cookie session goes on as before (it was used a moment ago)
        assertThat(dora.call("GET", "/api/session", null).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesUnknownScopesAndLifetimesOverAYear() {
        User fred = world.user().enter("fred");
        for (Map<String, Object> body :
                List.<Map<String, Object>>of(
                        Map.of("scopes", List.of("session")),
                        Map.of("scopes", List.of("write")),
                        Map.of("scopes", List.of()),
                        Map.of("scopes", List.of("read"), "ttl", 400L * 24 * 3600),
                        Map.of("scopes", List.of("read"), "ttl", -5))) {
            assertThat(fred.call("POST", "/api/tokens", body).statusCode())
                    .as(body.toString())
                    .isEqualTo(400);
        }
        // the password form still gives a session token, as scripts used it
        HttpResponse<String> login =
                world.user()
                        .send(
                                "POST",
                                "/api/tokens",
                                Map.of("username", "fred", "password", "fred-password-long"),
                                Map.of());
        assertThat(login.statusCode()).isEqualTo(201);
        assertThat(TestWorld.json(login).path("token").asText()).doesNotStartWith("wmt_");
    }

    private static Throwable catchCause(Runnable r) {
        try {
            r.run();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}
