package dev.worldmind.app.generate;

import dev.worldmind.core.WorldmindHome;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.data.catalog.FashionMnist;
import dev.worldmind.data.catalog.Mnist;
import dev.worldmind.data.catalog.TrainTest;
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
import java.time.Instant;
import java.util.Map;

/**
 * Registers a judge classifier for the GAN tests when the home has none: a keras-cnn trained a few
 * epochs (the lead's {@code fashion-cnn} replaces it in a real home).
 */
final class Judges {
    private Judges() {}

    static void ensure(WorldmindHome home, String dataset, int epochs, int limit) {
        ModelRegistry registry = new ModelRegistry(home.models());
        String name = Gans.defaultJudge(dataset);
        if (registry.latestVersion(name).isPresent()) {
            return;
        }
        TrainTest data = Gans.load(home, dataset, ProgressMonitor.silent());
        boolean mnist = dataset.equals("mnist");
        Normalization norm =
                mnist ? new Normalization(0.1307f, 0.3081f) : new Normalization(0.2860f, 0.3530f);
        ArchitectureSpec spec = new ArchitectureSpec(Architectures.KERAS_CNN, ImageShape.MNIST, 10);
        TrainingConfig config =
                TrainingConfig.builder()
                        .setArchitecture(Architectures.KERAS_CNN)
                        .optEpochs(epochs)
                        .optValidationFraction(0)
                        .optTrainLimit(limit)
                        .build();
        Instant started = Instant.now();
        try (ImageClassifier c =
                ImageClassifier.create(
                        spec, mnist ? Mnist.CLASSES : FashionMnist.CLASSES, norm, 1)) {
            new ClassifierTrainer(
                            config, home.runs().resolve("judge-" + name), new TrainingListener() {})
                    .fit(
                            c,
                            limit > 0 ? data.train().head(limit) : data.train(),
                            data.train().head(0));
            float[][] p = c.probabilities(data.test());
            int right = 0;
            for (int i = 0; i < p.length; i++) {
                int best = 0;
                for (int k = 1; k < p[i].length; k++) {
                    best = p[i][k] > p[i][best] ? k : best;
                }
                right += best == data.test().label(i) ? 1 : 0;
            }
            Map<String, Double> metrics = Map.of("accuracy", right / (double) p.length);
            System.out.println("judge " + name + " on " + dataset + ": " + metrics);
            Provenance provenance =
                    new Provenance(
                            config.toMap(),
                            1,
                            new Provenance.DatasetRef(
                                    dataset,
                                    mnist
                                            ? Mnist.SPEC.contentHash()
                                            : FashionMnist.SPEC.contentHash(),
                                    "training split"),
                            CodeVersion.current(),
                            RuntimeInfo.current(EngineInfo.libraries()),
                            started,
                            Instant.now(),
                            metrics);
            registry.register(
                    c,
                    ModelManifest.draft(
                            name,
                            ModelManifest.IMAGE_CLASSIFIER,
                            spec,
                            c.classes(),
                            norm,
                            metrics,
                            provenance),
                    dir -> {});
        }
    }
}
