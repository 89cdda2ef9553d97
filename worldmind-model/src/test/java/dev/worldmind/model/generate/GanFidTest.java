package dev.worldmind.model.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.worldmind.data.catalog.FashionMnist;
import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.data.image.Normalization;
import dev.worldmind.model.train.ClassifierTrainer;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.train.TrainingFixtures;
import dev.worldmind.model.train.TrainingListener;
import dev.worldmind.model.vision.ArchitectureSpec;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.model.vision.ImageShape;
import dev.worldmind.testing.TestHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A short GAN run on Fashion-MNIST must move FID well below the untrained generator's. */
class GanFidTest {
    @Test
    void aShortTrainingLowersFidFarBelowTheUntrainedGenerator() {
        assumeThat(Files.isDirectory(Path.of(FashionMnist.DEBIAN_FOLDER)))
                .as("Fashion-MNIST needs the Debian package dataset-fashion-mnist")
                .isTrue();
        TrainTest data = FashionMnist.load(Path.of(FashionMnist.DEBIAN_FOLDER));
        ImageSet train = data.train().head(5_000);
        try (ImageClassifier judge = judge(train)) {
            Fid fid = Fid.of(judge, data.test(), 2_000);
            GanConfig config =
                    GanConfig.builder()
                            .optEpochs(1)
                            .optWidth(32)
                            .optLatentSize(64)
                            .optSeed(3)
                            .build();
            GanTrainer trainer = new GanTrainer(config, GanListener.SILENT);
            try (Generator g = Generator.create(trainer.spec(FashionMnist.CLASSES), 3)) {
                GanHistory h = trainer.fit(g, train, gen -> fid.score(gen, 1_000, 99));
                System.out.println("fid history " + h);
                assertThat(h.epochs()).hasSize(1);
                assertThat(h.finalScore()).isLessThan(h.initialScore() / 3);
            }
        }
    }

    /** A keras-cnn trained one epoch on the same 5,000 images: enough features to tell. */
    static ImageClassifier judge(ImageSet train) {
        ImageClassifier c =
                ImageClassifier.create(
                        new ArchitectureSpec(Architectures.KERAS_CNN, ImageShape.MNIST, 10),
                        FashionMnist.CLASSES,
                        new Normalization(0.2860f, 0.3530f),
                        1);
        TrainingConfig config = TrainingFixtures.oneEpoch(Architectures.KERAS_CNN);
        new ClassifierTrainer(
                        config,
                        TestHome.get().runs().resolve("gan-judge-" + ProcessHandle.current().pid()),
                        new TrainingListener() {})
                .fit(c, train, train.head(0));
        return c;
    }
}
