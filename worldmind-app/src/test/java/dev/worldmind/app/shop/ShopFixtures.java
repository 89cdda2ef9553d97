package dev.worldmind.app.shop;

import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.data.catalog.FashionMnist;
import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.data.image.Normalization;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The shop's test fixtures, shared with the server's tests through this module's test jar:
 * Fashion-MNIST, a small {@value GarmentRecognizer#MODEL} trained in seconds, and garment pictures
 * as a user would upload them.
 */
public final class ShopFixtures {
    private ShopFixtures() {}

    /** Fashion-MNIST from the Debian package; skips the test when it is not installed. */
    public static TrainTest fashion() {
        Path debian = Path.of(FashionMnist.DEBIAN_FOLDER);
        Assumptions.assumeTrue(
                Files.isDirectory(debian),
                "needs the Debian package dataset-fashion-mnist (.ci/run installs it)");
        TestHome.get(); // DJL offline, in the shared test home
        return FashionMnist.load(debian);
    }

    /**
     * Trains keras-cnn for one epoch on the first images of the training set and registers it as
     * {@value GarmentRecognizer#MODEL}.
     *
     * @param registry where to register it
     * @param data Fashion-MNIST
     * @param images how many training images
     * @param runDir a folder for checkpoints
     * @return the manifest
     */
    public static ModelManifest registerClassifier(
            ModelRegistry registry, TrainTest data, int images, Path runDir) {
        long seed = 8;
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
            ModelManifest draft =
                    ModelManifest.draft(
                            GarmentRecognizer.MODEL,
                            ModelManifest.IMAGE_CLASSIFIER,
                            spec,
                            FashionMnist.CLASSES,
                            normalization,
                            Map.of(),
                            provenance);
            return registry.register(classifier, draft, dir -> {});
        }
    }

    /**
     * A Fashion-MNIST test image scaled up and drawn dark on white, as a PNG file's bytes.
     *
     * @param data Fashion-MNIST
     * @param index the test image
     * @param side the picture's width and height
     */
    public static byte[] upload(TrainTest data, int index, int side) {
        float[] pixels = new float[784];
        data.test().copyImage(index, pixels, 0);
        return Drawings.encode(Drawings.upscaledInverted(pixels, side), "png");
    }
}
