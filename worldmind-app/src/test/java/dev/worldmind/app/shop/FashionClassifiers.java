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
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** A small Fashion-MNIST classifier for tests, registered as {@code fashion-cnn} in seconds. */
final class FashionClassifiers {
    private FashionClassifiers() {}

    /**
     * Trains keras-cnn for one epoch on the first images of the training set and registers it.
     *
     * @param registry where to register it
     * @param data Fashion-MNIST
     * @param images how many training images
     * @param runDir a folder for checkpoints
     * @return the manifest
     */
    static ModelManifest register(ModelRegistry registry, TrainTest data, int images, Path runDir) {
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
}
