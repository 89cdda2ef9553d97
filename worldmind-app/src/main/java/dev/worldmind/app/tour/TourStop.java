package dev.worldmind.app.tour;

import dev.worldmind.data.world.Item;
import dev.worldmind.model.navigation.Cell;
import java.util.Objects;

/**
 * One stop of a tour: an exhibit and the cell the guide stands on to present it.
 *
 * @param item the exhibit
 * @param cell the walkable cell nearest it that the guide can reach
 * @param index the stop's number, from 1
 * @param of how many stops the tour has
 */
public record TourStop(Item item, Cell cell, int index, int of) {
    public TourStop {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(cell, "cell");
        if (index < 1 || index > of) {
            throw new IllegalArgumentException("stop " + index + " of " + of);
        }
    }

    /**
     * What the guide says at the stop: the exhibit's name and the first sentences of its
     * description, at most about {@value #SAY} characters.
     */
    public String presentation() {
        StringBuilder said = new StringBuilder("Here is ").append(item.name()).append('.');
        for (String sentence : item.description().split("(?<=[.!?])\\s+")) {
            if (sentence.isBlank() || said.length() + sentence.length() + 1 > SAY) {
                break;
            }
            said.append(' ').append(sentence.strip());
        }
        return said.toString();
    }

    /** What the guide says on setting off for the stop. */
    public String invitation() {
        return index == 1
                ? "Follow me! We start with " + item.name() + "."
                : "Next, " + item.name() + ". This way, please.";
    }

    /** The longest presentation, in characters (a speech bubble's worth). */
    static final int SAY = 280;
}
