package dev.worldmind.server.ws;

import dev.worldmind.app.design.Design;
import dev.worldmind.app.design.DesignGallery;
import dev.worldmind.app.shop.Outfit;
import dev.worldmind.app.shop.OutfitSource;
import dev.worldmind.app.vision.TrainingPresets;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.server.event.WorldBus;
import dev.worldmind.server.service.Lifecycle;
import dev.worldmind.server.service.Service;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The world's generated works: the shop's "new designs" display and the museum's gallery. Loads the
 * registered generators in the background; until then, or without any, it has nothing to show and
 * says why. Also the try-on source of kind {@code design}: a garment design's id puts that very
 * design on an avatar.
 */
public final class DesignDesk implements OutfitSource, Service {
    /** The try-on kind of generated designs. */
    public static final String KIND = "design";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DesignDesk.class);

    private final AtomicReference<DesignGallery> gallery = new AtomicReference<>();
    private volatile boolean loaded;
    private volatile boolean closed;
    private volatile java.util.function.Supplier<Optional<String>> waiting = Optional::empty;
    private final Optional<ModelRegistry> registry;
    private final WorldBus bus;

    /**
     * @param registry where the generators and their judges are registered, if anywhere
     * @param bus where registrations of new generators are announced
     */
    public DesignDesk(Optional<ModelRegistry> registry, WorldBus bus) {
        this.registry = registry;
        this.bus = bus;
    }

    @Override
    public String name() {
        return "designs";
    }

    /** Loads the generators in the background, and again when a job registers one or a judge. */
    @Override
    public void start(Lifecycle life) {
        life.background("designs", () -> load(registry));
        bus.onModel(
                e -> life.background("reload-designs", () -> load(registry)),
                DesignGallery.FASHION,
                DesignGallery.DIGITS,
                TrainingPresets.FASHION_MODEL);
    }

    /**
     * Loads the generators, on the calling (background) thread.
     *
     * @param registry the model registry, if one is configured
     */
    void load(Optional<ModelRegistry> registry) {
        try {
            Optional<DesignGallery> g = registry.flatMap(DesignGallery::open);
            if (g.isEmpty()) {
                LOG.info("no generator registered: the shop and museum show no generated works");
                return;
            }
            if (closed) {
                g.get().close();
                return;
            }
            // A gallery replaced by a newer one is left to the collector, not closed: a request
            // may still be drawing from it.
            gallery.set(g.get());
            LOG.info("generated works from {}", g.get().generators());
        } catch (RuntimeException e) {
            LOG.error("the generators could not be loaded; no generated works are shown", e);
        } finally {
            loaded = true;
        }
    }

    /**
     * Says where the generators' training is while none is registered.
     *
     * @param status the training job's status for visitors, empty when none waits
     */
    public void waitFor(java.util.function.Supplier<Optional<String>> status) {
        this.waiting = status;
    }

    /** What visitors are told while the garment generator is being trained, if it is. */
    public Optional<String> waiting() {
        return waiting.get();
    }

    /** Returns whether loading has finished (with or without generators). */
    public boolean loaded() {
        return loaded;
    }

    /** Returns the gallery, once loaded, if any generator is registered. */
    public Optional<DesignGallery> gallery() {
        return Optional.ofNullable(gallery.get());
    }

    /**
     * Returns the designs on a space's display.
     *
     * @param space {@code shop} or {@code museum}
     * @param batch which batch
     * @return the designs, or empty while loading or without generators
     */
    public Optional<List<Design>> display(String space, int batch) {
        return gallery().map(g -> g.display(space, batch));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Outfit outfit(long accountId, String id) {
        DesignGallery g =
                gallery()
                        .orElseThrow(
                                () ->
                                        new NotFoundException(
                                                "no generated designs are on show: none is"
                                                        + " registered or they are still loading"));
        if (!id.startsWith(DesignGallery.FASHION + ":")) {
            throw new InvalidDataException("only garment designs can be worn, not '" + id + "'");
        }
        Design d = g.find(id);
        return Outfit.of(
                KIND,
                d.id(),
                d.title(),
                d.category() == null ? "design" : d.category(),
                d.pixels());
    }

    @Override
    public void close() {
        closed = true;
        DesignGallery g = gallery.getAndSet(null);
        if (g != null) {
            g.close();
        }
    }
}
