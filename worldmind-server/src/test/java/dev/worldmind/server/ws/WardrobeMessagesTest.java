package dev.worldmind.server.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.app.shop.Outfit;
import dev.worldmind.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WardrobeMessagesTest {
    private static final float[] PICTURE = new float[784];

    @Test
    void readsTryOnAndTakeOffIntoTheirRecords() {
        List<Object> got = new ArrayList<>();
        MessageRoutes routes =
                new MessageRoutes(ProtocolSchema.get())
                        .on("try_on", Inbound.TryOn.class, (from, m) -> got.add(m))
                        .on("take_off", Inbound.TakeOff.class, (from, m) -> got.add(m));
        for (String text :
                new String[] {
                    "{\"v\":1,\"type\":\"try_on\",\"garment\":{\"kind\":\"design\",\"id\":\"fashion-gan:2/17\"}}",
                    "{\"v\":1,\"type\":\"take_off\"}"
                }) {
            ProtocolSchema.Message m = ProtocolSchema.get().parse(text);
            routes.dispatch(new Sender(null, m.type(), 0), m);
        }
        assertThat(got)
                .containsExactly(
                        new Inbound.TryOn(new Inbound.Garment("design", "fashion-gan:2/17")),
                        new Inbound.TakeOff());
    }

    @Test
    void refusesMalformedTryOnsNamingTheProblem() {
        for (String bad :
                new String[] {
                    "{\"v\":1,\"type\":\"try_on\"}",
                    "{\"v\":1,\"type\":\"try_on\",\"garment\":\"cotton-tee\"}",
                    "{\"v\":1,\"type\":\"try_on\",\"garment\":{\"kind\":\"product\"}}",
                    "{\"v\":1,\"type\":\"try_on\",\"garment\":{\"kind\":\"product\",\"id\":\"\"}}",
                    "{\"v\":1,\"type\":\"try_on\",\"garment\":{\"kind\":\"product\",\"id\":\""
                            + "x".repeat(129)
                            + "\"}}",
                    "{\"v\":1,\"type\":\"try_on\",\"garment\":{\"kind\":7,\"id\":\"jeans\"}}"
                }) {
            assertThatThrownBy(() -> ProtocolSchema.get().parse(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ProtocolException.class,
                            e -> {
                                assertThat(e.code()).isEqualTo("bad_message");
                                assertThat(e.ref()).isEqualTo("try_on");
                            });
        }
    }

    @Test
    void outfitEventsShowProductsAndDesignsButKeepUploadTokensPrivate() throws Exception {
        PICTURE[400] = 1f;
        JsonNode product =
                Json.mapper()
                        .readTree(
                                Outbound.outfit(
                                        7,
                                        Outfit.of(
                                                "product", "jeans", "Jeans", "Trouser", PICTURE)));
        assertThat(product.path("type").asText()).isEqualTo("outfit");
        assertThat(product.path("id").asLong()).isEqualTo(7);
        assertThat(product.path("outfit").path("id").asText()).isEqualTo("jeans");
        assertThat(product.path("outfit").path("picture").asText())
                .startsWith("data:image/png;base64,");
        JsonNode upload =
                Json.mapper()
                        .readTree(
                                Outbound.outfit(
                                        7,
                                        Outfit.of(
                                                "upload",
                                                "secret-token",
                                                "Your coat",
                                                "Coat",
                                                PICTURE)));
        assertThat(upload.path("outfit").has("id")).isFalse();
        assertThat(upload.toString()).doesNotContain("secret-token");
        JsonNode off = Json.mapper().readTree(Outbound.outfit(7, null));
        assertThat(off.has("outfit")).isTrue();
        assertThat(off.path("outfit").isNull()).isTrue();
    }
}
