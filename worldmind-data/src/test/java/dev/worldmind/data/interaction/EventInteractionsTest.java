package dev.worldmind.data.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.data.events.BehaviourEvent;
import dev.worldmind.data.events.EventKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventInteractionsTest {
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05.678Z");

    private static ObjectNode payload(String key, String value) {
        return JsonNodeFactory.instance.objectNode().put(key, value);
    }

    private static BehaviourEvent event(String user, String space, EventKind kind, ObjectNode p) {
        return BehaviourEvent.of(AT, 1L, user, space, kind, p);
    }

    @Test
    void turnsItemEventsIntoItemsWithinTheirSpace() {
        InteractionWeights w = InteractionWeights.defaults();

        assertThat(
                        EventInteractions.of(
                                event("ada", "plaza", EventKind.ITEM_VIEW, payload("item", "lamp")),
                                w))
                .contains(new Interaction("ada", "plaza/lamp", 1, AT.toEpochMilli()));
        assertThat(
                        EventInteractions.of(
                                event("ada", "plaza", EventKind.LIKE, payload("item", "lamp")), w))
                .map(Interaction::weight)
                .contains(3.0);
        assertThat(
                        EventInteractions.of(
                                event("ada", "plaza", EventKind.PURCHASE, payload("item", "lamp")),
                                w))
                .map(Interaction::weight)
                .contains(5.0);
        assertThat(
                        EventInteractions.of(
                                event("ada", null, EventKind.LIKE, payload("item", "lamp")), w))
                .map(Interaction::item)
                .contains("lamp");
    }

    @Test
    void turnsJoinsAndConversationsIntoSpaceAndCharacterItems() {
        InteractionWeights w = InteractionWeights.defaults();

        assertThat(EventInteractions.of(event("bob", "plaza", EventKind.JOIN, null), w))
                .contains(new Interaction("bob", "space:plaza", 1, AT.toEpochMilli()));
        assertThat(
                        EventInteractions.of(
                                event(
                                        "bob",
                                        "plaza",
                                        EventKind.CONVERSATION,
                                        payload("character", "guide")),
                                w))
                .contains(new Interaction("bob", "character:guide", 2, AT.toEpochMilli()));
    }

    @Test
    void skipsEventsThatAreNotInteractions() {
        InteractionWeights w = InteractionWeights.defaults();
        List<BehaviourEvent> events =
                List.of(
                        event("ada", "plaza", EventKind.CHAT, payload("text", "hi")),
                        event(null, "plaza", EventKind.LIKE, payload("item", "lamp")),
                        event("ada", "plaza", EventKind.LIKE, null),
                        event("ada", "plaza", EventKind.LIKE, payload("item", " ")),
                        event(
                                "ada",
                                "plaza",
                                EventKind.LIKE,
                                JsonNodeFactory.instance.objectNode().put("item", 7)),
                        event("ada", null, EventKind.JOIN, null),
                        event("ada", "plaza", EventKind.CONVERSATION, null),
                        event("ada", "plaza", EventKind.ITEM_VIEW, payload("item", "desk")));

        assertThat(EventInteractions.of(events, w))
                .containsExactly(new Interaction("ada", "plaza/desk", 1, AT.toEpochMilli()));
    }

    @Test
    void customWeightsDecideWhichKindsCount() {
        InteractionWeights onlyPurchases = new InteractionWeights(Map.of(EventKind.PURCHASE, 2.0));

        assertThat(
                        EventInteractions.of(
                                event("ada", "plaza", EventKind.ITEM_VIEW, payload("item", "x")),
                                onlyPurchases))
                .isEmpty();
        assertThat(
                        EventInteractions.of(
                                event("ada", "plaza", EventKind.PURCHASE, payload("item", "x")),
                                onlyPurchases))
                .map(Interaction::weight)
                .contains(2.0);
        assertThatThrownBy(() -> new InteractionWeights(Map.of(EventKind.LIKE, 0.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("like");
    }
}
