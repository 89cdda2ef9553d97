package dev.worldmind.app.shop;

/**
 * Where outfits come from, by kind: the shop's products, a user's recognised uploads and (added
 * later) generated designs. The world server asks the source named by a {@code try_on} message's
 * {@code garment.kind} for the garment with {@code garment.id}. Implementations must be
 * thread-safe.
 */
public interface OutfitSource {
    /** The kind on the wire, e.g. {@code product}, {@code upload}, {@code design}. */
    String kind();

    /**
     * Finds what someone may wear.
     *
     * @param accountId who wants to wear it (a source may keep things private to their owner)
     * @param id the source's id of the garment (1-128 characters)
     * @return the outfit
     * @throws dev.worldmind.core.NotFoundException when there is no such garment for this account
     * @throws dev.worldmind.core.InvalidDataException when the id is malformed
     */
    Outfit outfit(long accountId, String id);
}
