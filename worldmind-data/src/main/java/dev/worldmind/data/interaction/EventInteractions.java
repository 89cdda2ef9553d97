package dev.worldmind.data.interaction;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.data.events.BehaviourEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns behaviour events into interactions. The user is the event's username; the item is {@code
 * <space>/<item>} for item events (item ids are unique within a space only), {@code space:<space>}
 * for entering a space and {@code character:<id>} for a conversation. Events without a user or an
 * item, and kinds the weights do not count, are skipped. Stateless.
 */
public final class EventInteractions {
    private EventInteractions() {}

    /**
     * Converts one event.
     *
     * @param event the event
     * @param weights how much each kind counts
     * @return the interaction, or empty if the event is not one
     */
    public static Optional<Interaction> of(BehaviourEvent event, InteractionWeights weights) {
        Optional<Double> weight = weights.of(event.kind());
        if (weight.isEmpty() || event.username() == null) {
            return Optional.empty();
        }
        String item =
                switch (event.kind()) {
                    case JOIN ->
                            event.space() == null ? null : InteractionWeights.SPACE + event.space();
                    case CONVERSATION -> prefixed(event.payload().get("character"));
                    default -> inSpace(event.space(), text(event.payload().get("item")));
                };
        if (item == null) {
            return Optional.empty();
        }
        return Optional.of(
                new Interaction(event.username(), item, weight.get(), event.at().toEpochMilli()));
    }

    /**
     * Converts events, skipping those that are not interactions.
     *
     * @param events the events
     * @param weights how much each kind counts
     * @return the interactions, in the events' order
     */
    public static List<Interaction> of(
            Iterable<BehaviourEvent> events, InteractionWeights weights) {
        List<Interaction> out = new ArrayList<>();
        for (BehaviourEvent e : events) {
            of(e, weights).ifPresent(out::add);
        }
        return out;
    }

    private static String inSpace(String space, String item) {
        return item == null || space == null ? item : space + "/" + item;
    }

    private static String prefixed(JsonNode id) {
        String t = text(id);
        return t == null ? null : InteractionWeights.CHARACTER + t;
    }

    private static String text(JsonNode node) {
        return node == null || !node.isTextual() || node.asText().isBlank() ? null : node.asText();
    }
}
