package dev.worldmind.app.shop;

import dev.worldmind.app.world.DefaultWorld;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.catalog.FashionMnist;
import dev.worldmind.data.world.Item;
import dev.worldmind.data.world.Space;
import dev.worldmind.data.world.SpaceKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The garments for sale in the shop: shop items of the world (name, description, price, place)
 * joined with {@value #RESOURCE}, which gives each its Fashion-MNIST category and picture (a fixed
 * test image). Immutable and thread-safe.
 */
public final class GarmentCatalogue {
    /** The garments' categories and pictures, next to this class. */
    public static final String RESOURCE = "garments.json";

    /** The format version of {@value #RESOURCE}. */
    public static final int FORMAT_VERSION = 1;

    private final Map<String, Garment> garments;

    /** One garment in the file. */
    record Entry(String item, String category, int image, int label, String pixels) {}

    /** The file. */
    record File(
            int formatVersion,
            String about,
            String dataset,
            String split,
            long seed,
            List<Entry> garments) {}

    private GarmentCatalogue(Map<String, Garment> garments) {
        this.garments = garments;
    }

    /** The garments of the default world's shop. */
    public static GarmentCatalogue builtIn() {
        return of(DefaultWorld.spaces());
    }

    /**
     * The garments of a world: every entry of {@value #RESOURCE} must be a priced item of a shop.
     *
     * @param spaces the world's spaces
     * @return the catalogue
     * @throws InvalidDataException when a garment is missing from the shops or its entry is wrong
     */
    public static GarmentCatalogue of(Collection<Space> spaces) {
        Map<String, Item> items = new LinkedHashMap<>();
        for (Space s : spaces) {
            if (s.kind() == SpaceKind.SHOP) {
                s.layout().items().stream()
                        .filter(Item::forSale)
                        .forEach(i -> items.put(i.id(), i));
            }
        }
        Map<String, Garment> garments = new LinkedHashMap<>();
        for (Entry e : read().garments()) {
            Item item = items.get(e.item());
            if (item == null) {
                throw new InvalidDataException(
                        RESOURCE + ": garment '" + e.item() + "' is not for sale in any shop");
            }
            int index = FashionMnist.CLASSES.indexOf(e.category());
            if (index < 0 || index != e.label()) {
                throw new InvalidDataException(
                        RESOURCE
                                + ": garment '"
                                + e.item()
                                + "' has category '"
                                + e.category()
                                + "' but its picture's label is "
                                + e.label());
            }
            byte[] grey = Base64.getDecoder().decode(e.pixels());
            if (grey.length != GarmentImage.SIDE * GarmentImage.SIDE) {
                throw new InvalidDataException(
                        RESOURCE + ": garment '" + e.item() + "' needs 784 picture bytes");
            }
            float[] picture = new float[grey.length];
            for (int i = 0; i < grey.length; i++) {
                picture[i] = (grey[i] & 0xff) / 255f;
            }
            garments.put(
                    item.id(),
                    new Garment(
                            item.id(),
                            item.name(),
                            item.description(),
                            item.price(),
                            index,
                            e.category(),
                            e.image(),
                            picture));
        }
        return new GarmentCatalogue(java.util.Collections.unmodifiableMap(garments));
    }

    static File read() {
        try (InputStream in = GarmentCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new InvalidDataException(RESOURCE + " is missing from the build");
            }
            File file = Json.mapper().readValue(in, File.class);
            if (file.formatVersion() != FORMAT_VERSION) {
                throw new UnsupportedFormatVersionException(
                        RESOURCE, file.formatVersion(), FORMAT_VERSION);
            }
            return file;
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** All garments, in the file's order. */
    public List<Garment> all() {
        return new ArrayList<>(garments.values());
    }

    /** The number of garments. */
    public int size() {
        return garments.size();
    }

    /** Finds a garment by its item id. */
    public Optional<Garment> find(String id) {
        return Optional.ofNullable(garments.get(id));
    }

    /**
     * Finds a garment by its item id.
     *
     * @param id the item id
     * @return the garment
     * @throws NotFoundException naming the id when there is none
     */
    public Garment require(String id) {
        Garment g = garments.get(id);
        if (g == null) {
            throw new NotFoundException("the shop has no garment '" + id + "'");
        }
        return g;
    }
}
