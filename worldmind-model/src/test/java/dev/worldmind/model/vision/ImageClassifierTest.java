package dev.worldmind.model.vision;

import static org.assertj.core.api.Assertions.assertThat;

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
}
