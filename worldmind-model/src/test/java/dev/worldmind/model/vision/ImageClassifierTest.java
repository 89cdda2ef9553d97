package dev.worldmind.model.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.data.catalog.Mnist;
import dev.worldmind.data.image.Normalization;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageClassifierTest {
    @TempDir Path tmp;

    @Test
    void aLoadedClassifierCanBeSavedAgainUnchanged() {
        ArchitectureSpec spec = new ArchitectureSpec(Architectures.KERAS_CNN, ImageShape.MNIST, 10);
        Normalization norm = new Normalization(0.13f, 0.31f);
        float[] images = new float[3 * ImageShape.MNIST.size()];
        Random random = new Random(5);
        for (int i = 0; i < images.length; i++) {
            images[i] = random.nextFloat();
        }
        float[][] expected;
        try (ImageClassifier c = ImageClassifier.create(spec, Mnist.CLASSES, norm, 9)) {
            c.save(tmp.resolve("a"));
            expected = c.probabilities(images, 3);
        }
        try (ImageClassifier loaded =
                ImageClassifier.load(tmp.resolve("a"), spec, Mnist.CLASSES, norm)) {
            assertThat(loaded.probabilities(images, 3)).isDeepEqualTo(expected);
            loaded.save(tmp.resolve("b"));
        }
        try (ImageClassifier again =
                ImageClassifier.load(tmp.resolve("b"), spec, Mnist.CLASSES, norm)) {
            assertThat(again.probabilities(images, 3)).isDeepEqualTo(expected);
        }
    }

    @Test
    void featuresAreWhatTheLastLayerTurnsIntoTheLogits() {
        ArchitectureSpec spec = new ArchitectureSpec(Architectures.KERAS_CNN, ImageShape.MNIST, 10);
        float[] images = new float[4 * ImageShape.MNIST.size()];
        Random random = new Random(7);
        for (int i = 0; i < images.length; i++) {
            images[i] = random.nextFloat();
        }
        try (ImageClassifier c =
                ImageClassifier.create(spec, Mnist.CLASSES, new Normalization(0.1f, 0.3f), 3)) {
            float[][] features = c.features(images, 4);
            float[][] logits = c.logits(images, 4);
            assertThat(features).hasNumberOfRows(4);
            assertThat(features[0]).hasSize(64);
            var layers = c.model().getBlock().getChildren().values();
            var last = layers.get(layers.size() - 1);
            try (var manager = c.model().getNDManager().newSubManager()) {
                float[] flat = new float[4 * 64];
                for (int i = 0; i < 4; i++) {
                    System.arraycopy(features[i], 0, flat, i * 64, 64);
                    for (float f : features[i]) {
                        assertThat(f).isGreaterThanOrEqualTo(0f);
                    }
                }
                float[] out =
                        last.forward(
                                        new ai.djl.training.ParameterStore(manager, false),
                                        new ai.djl.ndarray.NDList(
                                                manager.create(
                                                        flat,
                                                        new ai.djl.ndarray.types.Shape(4, 64))),
                                        false)
                                .singletonOrThrow()
                                .toFloatArray();
                for (int i = 0; i < 4; i++) {
                    for (int k = 0; k < 10; k++) {
                        assertThat(out[i * 10 + k])
                                .isCloseTo(
                                        logits[i][k], org.assertj.core.data.Offset.offset(1e-4f));
                    }
                }
            }
            assertThatThrownBy(() -> c.features(new float[10], 1))
                    .isInstanceOf(dev.worldmind.core.InvalidDataException.class);
        }
    }
}
