package dev.worldmind.app.shop;

import java.util.Arrays;
import java.util.Objects;

/**
 * What an avatar wears: a garment's 28x28 grey picture with its name and category, and where it
 * came from. Immutable.
 *
 * @param source the {@link OutfitSource#kind()} that made it: {@code product}, {@code upload} or
 *     {@code design}
 * @param ref the source's id of it (a product id, an upload token, a design id)
 * @param name a name to show, e.g. {@code Organic cotton T-shirt}
 * @param category its category, e.g. {@code T-shirt/top}
 * @param pixels 784 grey levels 0-255, row-major, garment bright on black
 */
public record Outfit(String source, String ref, String name, String category, byte[] pixels) {
    public Outfit {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        if (pixels.length != GarmentImage.SIDE * GarmentImage.SIDE) {
            throw new IllegalArgumentException("an outfit's picture has 784 pixels");
        }
        pixels = pixels.clone();
    }

    /**
     * Makes an outfit from values in [0, 1].
     *
     * @param source the source's kind
     * @param ref the source's id of it
     * @param name its name
     * @param category its category
     * @param values 784 values in [0, 1]
     * @return the outfit
     */
    public static Outfit of(
            String source, String ref, String name, String category, float[] values) {
        if (values.length != GarmentImage.SIDE * GarmentImage.SIDE) {
            throw new IllegalArgumentException("an outfit's picture has 784 values");
        }
        byte[] grey = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            grey[i] = (byte) Math.round(Math.max(0f, Math.min(1f, values[i])) * 255f);
        }
        return new Outfit(source, ref, name, category, grey);
    }

    @Override
    public byte[] pixels() {
        return pixels.clone();
    }

    /** The picture as values in [0, 1]. */
    public float[] values() {
        float[] v = new float[pixels.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (pixels[i] & 0xff) / 255f;
        }
        return v;
    }

    /** The picture as a PNG data URL. */
    public String pictureDataUrl() {
        return GarmentImage.dataUrl(values());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Outfit x
                && source.equals(x.source)
                && ref.equals(x.ref)
                && name.equals(x.name)
                && category.equals(x.category)
                && Arrays.equals(pixels, x.pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, ref, name, category) * 31 + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "Outfit[" + source + ":" + ref + ", " + name + "]";
    }
}
