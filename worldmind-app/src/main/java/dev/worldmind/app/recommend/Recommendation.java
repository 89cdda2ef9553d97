package dev.worldmind.app.recommend;

import java.util.Objects;

/**
 * One recommended thing, ready to show.
 *
 * @param entry what is recommended
 * @param score the recommender's score (only comparable within one list)
 * @param explanation why, in words with item names, e.g. {@code because you liked Linen tote bag}
 * @param because the id of the thing in the user's history that most supports this one, or null
 */
public record Recommendation(
        CatalogueEntry entry, double score, String explanation, String because) {
    public Recommendation {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(explanation, "explanation");
    }
}
