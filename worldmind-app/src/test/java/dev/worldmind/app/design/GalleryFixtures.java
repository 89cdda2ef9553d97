package dev.worldmind.app.design;

import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.data.catalog.FashionMnist;
import dev.worldmind.data.catalog.Mnist;
import dev.worldmind.model.generate.Generator;
import dev.worldmind.model.generate.GeneratorArtifact;
import dev.worldmind.model.generate.GeneratorSpec;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.vision.ImageShape;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Generators for the design gallery's tests, shared with the server's tests through this module's
 * test jar: untrained (so instant) conditional generators, real networks whose samples the displays
 * show, noise until trained.
 */
public final class GalleryFixtures {
    private GalleryFixtures() {}

    /**
     * Registers the shop's and the museum's generators ({@value DesignGallery#FASHION} and {@value
     * DesignGallery#DIGITS}).
     *
     * @param registry where to register them
     */
    public static void registerGenerators(ModelRegistry registry) {
        registerGenerator(registry, DesignGallery.FASHION, FashionMnist.CLASSES, 3);
        registerGenerator(registry, DesignGallery.DIGITS, Mnist.CLASSES, 3);
    }

    /**
     * Registers one untrained generator.
     *
     * @param registry where to register it
     * @param name the model name; one starting with "fashion" is marked as trained on
     *     Fashion-MNIST, any other on MNIST
     * @param classes the classes it draws
     * @param seed the seed of its initial weights
     */
    public static void registerGenerator(
            ModelRegistry registry, String name, List<String> classes, long seed) {
        GeneratorSpec spec = new GeneratorSpec(16, 8, classes, true, ImageShape.MNIST);
        String dataset = name.startsWith("fashion") ? "fashion-mnist" : "mnist";
        Provenance provenance = untrained(dataset);
        try (Generator g = Generator.create(spec, seed)) {
            GeneratorArtifact artifact =
                    new GeneratorArtifact(
                            GeneratorArtifact.FORMAT_VERSION, dataset, spec, Map.of(), provenance);
            registry.registerFiles(
                    ModelManifest.artifact(
                            name,
                            ModelManifest.GENERATOR,
                            ModelManifest.DJL,
                            classes,
                            Map.of(),
                            provenance),
                    d -> artifact.save(d, g));
        }
    }

    /**
     * The provenance of a model that was never trained.
     *
     * @param dataset the dataset it is meant for
     */
    public static Provenance untrained(String dataset) {
        return new Provenance(
                Map.of(),
                1,
                new Provenance.DatasetRef(dataset, "0".repeat(64), "none: untrained"),
                CodeVersion.current(),
                RuntimeInfo.current(Map.of()),
                Instant.now(),
                Instant.now(),
                Map.of());
    }
}
