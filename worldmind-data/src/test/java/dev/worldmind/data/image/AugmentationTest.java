package dev.worldmind.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    private static float[] square() {
        float[] img = new float[28 * 28];
        for (int y = 10; y < 18; y++) {
            for (int x = 10; x < 18; x++) {
                img[y * 28 + x] = 1f;
            }
        }
        return img;
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s;
    }

    @Test
    void noAugmentationLeavesTheImageAlone() {
        float[] img = square();
        Augmentation.NONE.apply(img, 0, 28, 28, new Random(1), new float[784]);
        assertThat(img).containsExactly(square());
    }

    @Test
    void sameSeedGivesTheSameTransformAndInkIsKept() {
        Augmentation aug = new Augmentation(2, 15);
        float[] a = square();
        float[] b = square();
        aug.apply(a, 0, 28, 28, new Random(7), new float[784]);
        aug.apply(b, 0, 28, 28, new Random(7), new float[784]);

        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(square());
        // A centred shape shifted by at most 2 px and rotated stays inside: its ink is kept.
        assertThat(sum(a)).isCloseTo(sum(square()), within(1.0));
    }

    @Test
    void transformsOnlyTheImageAtTheOffset() {
        float[] two = new float[2 * 784];
        System.arraycopy(square(), 0, two, 784, 784);
        new Augmentation(2, 10).apply(two, 784, 28, 28, new Random(3), new float[784]);
        assertThat(sum(java.util.Arrays.copyOf(two, 784))).isZero();
    }

    @Test
    void mirroringFlipsAboutHalfTheImagesLeftToRight() {
        Augmentation mirror = new Augmentation(0, 0, true);
        assertThat(mirror.isEnabled()).isTrue();
        float[] left = new float[784];
        for (int y = 10; y < 18; y++) {
            left[y * 28 + 3] = 1f; // a bar at column 3
        }
        Random random = new Random(11);
        int flipped = 0;
        for (int i = 0; i < 200; i++) {
            float[] img = left.clone();
            mirror.apply(img, 0, 28, 28, random, new float[784]);
            if (img[14 * 28 + 24] == 1f) { // now at column 28 - 1 - 3
                flipped++;
                assertThat(img[14 * 28 + 3]).isZero();
            } else {
                assertThat(img).containsExactly(left);
            }
        }
        assertThat(flipped).isBetween(70, 130);
    }

    @Test
    void withoutMirroringTheRandomDrawsAreUnchanged() {
        float[] a = square();
        float[] b = square();
        new Augmentation(2, 15).apply(a, 0, 28, 28, new Random(7), new float[784]);
        new Augmentation(2, 15, false).apply(b, 0, 28, 28, new Random(7), new float[784]);
        assertThat(a).containsExactly(b);
    }
}
