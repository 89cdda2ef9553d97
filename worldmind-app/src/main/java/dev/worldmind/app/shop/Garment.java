package dev.worldmind.app.shop;

import java.util.Objects;

/**
 * A garment for sale in the shop, with its picture.
 *
 * @param id the shop item's id, e.g. {@code cotton-tee}
 * @param name the item's name
 * @param description the item's description
 * @param price its price in the world's credits
 * @param classIndex its Fashion-MNIST class (0-9)
 * @param category the class name, e.g. {@code T-shirt/top}
 * @param imageIndex the Fashion-MNIST test image that is its picture
 * @param picture that image's 28x28 values in [0, 1]
 */
public record Garment(
        String id,
        String name,
        String description,
        double price,
        int classIndex,
        String category,
        int imageIndex,
        float[] picture) {
    public Garment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        if (picture.length != GarmentImage.SIDE * GarmentImage.SIDE) {
            throw new IllegalArgumentException(id + ": a picture has 784 values");
        }
        picture = picture.clone();
    }

    @Override
    public float[] picture() {
        return picture.clone();
    }

    /** What the garment looks like on an avatar. */
    public Outfit outfit() {
        return Outfit.of(ProductOutfits.KIND, id, name, category, picture);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Garment g && id.equals(g.id) && imageIndex == g.imageIndex;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Garment[" + id + ", " + category + "]";
    }
}
