package dev.worldmind.model.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.worldmind.core.InvalidDataException;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Explanations of a keras-cnn trained here for one epoch on 10,000 Fashion-MNIST images (about 87 %
 * accurate): the acceptance's deletion test over 100 test images, and that explaining leaves the
 * classifier exactly as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplainerTest {
    private static final int IMAGES = 100;
    private static final int SIZE = 28 * 28;

    private ImageClassifier classifier;
    private float[] images;

    @BeforeAll
    void trainSmallCnn(@TempDir Path runs) {
        assumeThat(Files.isDirectory(Path.of(FashionMnist.DEBIAN_FOLDER)))
                .as("Fashion-MNIST needs the Debian package dataset-fashion-mnist")
                .isTrue();
        TrainTest data = FashionMnist.load(Path.of(FashionMnist.DEBIAN_FOLDER));
        ImageSet train = data.train().head(10_000);
        TrainingConfig config = TrainingFixtures.oneEpoch(Architectures.KERAS_CNN);
        classifier =
                ImageClassifier.create(
                        new ArchitectureSpec(
                                Architectures.KERAS_CNN, new ImageShape(1, 28, 28), 10),
                        FashionMnist.CLASSES,
                        Normalization.fit(train),
                        11);
        new ClassifierTrainer(config, runs.resolve("cnn"), new TrainingListener() {})
                .fit(classifier, train, train.head(0));
        ImageSet test = data.test();
        images = new float[IMAGES * SIZE];
        for (int i = 0; i < IMAGES; i++) {
            test.copyImage(i, images, i * SIZE);
        }
    }

    @AfterAll
    void close() {
        if (classifier != null) {
            classifier.close();
        }
    }

    @Test
    void maskingTheTopSaliencyWindowHurtsMoreThanARandomOne() {
        Faithfulness f =
                Faithfulness.measure(
                        classifier, images, IMAGES, ExplanationMethod.SALIENCY, 8, 8, 5);
        System.out.println(f);
        assertThat(f.topDrop()).isGreaterThan(f.randomDrop());
        assertThat(f.topDrop()).isGreaterThan(f.inkRandomDrop());
    }

    @Test
    void maskingTheTopGradCamWindowHurtsMoreThanARandomOne() {
        Faithfulness f =
                Faithfulness.measure(
                        classifier, images, IMAGES, ExplanationMethod.GRAD_CAM, 8, 8, 5);
        System.out.println(f);
        assertThat(f.topDrop()).isGreaterThan(f.randomDrop());
        assertThat(f.topDrop()).isGreaterThan(f.inkRandomDrop());
    }

    @Test
    void heatmapsAreAtInputResolutionInTheUnitRange() {
        float[] one = new float[SIZE];
        System.arraycopy(images, 3 * SIZE, one, 0, SIZE);
        float[] predicted = classifier.probabilities(one, 1)[0];
        for (ExplanationMethod m : ExplanationMethod.values()) {
            Explanation e = Explainer.explain(classifier, one, m, -1);
            assertThat(e.method()).isEqualTo(m.id());
            assertThat(e.height()).isEqualTo(28);
            assertThat(e.width()).isEqualTo(28);
            assertThat(e.heatmap()).hasSize(SIZE);
            float max = 0;
            for (float v : e.heatmap()) {
                assertThat(v).isBetween(0f, 1f);
                max = Math.max(max, v);
            }
            assertThat(max).isEqualTo(1f);
            assertThat(e.probability()).isEqualTo(predicted[e.classIndex()]);
            assertThat(e.className()).isEqualTo(FashionMnist.CLASSES.get(e.classIndex()));
            for (float p : predicted) {
                assertThat(p).isLessThanOrEqualTo(e.probability());
            }
        }
    }

    @Test
    void batchedExplanationsEqualSingleOnes() {
        List<Explanation> batch =
                Explainer.explain(
                        classifier,
                        Arrays.copyOf(images, 4 * SIZE),
                        4,
                        ExplanationMethod.GRAD_CAM,
                        2);
        for (int i = 0; i < 4; i++) {
            float[] one = new float[SIZE];
            System.arraycopy(images, i * SIZE, one, 0, SIZE);
            Explanation single = Explainer.explain(classifier, one, ExplanationMethod.GRAD_CAM, 2);
            assertThat(batch.get(i).classIndex()).isEqualTo(2);
            assertThat(batch.get(i).heatmap())
                    .containsExactly(single.heatmap(), org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    @Test
    void explainingChangesNeitherPredictionsNorGradients() {
        float[][] before = classifier.probabilities(images, IMAGES);
        List<float[]> gradients = gradients(classifier);
        Explainer.explain(classifier, images, IMAGES, ExplanationMethod.SALIENCY, -1);
        Explainer.explain(classifier, images, IMAGES, ExplanationMethod.GRAD_CAM, 4);
        assertThat(classifier.probabilities(images, IMAGES)).isDeepEqualTo(before);
        assertThat(gradients(classifier)).usingRecursiveComparison().isEqualTo(gradients);
        for (Pair<String, Parameter> p : classifier.model().getBlock().getParameters()) {
            if (p.getKey().endsWith("weight")) {
                assertThat(p.getValue().requiresGradient()).as(p.getKey()).isTrue();
            }
        }
    }

    @Test
    void rejectsGradCamWithoutConvolutionsAndBadClasses() {
        try (ImageClassifier mlp =
                ImageClassifier.create(
                        new ArchitectureSpec(Architectures.MLP, new ImageShape(1, 28, 28), 10),
                        FashionMnist.CLASSES,
                        Normalization.IDENTITY,
                        1)) {
            float[] one = new float[SIZE];
            assertThatThrownBy(() -> Explainer.explain(mlp, one, ExplanationMethod.GRAD_CAM, -1))
                    .isInstanceOf(InvalidDataException.class)
                    .hasMessageContaining("Grad-CAM needs a convolutional network");
            assertThat(Explainer.explain(mlp, one, ExplanationMethod.SALIENCY, -1).heatmap())
                    .hasSize(SIZE);
            assertThatThrownBy(() -> Explainer.explain(mlp, one, ExplanationMethod.SALIENCY, 10))
                    .isInstanceOf(InvalidDataException.class);
        }
    }

    @Test
    void gradCamReadsTheLastConvolutionalStage() {
        ImageShape in = new ImageShape(1, 28, 28);
        assertThat(GradCam.featureLayer(new ArchitectureSpec(Architectures.KERAS_CNN, in, 10)))
                .isEqualTo(7); // the ReLU after the third convolution
        assertThat(GradCam.featureLayer(new ArchitectureSpec(Architectures.STRONG_CNN, in, 10)))
                .isEqualTo(8); // the Conv128-BN-ReLU block
    }

    @Test
    void featureCellsSitWhereTheirReceptiveFieldsAre() {
        ImageShape in = new ImageShape(1, 28, 28);
        ArchitectureSpec keras = new ArchitectureSpec(Architectures.KERAS_CNN, in, 10);
        ArchitectureSpec strong = new ArchitectureSpec(Architectures.STRONG_CNN, in, 10);
        // keras-cnn: unpadded 28 -> 26 -> 13 -> 11 -> 5 -> 3; its 3x3 cells are centred on 8.5,
        // 12.5 and 16.5. strong-cnn is "same"-padded: 7x7 cells at 1.5, 5.5, ..., 25.5.
        assertThat(GradCam.Geometry.of(keras, GradCam.featureLayer(keras)))
                .isEqualTo(new GradCam.Geometry(4, 8.5));
        assertThat(GradCam.Geometry.of(strong, GradCam.featureLayer(strong)))
                .isEqualTo(new GradCam.Geometry(4, 1.5));
    }

    @Test
    void upsamplingInterpolatesBetweenCellCentresAndFadesBeyond() {
        // Cells centred on pixels 1 and 5; zero one stride beyond them, at -3 and 9.
        GradCam.Geometry g = new GradCam.Geometry(4, 1);
        float[] up = GradCam.upsample(new float[] {0f, 1f, 0f, 1f}, 0, 2, 2, 10, 10, g);
        float[] row1 = Arrays.copyOfRange(up, 10, 20);
        assertThat(row1).containsExactly(0f, 0f, 0.25f, 0.5f, 0.75f, 1f, 0.75f, 0.5f, 0.25f, 0f);
        assertThat(Arrays.copyOfRange(up, 30, 40)).containsExactly(row1);
        assertThat(up[5]).isEqualTo(0.75f); // row 0, a quarter stride outside: fading
    }

    private static List<float[]> gradients(ImageClassifier c) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : c.model().getBlock().getParameters()) {
            NDArray a = p.getValue().getArray();
            out.add(a.hasGradient() ? a.getGradient().toFloatArray() : new float[0]);
        }
        return out;
    }
}
