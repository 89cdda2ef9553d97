package dev.worldmind.data.world;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.naming.VisibleText;
import java.util.Objects;

/**
 * Something in a space that avatars can look at, like and (when priced) buy: an exhibit, a product,
 * a poster.
 *
 * @param id unique within the space
 * @param name the title
 * @param description a longer text (may be empty)
 * @param x where it is across the width
 * @param z where it is across the depth
 * @param price the price when it is for sale, otherwise null
 */
public record Item(String id, String name, String description, double x, double z, Double price) {
    public Item {
        Checks.id(id, "an item id");
        Checks.text(name, "an item name", 120);
        Objects.requireNonNull(description, "description");
        if (description.length() > 4000) {
            throw new InvalidDataException("an item description is at most 4000 characters");
        }
        // Line breaks are fine in a longer text; what hides or reorders text is not.
        VisibleText.require(description.replace('\n', ' '), "an item description");
        Checks.finite(x, "an item's x");
        Checks.finite(z, "an item's z");
        if (price != null && !(Checks.finite(price, "a price") >= 0)) {
            throw new InvalidDataException("a price cannot be negative: " + price);
        }
    }

    /** Tells whether the item is for sale. */
    public boolean forSale() {
        return price != null;
    }
}
