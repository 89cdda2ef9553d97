package dev.worldmind.model.recommend;

import java.util.Objects;

/**
 * One recommended item with why it was chosen.
 *
 * @param item the item's id
 * @param score the recommender's score (only comparable within one list)
 * @param because the id of the item in the user's history that most supports this one, or null when
 *     nothing does (then it is recommended for being popular)
 */
public record Suggestion(String item, double score, String because) {
    public Suggestion {
        Objects.requireNonNull(item, "item");
    }

    /** A short explanation, with item ids; the application puts names in. */
    public String explanation() {
        return because == null ? "popular with other visitors" : "because you liked " + because;
    }
}
