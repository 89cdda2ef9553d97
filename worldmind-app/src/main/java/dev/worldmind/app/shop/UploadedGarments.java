package dev.worldmind.app.shop;

import dev.worldmind.core.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recognised uploads that their owners may try on, by a random token. Only the account that
 * uploaded a picture can wear it; each keeps its last {@value #PER_ACCOUNT} uploads for {@link
 * #TTL}, and the store holds at most {@value #CAPACITY}, forgetting the oldest. Thread-safe.
 */
public final class UploadedGarments implements OutfitSource {
    /** The kind of upload outfits. */
    public static final String KIND = "upload";

    /** Uploads kept per account. */
    public static final int PER_ACCOUNT = 5;

    /** Uploads kept in all. */
    public static final int CAPACITY = 10_000;

    /** How long an upload may be tried on after it was recognised. */
    public static final Duration TTL = Duration.ofHours(1);

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final LinkedHashMap<String, Kept> kept = new LinkedHashMap<>();

    private record Kept(long accountId, Outfit outfit, Instant at) {}

    /**
     * @param clock the time source
     */
    public UploadedGarments(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * Keeps a recognised upload for its owner.
     *
     * @param accountId the owner
     * @param recognition what was recognised
     * @return the token to try it on with
     */
    public synchronized String keep(long accountId, Recognition recognition) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Outfit outfit =
                Outfit.of(
                        KIND,
                        token,
                        "Your " + recognition.category().toLowerCase(java.util.Locale.ROOT),
                        recognition.category(),
                        recognition.image().pixels());
        kept.put(token, new Kept(accountId, outfit, clock.instant()));
        int mine = 0;
        // Newest last: walk from the newest end by collecting this account's tokens first.
        String[] tokens = kept.keySet().toArray(new String[0]);
        for (int i = tokens.length - 1; i >= 0; i--) {
            Kept k = kept.get(tokens[i]);
            if (k.accountId() == accountId && ++mine > PER_ACCOUNT) {
                kept.remove(tokens[i]);
            }
        }
        Iterator<Map.Entry<String, Kept>> oldest = kept.entrySet().iterator();
        while (kept.size() > CAPACITY && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
        return token;
    }

    @Override
    public synchronized Outfit outfit(long accountId, String id) {
        Kept k = kept.get(id);
        if (k == null || k.accountId() != accountId) {
            throw new NotFoundException(
                    "no upload '" + id + "' of yours; upload the picture again");
        }
        if (k.at().plus(TTL).isBefore(clock.instant())) {
            kept.remove(id);
            throw new NotFoundException("that upload has expired; upload the picture again");
        }
        return k.outfit();
    }

    /** How many uploads are kept. */
    public synchronized int size() {
        return kept.size();
    }
}
