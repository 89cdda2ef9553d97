package dev.worldmind.app.character;

import java.util.Objects;
import java.util.Set;

/**
 * Something the world should do for a visitor because of what they said.
 *
 * @param kind {@code travel} (target: a space kind, e.g. {@code museum}), {@code list} (target: the
 *     space kind whose items to list) or {@code none} (target empty: just talk)
 * @param target what the action applies to, see kind
 */
public record WorldAction(String kind, String target) {
    /** Go to another space. */
    public static final String TRAVEL = "travel";

    /** Show the items of a space. */
    public static final String LIST = "list";

    /** No world action: answer in words only. */
    public static final String NONE = "none";

    private static final Set<String> KINDS = Set.of(TRAVEL, LIST, NONE);

    public WorldAction {
        Objects.requireNonNull(kind, "kind");
        target = target == null ? "" : target;
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown world action kind " + kind);
        }
        if (!kind.equals(NONE) && target.isEmpty()) {
            throw new IllegalArgumentException("a " + kind + " action needs a target");
        }
    }
}
