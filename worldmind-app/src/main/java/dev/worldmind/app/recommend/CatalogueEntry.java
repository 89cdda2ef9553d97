package dev.worldmind.app.recommend;

import java.util.Objects;

/**
 * One thing the world's recommender knows, under the id the event log gives it.
 *
 * @param id the interaction id: {@code <space>/<item>}, {@code space:<id>} or {@code
 *     character:<id>}
 * @param kind what sort of thing it is
 * @param name its display name
 * @param space the space it is in (a space's own id for a space; the home space for a character)
 * @param item the item's id within its space, or null for spaces and characters
 * @param category the product category's id, or null
 * @param price the price of a product, or null
 * @param track the lesson track's id, or null
 * @param step the lesson's place in its track, from 1 (0 when not a lesson)
 */
public record CatalogueEntry(
        String id,
        RecommendKind kind,
        String name,
        String space,
        String item,
        String category,
        Double price,
        String track,
        int step) {
    public CatalogueEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
