package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.server.TestWorld.User;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Rights taken away over REST reach open sockets: logout, password change and expiry close them
 * with 4401, a change of global role with 4403, and a demoted account cannot enter a private space.
 * (The waits are generous so a busy machine does not fail them; the close is sent before the
 * logout's answer leaves, and expiry is swept every second.)
 */
class RevocationIT extends WorldPerTest {
    private static final long WAIT = 10;

    @Test
    void logoutClosesTheSocketWhichCanNoLongerChat() throws Exception {
        User ann = world.user().enter("ann");
        try (WsClient s = ann.socket()) {
            s.join("plaza");
            assertThat(ann.call("POST", "/api/logout", null).statusCode()).isEqualTo(204);
            assertThat(s.closed.get(WAIT, TimeUnit.SECONDS)).isEqualTo(4401);
            // nothing said after the logout is heard
            try (WsClient other = world.user().enter("bob").socket()) {
                other.join("plaza");
                try {
                    s.send(Map.of("type", "chat", "text", "still here?"));
                } catch (RuntimeException closedAlready) {
                    // the socket refused to send: as good
                }
                assertThat(other.drain(Duration.ofMillis(500)))
                        .noneMatch(m -> m.path("type").asText().equals("chat"));
            }
        }
    }

    @Test
    void aGlobalDemotionClosesTheSocketAndTheDemotedCannotEnterAPrivateSpace() throws Exception {
        User admin = world.user().admin();
        User maker = world.user().enter("maker");
        admin.call("PUT", "/api/admin/accounts/maker/role", Map.of("role", "creator"));
        maker.call(
                "POST",
                "/api/spaces",
                Map.of("id", "vault", "kind", "classroom", "visibility", "private"));
        User eve = world.user().enter("eve");
        admin.call("PUT", "/api/admin/accounts/eve/role", Map.of("role", "admin"));
        try (WsClient s = eve.socket()) {
            assertThat(s.join("vault").path("space").path("id").asText()).isEqualTo("vault");
            admin.call("PUT", "/api/admin/accounts/eve/role", Map.of("role", "visitor"));
            assertThat(s.closed.get(WAIT, TimeUnit.SECONDS)).isEqualTo(4403);
        }
        try (WsClient s = eve.socket()) {
            s.await("welcome");
            s.send(Map.of("type", "join", "space", "vault"));
            assertThat(s.await("error").path("code").asText()).isEqualTo("not_found");
        }
    }

    @Test
    void losingTheSpaceRoleTakesTheMemberOutOfAPrivateSpace() {
        User admin = world.user().admin();
        User maker = world.user().enter("owner");
        admin.call("PUT", "/api/admin/accounts/owner/role", Map.of("role", "creator"));
        maker.call(
                "POST",
                "/api/spaces",
                Map.of("id", "den", "kind", "classroom", "visibility", "private"));
        User guest = world.user().enter("guest");
        maker.setMemberRole("den", "guest", "member");
        try (WsClient s = guest.socket()) {
            s.join("den");
            assertThat(maker.call("DELETE", "/api/spaces/den/members/guest", null).statusCode())
                    .isEqualTo(204);
            s.await("left");
            s.send(Map.of("type", "join", "space", "den"));
            assertThat(s.await("error").path("code").asText()).isEqualTo("not_found");
        }
    }

    @Test
    void aPasswordChangeEndsEveryOtherSessionAndSocket() throws Exception {
        User cat = world.user().enter("cat");
        User catElsewhere = world.user();
        catElsewhere.login("cat", "cat-password-long");
        try (WsClient s = catElsewhere.socket()) {
            s.join("plaza");
            assertThat(
                            cat.call(
                                            "POST",
                                            "/api/password",
                                            Map.of(
                                                    "password",
                                                    "cat-password-long",
                                                    "newPassword",
                                                    "a brand new passphrase"))
                                    .statusCode())
                    .isEqualTo(200);
            assertThat(s.closed.get(WAIT, TimeUnit.SECONDS)).isEqualTo(4401);
        }
        assertThat(catElsewhere.call("GET", "/api/session", null).statusCode()).isEqualTo(401);
        assertThat(world.user().login("cat", "cat-password-long").statusCode()).isEqualTo(401);
        assertThat(world.user().login("cat", "a brand new passphrase").statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredSessionClosesItsSocket() throws Exception {
        User dan = world.user().enter("dan");
        try (WsClient s = dan.socket()) {
            s.join("plaza");
            clock.advance(Duration.ofMinutes(31)); // idle: nothing sent for longer than 30 min
            assertThat(s.closed.get(WAIT, TimeUnit.SECONDS)).isEqualTo(4401);
        }
        assertThat(dan.call("GET", "/api/session", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aSocketInUseKeepsItsSessionAlive() {
        User fay = world.user().enter("fay");
        try (WsClient s = fay.socket()) {
            s.join("plaza");
            for (int i = 0; i < 4; i++) { // 4 x 20 min of chatting, no REST call
                clock.advance(Duration.ofMinutes(20));
                s.send(Map.of("type", "ping", "t", i));
                JsonNode pong = s.await("pong");
                assertThat(pong).isNotNull();
                s.drain(Duration.ofMillis(1200)); // a sweep runs
                assertThat(s.closed).isNotDone();
            }
        }
        assertThat(fay.call("GET", "/api/session", null).statusCode()).isEqualTo(200);
    }
}
