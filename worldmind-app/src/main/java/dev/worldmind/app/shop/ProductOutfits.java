package dev.worldmind.app.shop;

/** The shop's garment products as outfits: anyone may try any of them on. Thread-safe. */
public final class ProductOutfits implements OutfitSource {
    /** The kind of product outfits. */
    public static final String KIND = "product";

    private final GarmentCatalogue catalogue;

    /**
     * @param catalogue the garments
     */
    public ProductOutfits(GarmentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Outfit outfit(long accountId, String id) {
        return catalogue.require(id).outfit();
    }
}
