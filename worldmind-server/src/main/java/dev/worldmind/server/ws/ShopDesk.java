package dev.worldmind.server.ws;

import dev.worldmind.app.character.CharacterDefinition;
import dev.worldmind.app.shop.GarmentCatalogue;
import dev.worldmind.app.shop.GarmentRecognizer;
import dev.worldmind.app.shop.Recognition;
import dev.worldmind.app.shop.UploadedGarments;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.world.SpaceKind;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.server.service.Lifecycle;
import dev.worldmind.server.service.Service;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Garment recognition in the shop: holds the garment catalogue, the recognizer (loaded from the
 * model registry in the background, and looked for again on demand when it was not trained yet) and
 * the recognised uploads users may try on. After a recognition the shop's assistant names the
 * category to the uploader when they are in a shop. Thread-safe.
 */
public final class ShopDesk implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(ShopDesk.class);

    /** How often a missing recognizer is looked for again, at most. */
    private static final long RETRY_NANOS = 5_000_000_000L;

    private final Optional<ModelRegistry> registry;
    private final GarmentCatalogue catalogue;
    private final UploadedGarments uploads;
    private final WorldHub hub;
    private final CharacterDesk characters;
    private GarmentRecognizer recognizer;
    private String problem = "the garment classifier is loading; try again in a moment";
    private long triedAt;
    private boolean tried;
    private boolean closed;
    private volatile java.util.function.Supplier<Optional<String>> waiting = Optional::empty;

    /** A recognition with the token its uploader can try it on with. */
    public record Recognized(Recognition recognition, String token) {}

    /**
     * @param registry the model registry with {@value GarmentRecognizer#MODEL}, if one is
     *     configured
     * @param catalogue the garments for sale
     * @param uploads where recognised uploads wait to be tried on
     * @param hub the live world (to reach the uploader's socket)
     * @param characters the AI characters (the shop's assistant speaks)
     */
    public ShopDesk(
            Optional<ModelRegistry> registry,
            GarmentCatalogue catalogue,
            UploadedGarments uploads,
            WorldHub hub,
            CharacterDesk characters) {
        this.registry = registry;
        this.catalogue = catalogue;
        this.uploads = uploads;
        this.hub = hub;
        this.characters = characters;
        if (registry.isEmpty()) {
            problem = "this server has no model registry, so garments cannot be recognised";
        }
    }

    /** The garments for sale. */
    public GarmentCatalogue catalogue() {
        return catalogue;
    }

    /** The recognised uploads (an outfit source of kind {@code upload}). */
    public UploadedGarments uploads() {
        return uploads;
    }

    @Override
    public String name() {
        return "shop";
    }

    /** Loads the recognizer in the background, when there is a registry. */
    @Override
    public void start(Lifecycle life) {
        if (registry.isPresent()) {
            life.background("shop", this::recognizer);
        }
    }

    /**
     * The recognizer, loading it when it is there and was not loaded yet.
     *
     * @return the recognizer, or empty (then {@link #problem()} says why)
     */
    public synchronized Optional<GarmentRecognizer> recognizer() {
        if (recognizer != null || closed || registry.isEmpty()) {
            return Optional.ofNullable(recognizer);
        }
        long now = System.nanoTime();
        if (tried && now - triedAt < RETRY_NANOS) {
            return Optional.empty();
        }
        tried = true;
        triedAt = now;
        try {
            recognizer = GarmentRecognizer.load(registry.get(), catalogue);
            LOG.info("garment recognition ready with {}", recognizer.model());
        } catch (NotFoundException e) {
            problem = e.getMessage();
        } catch (RuntimeException e) {
            problem = "the garment classifier could not be loaded: " + e.getMessage();
            LOG.warn("loading {} failed", GarmentRecognizer.MODEL, e);
        }
        return Optional.ofNullable(recognizer);
    }

    /** Why there is no recognizer: what its training job says while one waits, else the error. */
    public synchronized String problem() {
        return recognizer != null ? "" : waiting.get().orElse(problem);
    }

    /**
     * Says where the recognizer's training is while it is missing (e.g. "the fitting room is
     * learning garments: epoch 4 of 12, about 9 minutes").
     *
     * @param status the training job's status for visitors, empty when none waits
     */
    public void waitFor(java.util.function.Supplier<Optional<String>> status) {
        this.waiting = status;
    }

    /**
     * Recognises an upload, keeps it for its owner to try on and lets the shop's assistant name it.
     *
     * @param accountId the uploader
     * @param recognizer the recognizer ({@link #recognizer()})
     * @param upload the picture's bytes
     * @param similar how many similar products to list
     * @return the recognition and its try-on token
     */
    public Recognized recognize(
            long accountId, GarmentRecognizer recognizer, byte[] upload, int similar) {
        Recognition r = recognizer.recognize(upload, similar);
        String token = uploads.keep(accountId, r);
        announce(accountId, r);
        return new Recognized(r, token);
    }

    private void announce(long accountId, Recognition r) {
        Connection c = hub.connection(accountId);
        SpaceInstance in = c == null ? null : c.instance;
        if (in == null || in.space.kind() != SpaceKind.SHOP) {
            return;
        }
        Optional<CharacterDefinition> assistant = characters.characterOf(SpaceKind.SHOP);
        assistant.ifPresent(a -> c.send(Outbound.says(a.id(), r.assistantLine())));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (recognizer != null) {
            recognizer.close();
            recognizer = null;
        }
    }
}
