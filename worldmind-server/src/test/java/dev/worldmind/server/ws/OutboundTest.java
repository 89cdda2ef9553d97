package dev.worldmind.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.json.Json;
import org.junit.jupiter.api.Test;

class OutboundTest {
    @Test
    void movedEntriesAreValidJsonWithCentimetres() throws Exception {
        JsonNode n = Json.mapper().readTree(Outbound.movedEntry(7, 12.3456, -0.004, -3.14159, 42));
        assertThat(n.path("id").asLong()).isEqualTo(7);
        assertThat(n.path("x").asDouble()).isEqualTo(12.35);
        assertThat(n.path("z").asDouble()).isEqualTo(0.0);
        assertThat(n.path("ry").asDouble()).isEqualTo(-3.14);
        assertThat(n.path("seq").asLong()).isEqualTo(42);
        assertThat(Outbound.centis(new StringBuilder(), 5.07).toString()).isEqualTo("5.07");
        assertThat(Outbound.centis(new StringBuilder(), -0.5).toString()).isEqualTo("-0.50");
    }

    @Test
    void deltasAreValidJson() throws Exception {
        JsonNode n =
                Json.mapper()
                        .readTree(Outbound.delta(3, Outbound.movedEntry(1, 1, 2, 0, 1), "", "5,6"));
        assertThat(n.path("type").asText()).isEqualTo("delta");
        assertThat(n.path("moved").size()).isEqualTo(1);
        assertThat(n.path("exited").size()).isEqualTo(2);
    }
}
