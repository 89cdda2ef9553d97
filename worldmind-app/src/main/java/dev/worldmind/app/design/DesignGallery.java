package dev.worldmind.app.design;

import dev.worldmind.app.dataset.FashionMnistDescriptor;
import dev.worldmind.app.dataset.MnistDescriptor;
import dev.worldmind.app.generate.Gans;
import dev.worldmind.app.vision.TrainingPresets;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.world.SpaceKind;
import dev.worldmind.model.generate.Generator;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The generated works shown in the world: the shop's "new designs" (Fashion-MNIST generator) and
 * the museum's gallery (the garment and the digit generators side by side). Each display shows
 * batch 0 until a visitor asks for the next batch; a design's id regenerates it exactly. Owns the
 * generators and the classifiers that label their samples, so close it. Thread-safe.
 */
public final class DesignGallery implements AutoCloseable {
    /** Designs on the shop's display: one per garment class when the generator is conditional. */
    public static final int SHOP_DESIGNS = 10;

    /** Works of each generator in the museum's gallery. */
    public static final int GALLERY_WORKS_EACH = 6;

    /** The highest batch number a visitor may ask for. */
    public static final int MAX_BATCH = 9_999;

    /** The garment generator on both displays. */
    public static final String FASHION = Gans.defaultName(FashionMnistDescriptor.ID);

    /** The digit generator in the museum's gallery. */
    public static final String DIGITS = Gans.defaultName(MnistDescriptor.ID);

    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, List<Design>> cache = new LinkedHashMap<>();

    private DesignGallery() {}

    /**
     * Loads the registered generators ({@code fashion-gan}, {@code mnist-gan}) and their labelling
     * classifiers ({@code fashion-cnn}, {@code keras-cnn}), whichever exist.
     *
     * @param registry the model registry
     * @return the gallery, or empty when no generator is registered
     */
    public static Optional<DesignGallery> open(ModelRegistry registry) {
        DesignGallery g = new DesignGallery();
        try {
            g.add(registry, FASHION, TrainingPresets.FASHION_MODEL, "Design");
            g.add(registry, DIGITS, Architectures.KERAS_CNN, "Digit study");
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
        if (g.sources.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(g);
    }

    private void add(ModelRegistry registry, String generator, String judge, String noun) {
        if (registry.latestVersion(generator).isEmpty()) {
            return;
        }
        ModelManifest m = registry.get(generator);
        Generator g = Gans.load(registry, m.ref());
        ImageClassifier classifier = null;
        try {
            if (registry.latestVersion(judge).isPresent()) {
                classifier = registry.loadClassifier(registry.get(judge).ref());
            }
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
        sources.put(generator, new Source(m.ref(), g, classifier, noun));
    }

    /** Returns the generators on show, as {@code name:version}. */
    public List<String> generators() {
        return sources.values().stream().map(Source::ref).toList();
    }

    /**
     * Returns the designs on a space's display.
     *
     * @param space {@code shop} (new designs) or {@code museum} (the gallery)
     * @param batch which batch, 0 for the first
     * @return the designs, in display order
     * @throws NotFoundException for a space without a display, or when its generator is missing
     * @throws InvalidDataException for a batch outside [0, {@value #MAX_BATCH}]
     */
    public synchronized List<Design> display(String space, int batch) {
        if (batch < 0 || batch > MAX_BATCH) {
            throw new InvalidDataException(
                    "batch must be within 0.." + MAX_BATCH + ", is " + batch);
        }
        String key = space + "/" + batch;
        List<Design> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        List<Design> designs = new ArrayList<>();
        if (SpaceKind.SHOP.name().toLowerCase(Locale.ROOT).equals(space)) {
            Source fashion = sources.get(FASHION);
            if (fashion == null) {
                throw new NotFoundException(
                        "no garment generator is registered: run ./worldmind gan train --dataset"
                                + " fashion-mnist");
            }
            for (int i = 0; i < SHOP_DESIGNS; i++) {
                designs.add(fashion.design(batch, i));
            }
        } else if (SpaceKind.MUSEUM.name().toLowerCase(Locale.ROOT).equals(space)) {
            for (Source s : sources.values()) {
                for (int i = 0; i < GALLERY_WORKS_EACH; i++) {
                    designs.add(s.design(batch, i));
                }
            }
        } else {
            throw new NotFoundException(
                    "no display of generated works in '"
                            + space
                            + "'; there is one in shop and"
                            + " museum");
        }
        if (cache.size() > 64) {
            cache.clear();
        }
        List<Design> out = List.copyOf(designs);
        cache.put(key, out);
        return out;
    }

    /**
     * Regenerates a design from its id.
     *
     * @param id {@code <generator ref>/<batch>/<index>}
     * @return the design
     * @throws NotFoundException for a malformed id or a generator that is not on show
     */
    public synchronized Design find(String id) {
        String[] parts = id == null ? new String[0] : id.split("/");
        if (parts.length != 3) {
            throw new NotFoundException("no design '" + id + "'");
        }
        Source s =
                sources.values().stream()
                        .filter(x -> x.ref().equals(parts[0]))
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("no design '" + id + "'"));
        int batch;
        int index;
        try {
            batch = Integer.parseInt(parts[1]);
            index = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            throw new NotFoundException("no design '" + id + "'");
        }
        if (batch < 0 || batch > MAX_BATCH || index < 0 || index >= SHOP_DESIGNS) {
            throw new NotFoundException("no design '" + id + "'");
        }
        return s.design(batch, index);
    }

    @Override
    public synchronized void close() {
        for (Source s : sources.values()) {
            s.generator().close();
            if (s.classifier() != null) {
                s.classifier().close();
            }
        }
        sources.clear();
        cache.clear();
    }

    private record Source(
            String ref, Generator generator, ImageClassifier classifier, String noun) {
        Design design(int batch, int index) {
            List<String> classes = generator.classes();
            int wanted = generator.conditional() ? index % classes.size() : -1;
            // One seed per (batch, index): a design's id is enough to draw it again.
            long seed = 1_000_003L * batch + index;
            float[] pixels = generator.sample(1, wanted, seed);
            String requested = wanted < 0 ? null : classes.get(wanted);
            String category = requested;
            float confidence = Float.NaN;
            if (classifier != null) {
                float[] p = classifier.probabilities(pixels, 1)[0];
                int best = 0;
                for (int k = 1; k < p.length; k++) {
                    if (p[k] > p[best]) {
                        best = k;
                    }
                }
                category = classifier.classes().get(best);
                confidence = p[best];
            }
            String title =
                    String.format(
                            Locale.ROOT,
                            "%s %d-%d%s",
                            noun,
                            batch + 1,
                            index + 1,
                            category == null ? "" : ": " + category);
            int h = generator.shape().height();
            int w = generator.shape().width();
            return new Design(
                    ref + "/" + batch + "/" + index,
                    title,
                    category,
                    confidence,
                    requested,
                    ref,
                    h,
                    w,
                    pixels);
        }
    }
}
