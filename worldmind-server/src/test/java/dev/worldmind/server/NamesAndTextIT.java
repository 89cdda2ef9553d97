package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.server.TestWorld.User;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names that pass for someone else and text that hides what it holds, through the real doors. */
class NamesAndTextIT extends WorldPerTest {
    @Test
    void refusesUserNamesThatLookLikeAnExistingOne() {
        // "admin" exists from the start; "rn" reads as "m" and the digit one as a small L.
        HttpResponse<String> lookalike = world.user().register("adrnin", "a long enough password");
        assertThat(lookalike.statusCode()).isEqualTo(409);
        assertThat(TestWorld.json(lookalike).path("message").asText())
                .contains("looks too much like");
        assertThat(world.user().register("bill", "a long enough password").statusCode())
                .isEqualTo(201);
        assertThat(world.user().register("bi11", "a long enough password").statusCode())
                .isEqualTo(409);
    }

    @Test
    void refusesAvatarNamesThatHideCharactersOrPassForSomeoneElse() {
        User eve = world.user().enter("eve");
        for (String name : new String[] {"ad\u200Bmin", "\u202Enimda", "Eve\u0085", "\u3164"}) {
            HttpResponse<String> r = eve.call("PUT", "/api/avatar", Map.of("name", name));
            assertThat(r.statusCode()).as(name).isEqualTo(400);
            assertThat(TestWorld.json(r).path("message").asText()).as(name).contains("cannot hold");
        }
        HttpResponse<String> cyrillic = eve.call("PUT", "/api/avatar", Map.of("name", "аdmin"));
        assertThat(cyrillic.statusCode()).isEqualTo(400);
        HttpResponse<String> staff = eve.call("PUT", "/api/avatar", Map.of("name", "ADMIN"));
        assertThat(staff.statusCode()).isEqualTo(409);
        assertThat(eve.call("PUT", "/api/avatar", Map.of("name", "Eve 🌙")).statusCode())
                .isEqualTo(200);
        assertThat(TestWorld.json(eve.call("GET", "/api/avatar", null)).path("name").asText())
                .isEqualTo("Eve 🌙");
    }

    @Test
    void refusesChatThatHidesWhatItHoldsAndKeepsEmoji() {
        try (WsClient sly = world.user().enter("sly").socket();
                WsClient ben = world.user().enter("ben").socket()) {
            sly.join("plaza");
            ben.join("plaza");
            for (String text :
                    new String[] {
                        "click evil\u202Etxt.exe",
                        "bell\u0007",
                        "del\u007F",
                        "csi\u009B31m",
                        "zero\u200Bwidth"
                    }) {
                sly.send(Map.of("type", "chat", "text", text));
                JsonNode error = sly.await("error");
                assertThat(error.path("code").asText()).as(text).isEqualTo("bad_message");
                assertThat(error.path("message").asText()).as(text).contains("U+");
            }
            sly.send(Map.of("type", "chat", "text", "see you 👋 ❤️"));
            assertThat(ben.await("chat").path("text").asText()).isEqualTo("see you 👋 ❤️");
        }
    }
}
