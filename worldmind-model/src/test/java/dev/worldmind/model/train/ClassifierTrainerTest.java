package dev.worldmind.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.WorldmindException;
import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.data.image.Normalization;
import dev.worldmind.model.eval.ClassificationReport;
import dev.worldmind.model.vision.ArchitectureSpec;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.model.vision.ImageShape;
import dev.worldmind.testing.TestHome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierTrainerTest {
    private static final Normalization MNIST_NORM = new Normalization(0.1307f, 0.3081f);

    @TempDir Path runs;

    @Test
    void kerasCnnLearnsTwoThousandDigitsToNinetyPercent() {
        TrainTest mnist = TestHome.mnist();
        ImageSet train = mnist.train().head(2_000);
        ImageSet test = mnist.test().head(2_000);
        TrainingConfig config =
                TrainingConfig.builder()
                        .setArchitecture(Architectures.KERAS_CNN)
                        .optEpochs(6)
                        .optBatchSize(32)
                        .optValidationFraction(0)
                        .build();
        List<EpochStats> seen = new ArrayList<>();
        try (ImageClassifier classifier = newClassifier(Architectures.KERAS_CNN, 7)) {
            TrainingHistory history =
                    new ClassifierTrainer(config, runs.resolve("a"), listener(seen))
                            .fit(classifier, train, train.head(0));
            ClassificationReport report =
                    ClassificationReport.compute(
                            labels(test), classifier.probabilities(test), test.classNames());

            assertThat(report.accuracy()).isGreaterThanOrEqualTo(0.90);
            assertThat(history.epochs()).hasSize(6);
            assertThat(seen).hasSize(6);
            assertThat(history.epochs().get(5).trainLoss())
                    .isLessThan(history.epochs().get(0).trainLoss());
        }
    }

    @Test
    void sameSeedGivesTheSameModel() {
        ImageSet train = TestHome.mnist().train().head(512);
        ImageSet probe = TestHome.mnist().test().head(50);
        TrainingConfig config = TrainingFixtures.oneEpoch(Architectures.MLP);
        float[][] first;
        try (ImageClassifier c = newClassifier(Architectures.MLP, 3)) {
            new ClassifierTrainer(config, runs.resolve("s1"), new TrainingListener() {})
                    .fit(c, train, train.head(0));
            first = c.probabilities(probe);
        }
        try (ImageClassifier c = newClassifier(Architectures.MLP, 3)) {
            new ClassifierTrainer(config, runs.resolve("s2"), new TrainingListener() {})
                    .fit(c, train, train.head(0));
            assertThat(c.probabilities(probe)).isDeepEqualTo(first);
        }
    }

    @Test
    void resumesFromTheLastCheckpointAfterACrash() {
        ImageSet all = TestHome.mnist().train().head(600);
        ImageSet.Split split = all.split(0.2, 1);
        TrainingConfig config =
                TrainingConfig.builder()
                        .setArchitecture(Architectures.MLP)
                        .optEpochs(3)
                        .optValidationFraction(0.2)
                        .build();
        Path dir = runs.resolve("resume");
        TrainingListener crashAfterFirstEpoch =
                new TrainingListener() {
                    @Override
                    public void epochFinished(EpochStats stats) {
                        if (stats.epoch() == 1) {
                            throw new IllegalStateException("simulated crash");
                        }
                    }
                };
        try (ImageClassifier c = newClassifier(Architectures.MLP, 1)) {
            ClassifierTrainer trainer = new ClassifierTrainer(config, dir, crashAfterFirstEpoch);
            assertThatThrownBy(() -> trainer.fit(c, split.train(), split.validation()))
                    .hasMessage("simulated crash");
        }
        int[] resumedFrom = {-1};
        try (ImageClassifier c = newClassifier(Architectures.MLP, 1)) {
            TrainingHistory history =
                    new ClassifierTrainer(
                                    config,
                                    dir,
                                    new TrainingListener() {
                                        @Override
                                        public void resumed(int completedEpochs) {
                                            resumedFrom[0] = completedEpochs;
                                        }
                                    })
                            .fit(c, split.train(), split.validation());
            assertThat(resumedFrom[0]).isEqualTo(1);
            assertThat(history.resumedFrom()).isEqualTo(1);
            assertThat(history.epochs()).extracting(EpochStats::epoch).containsExactly(1, 2, 3);
        }
    }

    @Test
    void refusesCheckpointsOfAnotherConfiguration() {
        ImageSet train = TestHome.mnist().train().head(128);
        Path dir = runs.resolve("other");
        TrainingConfig one = TrainingFixtures.oneEpoch(Architectures.MLP);
        try (ImageClassifier c = newClassifier(Architectures.MLP, 1)) {
            new ClassifierTrainer(one, dir, new TrainingListener() {}).fit(c, train, train.head(0));
        }
        TrainingConfig two = one.toBuilder().optLearningRate(0.01f).build();
        try (ImageClassifier c = newClassifier(Architectures.MLP, 1)) {
            ClassifierTrainer trainer = new ClassifierTrainer(two, dir, new TrainingListener() {});
            assertThatThrownBy(() -> trainer.fit(c, train, train.head(0)))
                    .isInstanceOf(WorldmindException.class)
                    .hasMessageContaining("different training configuration");
        }
    }

    @Test
    void earlyStoppingKeepsTheBestEpoch() {
        ImageSet all = TestHome.mnist().train().head(400);
        ImageSet.Split split = all.split(0.25, 5);
        // A learning rate this high makes validation accuracy collapse after the first epochs.
        TrainingConfig config =
                TrainingConfig.builder()
                        .setArchitecture(Architectures.MLP)
                        .optEpochs(30)
                        .optPatience(2)
                        .optSchedule(ScheduleKind.CONSTANT)
                        .optLearningRate(0.05f)
                        .build();
        try (ImageClassifier c = newClassifier(Architectures.MLP, 2)) {
            TrainingHistory history =
                    new ClassifierTrainer(config, runs.resolve("early"), new TrainingListener() {})
                            .fit(c, split.train(), split.validation());
            assertThat(history.stoppedEarly()).isTrue();
            assertThat(history.epochs().size()).isLessThan(30);
            double best =
                    history.epochs().stream()
                            .mapToDouble(EpochStats::validationAccuracy)
                            .max()
                            .orElseThrow();
            assertThat(history.epochs().get(history.bestEpoch() - 1).validationAccuracy())
                    .isEqualTo(best);
            ClassificationReport report =
                    ClassificationReport.compute(
                            labels(split.validation()),
                            c.probabilities(split.validation()),
                            all.classNames());
            assertThat(report.accuracy())
                    .isCloseTo(best, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    static ImageClassifier newClassifier(String architecture, long seed) {
        return ImageClassifier.create(
                new ArchitectureSpec(architecture, ImageShape.MNIST, 10),
                dev.worldmind.data.catalog.Mnist.CLASSES,
                MNIST_NORM,
                seed);
    }

    static int[] labels(ImageSet set) {
        int[] l = new int[set.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = set.label(i);
        }
        return l;
    }

    private static TrainingListener listener(List<EpochStats> seen) {
        return new TrainingListener() {
            @Override
            public void epochFinished(EpochStats stats) {
                seen.add(stats);
            }
        };
    }
}
