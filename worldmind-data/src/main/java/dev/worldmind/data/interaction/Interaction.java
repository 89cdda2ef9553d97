package dev.worldmind.data.interaction;

import dev.worldmind.core.InvalidDataException;

/**
 * One user's interaction with one item: a rating, a purchase, a like, a visit.
 *
 * @param user the user's id (not blank)
 * @param item the item's id (not blank)
 * @param weight how strong the interaction is (a rating, or a weight given to its kind); finite and
 *     positive
 * @param at when it happened, in milliseconds since the epoch (0 when unknown)
 */
public record Interaction(String user, String item, double weight, long at) {
    public Interaction {
        if (user == null || user.isBlank()) {
            throw new InvalidDataException("an interaction needs a user id");
        }
        if (item == null || item.isBlank()) {
            throw new InvalidDataException("an interaction needs an item id");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new InvalidDataException(
                    "an interaction's weight must be a positive number, not "
                            + weight
                            + " (user "
                            + user
                            + ", item "
                            + item
                            + ")");
        }
    }
}
