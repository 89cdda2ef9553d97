package dev.worldmind.data.interaction;

import dev.worldmind.data.events.EventKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How much each kind of behaviour event counts as an interaction. The defaults: a look at an item 1
 * (the item is {@code <space>/<item>}), a like 3, a purchase 5, entering a space 1 (the item is
 * {@code space:<id>}), a conversation with a character 2 (the item is {@code character:<id>});
 * other kinds do not count.
 *
 * @param weights the weight per counted kind (each positive)
 */
public record InteractionWeights(Map<EventKind, Double> weights) {
    /** The prefix of a space's item id. */
    public static final String SPACE = "space:";

    /** The prefix of a character's item id. */
    public static final String CHARACTER = "character:";

    public InteractionWeights {
        weights.forEach(
                (kind, w) -> {
                    if (!(w > 0) || w.isInfinite()) {
                        throw new IllegalArgumentException(
                                kind.value() + " must weigh a positive number, not " + w);
                    }
                });
        weights = Map.copyOf(weights);
    }

    /** The defaults described above. */
    public static InteractionWeights defaults() {
        Map<EventKind, Double> w = new EnumMap<>(EventKind.class);
        w.put(EventKind.ITEM_VIEW, 1.0);
        w.put(EventKind.LIKE, 3.0);
        w.put(EventKind.PURCHASE, 5.0);
        w.put(EventKind.JOIN, 1.0);
        w.put(EventKind.CONVERSATION, 2.0);
        return new InteractionWeights(w);
    }

    /** The weight of a kind, if it counts. */
    public Optional<Double> of(EventKind kind) {
        return Optional.ofNullable(weights.get(kind));
    }
}
