package dev.worldmind.data.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.accounts.Account;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.events.BehaviourEvent;
import dev.worldmind.data.events.EventKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON of the data records, with the shared mapper, is the protocol's "Shapes". */
class ProtocolShapesTest {
    private static final ObjectWriter COMPACT =
            Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void writesAccountsWithLowercaseRoles() throws Exception {
        Account ada = new Account(7, "ada", Role.VISITOR, AT);
        String json = COMPACT.writeValueAsString(ada);
        assertThat(json)
                .isEqualTo(
                        "{\"id\":7,\"username\":\"ada\",\"role\":\"visitor\","
                                + "\"createdAt\":\"2026-11-29T10:00:00Z\"}");
        assertThat(Json.mapper().readValue(json, Account.class)).isEqualTo(ada);
    }

    @Test
    void writesAvatarsAndAppearances() throws Exception {
        Avatar ada = new Avatar(7, "  Ada ", Appearance.DEFAULT);
        String json = COMPACT.writeValueAsString(ada);
        assertThat(json)
                .isEqualTo(
                        "{\"accountId\":7,\"name\":\"Ada\",\"appearance\":{\"body\":\"#3366cc\","
                                + "\"head\":\"#f1c27d\",\"accent\":\"#ffcc00\",\"shape\":\"round\","
                                + "\"height\":1.0}}");
        assertThat(Json.mapper().readValue(json, Avatar.class)).isEqualTo(ada);
    }

    @Test
    void writesSpacesWithTheirLayouts() throws Exception {
        Layout layout =
                new Layout(
                        60,
                        60,
                        List.of(new Point(30, 20)),
                        List.of(new Obstacle("fountain", 30, 30, 6, 6, 1.2)),
                        List.of(new Portal("to-museum", 55, 30, 1.5, "museum", "Museum")),
                        List.of(new Item("mona", "Mona", "A portrait", 10, 3, null)));
        Space plaza =
                new Space("plaza", "Central Plaza", SpaceKind.PLAZA, 64, Visibility.PUBLIC, layout);
        String json = COMPACT.writeValueAsString(plaza);
        assertThat(json)
                .isEqualTo(
                        "{\"id\":\"plaza\",\"name\":\"Central Plaza\",\"kind\":\"plaza\","
                                + "\"visibility\":\"public\",\"capacity\":64,\"layout\":{"
                                + "\"width\":60.0,\"depth\":60.0,\"spawns\":[{\"x\":30.0,\"z\":20.0}],"
                                + "\"obstacles\":[{\"kind\":\"fountain\",\"x\":30.0,\"z\":30.0,"
                                + "\"w\":6.0,\"d\":6.0,\"h\":1.2}],"
                                + "\"portals\":[{\"id\":\"to-museum\",\"x\":55.0,\"z\":30.0,"
                                + "\"radius\":1.5,\"target\":\"museum\",\"label\":\"Museum\"}],"
                                + "\"items\":[{\"id\":\"mona\",\"name\":\"Mona\","
                                + "\"description\":\"A portrait\",\"x\":10.0,\"z\":3.0,"
                                + "\"price\":null}]}}");
        assertThat(Json.mapper().readValue(json, Space.class)).isEqualTo(plaza);
    }

    @Test
    void readsTheProtocolsIntegerNumbers() throws Exception {
        String json =
                "{\"width\": 60, \"depth\": 40, \"spawns\": [{\"x\": 30, \"z\": 20}],"
                        + " \"obstacles\": [], \"portals\": [], \"items\": []}";
        Layout layout = Json.mapper().readValue(json, Layout.class);
        assertThat(layout.width()).isEqualTo(60.0);
        assertThat(layout.spawns()).containsExactly(new Point(30, 20));
    }

    @Test
    void writesEventsWithLowercaseKinds() throws Exception {
        ObjectNode payload = Json.mapper().createObjectNode().put("item", "mona");
        BehaviourEvent event =
                BehaviourEvent.of(AT, 7L, "ada", "museum", EventKind.ITEM_VIEW, payload).withId(1);
        String json = COMPACT.writeValueAsString(event);
        assertThat(json)
                .isEqualTo(
                        "{\"id\":1,\"at\":\"2026-11-29T10:00:00Z\",\"accountId\":7,"
                                + "\"username\":\"ada\",\"space\":\"museum\",\"kind\":\"item_view\","
                                + "\"payload\":{\"item\":\"mona\"}}");
        assertThat(Json.mapper().readValue(json, BehaviourEvent.class)).isEqualTo(event);
    }

    @Test
    void mapsEveryEnumToItsLowercaseName() {
        assertThat(EventKind.fromValue("item_view")).isEqualTo(EventKind.ITEM_VIEW);
        assertThat(SpaceRole.MODERATOR.value()).isEqualTo("moderator");
        assertThat(Visibility.fromValue("members")).isEqualTo(Visibility.MEMBERS);
        assertThat(Role.fromValue("admin")).isEqualTo(Role.ADMIN);
        assertThatThrownBy(() -> SpaceKind.fromValue("casino"))
                .hasMessageContaining("unknown SpaceKind 'casino'");
    }

    @Test
    void validatesAvatarsAndAppearances() {
        assertThat(new Avatar(1, " Bo ", Appearance.DEFAULT).name()).isEqualTo("Bo");
        assertThatThrownBy(() -> new Avatar(1, "   ", Appearance.DEFAULT))
                .hasMessageContaining("1 to 24");
        assertThatThrownBy(() -> new Avatar(1, "x".repeat(25), Appearance.DEFAULT))
                .hasMessageContaining("1 to 24");
        assertThatThrownBy(() -> new Avatar(1, "a\u0000b", Appearance.DEFAULT))
                .hasMessageContaining("control");
        assertThat(new Appearance("#AABBCC", "#000000", "#ffffff", "slim", 0.8).body())
                .isEqualTo("#aabbcc");
        assertThatThrownBy(() -> new Appearance("red", "#000000", "#ffffff", "slim", 1))
                .hasMessageContaining("#3366cc");
        assertThatThrownBy(() -> new Appearance("#000000", "#000000", "#ffffff", "cone", 1))
                .hasMessageContaining("round, box or slim");
        assertThatThrownBy(() -> new Appearance("#000000", "#000000", "#ffffff", "box", 1.25))
                .hasMessageContaining("0.8 to 1.2");
    }

    @Test
    void validatesSpaces() {
        Layout layout = new Layout(10, 10, List.of(new Point(5, 5)), null, null, null);
        for (String badId : List.of("P", "p")) {
            assertThatThrownBy(
                            () ->
                                    new Space(
                                            badId,
                                            "Plaza",
                                            SpaceKind.PLAZA,
                                            10,
                                            Visibility.PUBLIC,
                                            layout))
                    .as(badId)
                    .hasMessageContaining("space ids");
        }
        assertThatThrownBy(
                        () ->
                                new Space(
                                        "plaza",
                                        "Plaza",
                                        SpaceKind.PLAZA,
                                        0,
                                        Visibility.PUBLIC,
                                        layout))
                .hasMessageContaining("capacity");
    }
}
