package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.server.TestWorld.User;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountsIT extends WorldPerTest {
    @Test
    void registersLogsInAndOut() {
        User ada = world.user();
        HttpResponse<String> r = ada.register("Ada", "correct horse battery");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("wm_session=")
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
        assertThat(TestWorld.json(r).path("account").path("username").asText()).isEqualTo("ada");
        assertThat(TestWorld.json(r).path("account").path("role").asText()).isEqualTo("visitor");
        assertThat(ada.call("GET", "/api/session", null).statusCode()).isEqualTo(200);
        assertThat(ada.call("POST", "/api/logout", null).statusCode()).isEqualTo(204);
        assertThat(ada.call("GET", "/api/session", null).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesShortPasswordsTakenNamesAndWrongPasswords() {
        User u = world.user();
        HttpResponse<String> shortPw = u.register("bob", "short");
        assertThat(shortPw.statusCode()).isEqualTo(400);
        assertThat(TestWorld.json(shortPw).path("message").asText()).contains("12 characters");
        assertThat(u.register("bob", "a long enough password").statusCode()).isEqualTo(201);
        assertThat(world.user().register("BOB", "another long password").statusCode())
                .isEqualTo(409);
        HttpResponse<String> wrong = world.user().login("bob", "not the password!");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(TestWorld.json(wrong).path("error").asText()).isEqualTo("bad_credentials");
        assertThat(world.user().login("nobody", "not the password!").statusCode()).isEqualTo(401);
        assertThat(world.user().login("bob", "a long enough password").statusCode()).isEqualTo(200);
    }

    @Test
    void refusesBlankRepeatedAndCommonPasswords() {
        for (String weak :
                new String[] {
                    "            ", // 12 spaces: the probe's
                    "\t\t\t\t\t\t\u3000\u3000\u3000\u3000\u3000\u3000",
                    "aaaaaaaaaaaaaaaa",
                    "qwerty123456",
                    "QWERTYqwerty"
                }) {
            HttpResponse<String> r = world.user().register("weak", weak);
            assertThat(r.statusCode()).as("'%s'", weak).isEqualTo(400);
            assertThat(TestWorld.json(r).path("message").asText()).contains("guess");
        }
        assertThat(
                        world.user()
                                .register("weak", "  spaces around a real passphrase  ")
                                .statusCode())
                .isEqualTo(201);
    }

    @Test
    void aSessionCannotBeUsedToGuessThePassword() {
        User hal = world.user();
        hal.register("hal", "hal's long password");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r =
                    hal.call(
                            "POST",
                            "/api/password",
                            Map.of(
                                    "password",
                                    "guess number " + i,
                                    "newPassword",
                                    "a new passphrase"));
            assertThat(r.statusCode()).isEqualTo(401);
        }
        HttpResponse<String> blocked =
                hal.call(
                        "POST",
                        "/api/password",
                        Map.of(
                                "password",
                                "hal's long password",
                                "newPassword",
                                "a new passphrase"));
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void throttlesRepeatedFailuresEvenWithTheRightPassword() {
        world.user().register("carol", "carol's long password");
        for (int i = 0; i < 5; i++) {
            assertThat(world.user().login("carol", "wrong password " + i).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> blocked = world.user().login("carol", "carol's long password");
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        clock.advance(Duration.ofMinutes(16));
        assertThat(world.user().login("carol", "carol's long password").statusCode())
                .isEqualTo(200);
    }

    @Test
    void throttlesAnAddressTryingManyAccounts() {
        for (int i = 0; i < 20; i++) {
            world.user().login("ghost" + i, "wrong password " + i);
        }
        world.user().register("dave", "dave's long password");
        // dave's account never failed, but this address did 20 times
        assertThat(world.user().login("dave", "dave's long password").statusCode()).isEqualTo(429);
    }

    @Test
    void sessionsExpireWhenIdleAndAfterTheirLifetime() {
        User erin = world.user();
        erin.register("erin", "erin's long password");
        clock.advance(Duration.ofMinutes(29));
        assertThat(erin.call("GET", "/api/session", null).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        assertThat(erin.call("GET", "/api/session", null).statusCode()).isEqualTo(401);

        User frank = world.user();
        frank.register("frank", "frank's long password");
        for (int i = 0; i < 30; i++) { // active every 25 min for 12.5 hours
            clock.advance(Duration.ofMinutes(25));
            if (frank.call("GET", "/api/session", null).statusCode() != 200) {
                assertThat(i * 25L).isGreaterThanOrEqualTo(12 * 60 - 50);
                return;
            }
        }
        throw new AssertionError("the session outlived its absolute lifetime");
    }

    @Test
    void loginRotatesTheSession() {
        User gina = world.user();
        gina.register("gina", "gina's long password");
        String before = gina.cookie();
        gina.login("gina", "gina's long password");
        String after = gina.cookie();
        assertThat(after).isNotEqualTo(before);
        User thief = world.user();
        HttpResponse<String> old =
                thief.send("GET", "/api/session", null, Map.of("Cookie", "wm_session=" + before));
        assertThat(old.statusCode()).isEqualTo(401);
    }

    @Test
    void cookieWritesNeedTheCsrfTokenAndAnAllowedOrigin() {
        User hal = world.user();
        hal.register("hal", "hal's long password");
        Map<String, Object> avatar = Map.of("name", "Hal");
        assertThat(hal.send("PUT", "/api/avatar", avatar, Map.of()).statusCode()).isEqualTo(403);
        assertThat(
                        hal.send("PUT", "/api/avatar", avatar, Map.of("X-CSRF-Token", "forged"))
                                .statusCode())
                .isEqualTo(403);
        assertThat(
                        hal.send(
                                        "PUT",
                                        "/api/avatar",
                                        avatar,
                                        Map.of(
                                                "X-CSRF-Token",
                                                hal.csrf,
                                                "Origin",
                                                "http://evil.example"))
                                .statusCode())
                .isEqualTo(403);
        assertThat(hal.call("PUT", "/api/avatar", avatar).statusCode()).isEqualTo(200);
    }

    @Test
    void bearerTokensNeedNoCsrfAndRolesAreEnforced() {
        world.user().register("ivy", "ivy's long password");
        User api = world.user();
        HttpResponse<String> t =
                api.send(
                        "POST",
                        "/api/tokens",
                        Map.of("username", "ivy", "password", "ivy's long password"),
                        Map.of());
        assertThat(t.statusCode()).isEqualTo(201);
        api.bearer = TestWorld.json(t).path("token").asText();
        assertThat(api.call("PUT", "/api/avatar", Map.of("name", "Ivy")).statusCode())
                .isEqualTo(200);
        assertThat(api.call("GET", "/api/admin/accounts", null).statusCode()).isEqualTo(403);
        assertThat(
                        api.call("POST", "/api/spaces", Map.of("id", "mine", "kind", "plaza"))
                                .statusCode())
                .isEqualTo(403);
        User admin = world.user().admin();
        assertThat(
                        admin.call("PUT", "/api/admin/accounts/ivy/role", Map.of("role", "creator"))
                                .statusCode())
                .isEqualTo(204);
        assertThat(
                        api.call("POST", "/api/spaces", Map.of("id", "mine", "kind", "plaza"))
                                .statusCode())
                .isEqualTo(201);
    }

    @Test
    void badBodiesGetClearErrors() {
        User u = world.user();
        HttpResponse<String> notJson = u.send("POST", "/api/register", "{not json", Map.of());
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(TestWorld.json(notJson).path("error").asText()).isEqualTo("bad_request");
        HttpResponse<String> huge =
                u.send("POST", "/api/register", "x".repeat(2_000_000), Map.of());
        assertThat(huge.statusCode()).isEqualTo(413);
        HttpResponse<String> unknown = u.send("GET", "/api/nothing-here", null, Map.of());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(world.user().send("GET", "/api/health", null, Map.of()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void invalidValuesAreClear400sNot500s() {
        User u = world.user();
        u.register("val", "val's long password");
        HttpResponse<String> longName =
                u.call("PUT", "/api/avatar", Map.of("name", "x".repeat(40)));
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(TestWorld.json(longName).path("message").asText()).contains("name");
        HttpResponse<String> badShape =
                u.call(
                        "PUT",
                        "/api/avatar",
                        Map.of(
                                "name",
                                "Val",
                                "appearance",
                                Map.of(
                                        "body", "#112233", "head", "#112233", "accent", "#112233",
                                        "shape", "cube", "height", 1.0)));
        assertThat(badShape.statusCode()).isEqualTo(400);
        assertThat(TestWorld.json(badShape).path("message").asText()).contains("cube");

        User admin = world.user().admin();
        HttpResponse<String> badId =
                admin.call("POST", "/api/spaces", Map.of("id", "No Spaces!", "kind", "plaza"));
        assertThat(badId.statusCode()).isEqualTo(400);
        HttpResponse<String> badKind =
                admin.call("POST", "/api/spaces", Map.of("id", "x1", "kind", "castle"));
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(TestWorld.json(badKind).path("message").asText()).contains("castle");
        HttpResponse<String> backwards =
                admin.call(
                        "GET",
                        "/api/admin/events?from=2026-11-29T11:00:00Z&to=2026-11-29T10:00:00Z",
                        null);
        assertThat(backwards.statusCode()).isEqualTo(400);
        HttpResponse<String> longReason =
                admin.call(
                        "POST",
                        "/api/spaces/plaza/bans",
                        Map.of("username", "val", "reason", "r".repeat(600)));
        assertThat(longReason.statusCode()).isEqualTo(400);
    }
}
