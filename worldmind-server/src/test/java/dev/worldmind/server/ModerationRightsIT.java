package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.server.TestWorld.User;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ranked moderation rules through both doors, REST and WebSocket, on a real server: a moderator
 * can neither ban the owner nor an admin, and an owner cannot make a second owner.
 */
class ModerationRightsIT extends WorldPerClass {
    static User admin;

    @BeforeAll
    static void start() {
        admin = world.user().admin();
        admin.call("PUT", "/api/avatar", Map.of("name", "admin"));
    }

    /** A space owned by {@code <prefix>_own} with {@code <prefix>_mod} as moderator. */
    private static User[] space(String id) {
        User owner = world.user().enter(id + "_own");
        admin.call("PUT", "/api/admin/accounts/" + id + "_own/role", Map.of("role", "creator"));
        assertThat(
                        owner.call("POST", "/api/spaces", Map.of("id", id, "kind", "plaza"))
                                .statusCode())
                .isEqualTo(201);
        User mod = world.user().enter(id + "_mod");
        assertThat(owner.setMemberRole(id, id + "_mod", "moderator")).isEqualTo(204);
        return new User[] {owner, mod};
    }

    @Test
    void aModeratorCannotBanTheOwnerOrAnAdminOverRest() {
        User[] s = space("rest1");
        User owner = s[0];
        User mod = s[1];
        HttpResponse<String> banOwner =
                mod.call("POST", "/api/spaces/rest1/bans", Map.of("username", "rest1_own"));
        assertThat(banOwner.statusCode()).isEqualTo(403);
        HttpResponse<String> banAdmin =
                mod.call("POST", "/api/spaces/rest1/bans", Map.of("username", "admin"));
        assertThat(banAdmin.statusCode()).isEqualTo(403);
        // the owner is still the owner: they may still manage members and unban
        assertThat(owner.setMemberRole("rest1", "rest1_mod", "member")).isEqualTo(204);
        // and the (former) moderator now may not ban anyone
        assertThat(
                        mod.call("POST", "/api/spaces/rest1/bans", Map.of("username", "rest1_own"))
                                .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anOwnerCannotMakeASecondOwnerNorAModeratorChangeRoles() {
        User[] s = space("rest2");
        User owner = s[0];
        User mod = s[1];
        world.user().enter("rest2_x");
        assertThat(owner.setMemberRole("rest2", "rest2_x", "owner")).isEqualTo(403);
        assertThat(mod.setMemberRole("rest2", "rest2_x", "member")).isEqualTo(403);
        assertThat(owner.setMemberRole("rest2", "rest2_own", "member")).isEqualTo(400);
        assertThat(admin.setMemberRole("rest2", "rest2_x", "owner")).isEqualTo(204);
    }

    @Test
    void aModeratorCannotBanTheOwnerOrAnAdminOverTheSocket() {
        User[] s = space("ws1");
        User owner = s[0];
        User mod = s[1];
        try (WsClient o = owner.socket();
                WsClient m = mod.socket();
                WsClient a = admin.socket()) {
            o.join("ws1");
            m.join("ws1");
            a.join("ws1");
            for (long target : new long[] {owner.id, admin.id}) {
                m.moderate("ban", target);
                JsonNode error = m.await("error");
                assertThat(error.path("code").asText()).isEqualTo("forbidden");
            }
        }
        // the owner kept the space
        assertThat(owner.setMemberRole("ws1", "ws1_mod", "member")).isEqualTo(204);
    }

    @Test
    void anAdminBansAnOwnerOnlyAfterDemotingThemThroughEitherDoor() {
        User[] s = space("adm1");
        User owner = s[0];
        HttpResponse<String> r =
                admin.call("POST", "/api/spaces/adm1/bans", Map.of("username", "adm1_own"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(TestWorld.json(r).path("message").asText()).contains("role");
        try (WsClient o = owner.socket();
                WsClient a = admin.socket()) {
            o.join("adm1");
            a.join("adm1");
            a.moderate("ban", owner.id);
            assertThat(a.await("error").path("code").asText()).isEqualTo("forbidden");
            // an explicit demotion first, then the ban goes through
            assertThat(admin.setMemberRole("adm1", "adm1_own", "member")).isEqualTo(204);
            a.moderate("ban", owner.id);
            assertThat(o.await("moderated").path("action").asText()).isEqualTo("ban");
        }
    }

    @Test
    void aModerationLongerThanAYearIsABadMessageAndABadRequest() {
        User[] s = space("dur1");
        User owner = s[0];
        User mod = s[1];
        try (WsClient o = owner.socket();
                WsClient m = mod.socket()) {
            o.join("dur1");
            m.join("dur1");
            o.moderate("mute", mod.id, "seconds", 9_000_000_000_000_000_000L);
            JsonNode error = o.await("error");
            assertThat(error.path("code").asText()).isEqualTo("bad_message");
            assertThat(error.path("message").asText()).contains("seconds");
        }
        world.user().enter("dur1_x");
        HttpResponse<String> r =
                owner.call(
                        "POST",
                        "/api/spaces/dur1/bans",
                        Map.of("username", "dur1_x", "seconds", 9_000_000_000_000_000_000L));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(
                        owner.call(
                                        "POST",
                                        "/api/spaces/dur1/bans",
                                        Map.of("username", "dur1_x", "seconds", 3600))
                                .statusCode())
                .isEqualTo(204);
    }

    @Test
    void unknownAndForbiddenPrivateSpacesGetTheSameAnswer() {
        User maker = world.user().enter("hider");
        admin.call("PUT", "/api/admin/accounts/hider/role", Map.of("role", "creator"));
        maker.call(
                "POST",
                "/api/spaces",
                Map.of(
                        "id",
                        "hideout",
                        "name",
                        "The Hideout",
                        "kind",
                        "classroom",
                        "visibility",
                        "private"));
        User stranger = world.user().enter("seeker");
        try (WsClient s = stranger.socket()) {
            s.await("welcome");
            s.send(Map.of("type", "join", "space", "hideout"));
            JsonNode forbidden = s.await("error");
            s.send(Map.of("type", "join", "space", "nowhere"));
            JsonNode unknown = s.await("error");
            assertThat(forbidden.path("code").asText()).isEqualTo(unknown.path("code").asText());
            assertThat(forbidden.path("message").asText())
                    .isEqualTo(unknown.path("message").asText())
                    .doesNotContain("Hideout")
                    .doesNotContain("hideout");
        }
    }

    @Test
    void theMemberAndBanRoutesAnswerAHiddenSpaceLikeAnUnknownOne() {
        User maker = world.user().enter("veiler");
        admin.call("PUT", "/api/admin/accounts/veiler/role", Map.of("role", "creator"));
        maker.call(
                "POST",
                "/api/spaces",
                Map.of("id", "veiled", "kind", "plaza", "visibility", "private"));
        User prober = world.user().enter("prober");
        world.user().enter("prey");
        // A stranger's probe told them apart by 403 against 404 on these routes.
        String[][] calls = {
            {"PUT", "/members/prey"}, {"DELETE", "/members/prey"},
            {"POST", "/bans"}, {"DELETE", "/bans/prey"}
        };
        for (String[] call : calls) {
            Object body =
                    call[0].equals("DELETE")
                            ? null
                            : call[1].equals("/bans")
                                    ? Map.of("username", "prey")
                                    : Map.of("role", "member");
            var hidden = prober.call(call[0], "/api/spaces/veiled" + call[1], body);
            var unknown = prober.call(call[0], "/api/spaces/nowhere2" + call[1], body);
            assertThat(hidden.statusCode()).as(call[0] + call[1]).isEqualTo(404);
            assertThat(TestWorld.json(hidden).path("message").asText().replace("veiled", "X"))
                    .isEqualTo(
                            TestWorld.json(unknown)
                                    .path("message")
                                    .asText()
                                    .replace("nowhere2", "X"));
        }
    }

    @Test
    void aBanReasonOverRestFollowsTheSameTextRulesAsTheSocket() {
        User[] s = space("rest9");
        world.user().enter("rest9_vic");
        var r =
                s[1].call(
                        "POST",
                        "/api/spaces/rest9/bans",
                        Map.of("username", "rest9_vic", "reason", "\u202Eexe.txt"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(TestWorld.json(r).path("message").asText()).contains("U+202E");
    }
}
