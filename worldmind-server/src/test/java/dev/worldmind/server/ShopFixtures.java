package dev.worldmind.server;

import dev.worldmind.app.design.DesignGallery;
import dev.worldmind.app.shop.GarmentRecognizer;
import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.data.catalog.FashionMnist;
import dev.worldmind.data.catalog.Mnist;
import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.data.image.Normalization;
import dev.worldmind.model.generate.Generator;
import dev.worldmind.model.generate.GeneratorArtifact;
import dev.worldmind.model.generate.GeneratorSpec;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.train.ClassifierTrainer;
import dev.worldmind.model.train.EngineInfo;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.train.TrainingListener;
import dev.worldmind.model.vision.ArchitectureSpec;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.model.vision.ImageShape;
import dev.worldmind.testing.TestHome;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * The shop's test fixtures: Fashion-MNIST, a small {@code fashion-cnn} trained in seconds
 * (keras-cnn, one epoch on 8,000 images), and garment pictures as a user would upload them.
 */
final class ShopFixtures {
    private ShopFixtures() {}

    /** Fashion-MNIST from the Debian package; skips the test when it is not installed. */
    static TrainTest fashion() {
        Path debian = Path.of(FashionMnist.DEBIAN_FOLDER);
        Assumptions.assumeTrue(
                Files.isDirectory(debian),
                "needs the Debian package dataset-fashion-mnist (.ci/run installs it)");
        TestHome.get(); // DJL offline, in the shared test home
        return FashionMnist.load(debian);
    }

    /** Trains and registers a small {@value GarmentRecognizer#MODEL}. */
    static ModelManifest registerClassifier(ModelRegistry registry, TrainTest data, Path runDir) {
        long seed = 8;
        int images = 8000;
        TrainingConfig config =
                TrainingConfig.builder()
                        .setArchitecture(Architectures.KERAS_CNN)
                        .optEpochs(1)
                        .optBatchSize(64)
                        .optLearningRate(2e-3f)
                        .optSeed(seed)
                        .optValidationFraction(0.1)
                        .optTrainLimit(images)
                        .build();
        ImageSet.Split split = data.train().head(images).split(0.1, seed);
        Normalization normalization = Normalization.fit(split.train());
        ArchitectureSpec spec = new ArchitectureSpec(Architectures.KERAS_CNN, ImageShape.MNIST, 10);
        Instant started = Instant.now();
        try (ImageClassifier classifier =
                ImageClassifier.create(spec, FashionMnist.CLASSES, normalization, seed)) {
            new ClassifierTrainer(config, runDir, new TrainingListener() {})
                    .fit(classifier, split.train(), split.validation());
            Provenance provenance =
                    new Provenance(
                            config.toMap(),
                            seed,
                            new Provenance.DatasetRef(
                                    "fashion-mnist", data.ref().sha256(), "test model"),
                            CodeVersion.current(),
                            RuntimeInfo.current(EngineInfo.libraries()),
                            started,
                            Instant.now(),
                            Map.of());
            return registry.register(
                    classifier,
                    ModelManifest.draft(
                            GarmentRecognizer.MODEL,
                            ModelManifest.IMAGE_CLASSIFIER,
                            spec,
                            FashionMnist.CLASSES,
                            normalization,
                            Map.of(),
                            provenance),
                    dir -> {});
        }
    }

    /** A Fashion-MNIST test image scaled up and drawn dark on white, as a PNG file's bytes. */
    static byte[] upload(TrainTest data, int index, int side) {
        float[] pixels = new float[784];
        data.test().copyImage(index, pixels, 0);
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float v = pixels[(y * 28 / side) * 28 + x * 28 / side];
                int grey = Math.round((1 - v) * 255);
                img.setRGB(x, y, (grey << 16) | (grey << 8) | grey);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Registers untrained (so instant) conditional generators as {@code fashion-gan} and {@code
     * mnist-gan}: real networks whose samples the displays show, noise until trained.
     */
    static void registerGenerators(ModelRegistry registry) {
        for (String name : List.of(DesignGallery.FASHION, DesignGallery.DIGITS)) {
            boolean fashion = name.equals(DesignGallery.FASHION);
            List<String> classes = fashion ? FashionMnist.CLASSES : Mnist.CLASSES;
            String dataset = fashion ? "fashion-mnist" : "mnist";
            GeneratorSpec spec = new GeneratorSpec(16, 8, classes, true, ImageShape.MNIST);
            Provenance provenance =
                    new Provenance(
                            Map.of(),
                            1,
                            new Provenance.DatasetRef(dataset, "0".repeat(64), "untrained"),
                            CodeVersion.current(),
                            RuntimeInfo.current(EngineInfo.libraries()),
                            Instant.now(),
                            Instant.now(),
                            Map.of());
            try (Generator g = Generator.create(spec, 3)) {
                GeneratorArtifact artifact =
                        new GeneratorArtifact(
                                GeneratorArtifact.FORMAT_VERSION,
                                dataset,
                                spec,
                                Map.of(),
                                provenance);
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
    }
}
