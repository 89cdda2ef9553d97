package dev.worldmind.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.idx.IdxArray;
import dev.worldmind.data.idx.IdxReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSetTest {
    private static final List<String> DIGITS =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @TempDir Path dir;

    private Path write(String name, IdxArray array) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, IdxReader.encode(array));
        return p;
    }

    private static ImageSet synthetic(int n) {
        byte[] pixels = new byte[n * 4];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 10);
            pixels[i * 4] = (byte) i;
        }
        return new ImageSet("synthetic", 2, 2, pixels, labels, DIGITS);
    }

    @Test
    void loadsMatchingImageAndLabelFiles() throws IOException {
        Path images = write("img", new IdxArray(new int[] {2, 2, 2}, new byte[8]));
        Path labels = write("lab", new IdxArray(new int[] {2}, new byte[] {3, 7}));

        ImageSet set = ImageSet.fromIdx("t", images, labels, DIGITS);

        assertThat(set.size()).isEqualTo(2);
        assertThat(set.label(1)).isEqualTo(7);
    }

    @Test
    void rejectsImageAndLabelFilesOfDifferentLengths() throws IOException {
        Path images = write("img", new IdxArray(new int[] {3, 2, 2}, new byte[12]));
        Path labels = write("lab", new IdxArray(new int[] {2}, new byte[] {1, 2}));

        assertThatThrownBy(() -> ImageSet.fromIdx("t", images, labels, DIGITS))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("mismatched files")
                .hasMessageContaining("3 images but")
                .hasMessageContaining("2 labels");
    }

    @Test
    void rejectsALabelFileGivenAsImages() throws IOException {
        Path labels = write("lab", new IdxArray(new int[] {2}, new byte[] {1, 2}));

        assertThatThrownBy(() -> ImageSet.fromIdx("t", labels, labels, DIGITS))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("expected 3 dimensions");
    }

    @Test
    void rejectsLabelsOutsideTheClasses() throws IOException {
        Path images = write("img", new IdxArray(new int[] {1, 2, 2}, new byte[4]));
        Path labels = write("lab", new IdxArray(new int[] {1}, new byte[] {12}));

        assertThatThrownBy(() -> ImageSet.fromIdx("t", images, labels, DIGITS))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("label 12");
    }

    @Test
    void splitIsStratifiedDisjointAndReproducible() {
        ImageSet set = synthetic(1_000);

        ImageSet.Split a = set.split(0.2, 99);
        ImageSet.Split b = set.split(0.2, 99);
        ImageSet.Split c = set.split(0.2, 100);

        assertThat(a.validation().size()).isEqualTo(200);
        assertThat(a.train().size()).isEqualTo(800);
        assertThat(a.validation()).isEqualTo(b.validation());
        assertThat(a.validation().pixels()).isNotEqualTo(c.validation().pixels());
        int[] perClass = new int[10];
        Set<Integer> validationIds = new HashSet<>();
        for (int i = 0; i < a.validation().size(); i++) {
            perClass[a.validation().label(i)]++;
            validationIds.add(a.validation().pixels()[i * 4] & 0xff | a.validation().label(i) << 8);
        }
        assertThat(perClass).containsOnly(20);
        for (int i = 0; i < a.train().size(); i++) {
            int id = a.train().pixels()[i * 4] & 0xff | a.train().label(i) << 8;
            assertThat(validationIds).doesNotContain(id);
        }
    }

    @Test
    void normalizationFitsMeanAndStandardDeviation() {
        byte[] pixels = {0, (byte) 255, 0, (byte) 255};
        ImageSet set = new ImageSet("n", 2, 2, pixels, new byte[] {0}, DIGITS);

        Normalization n = Normalization.fit(set);
        float[] values = {0f, 1f};
        n.apply(values, 0, 2);

        assertThat(n.mean()).isEqualTo(0.5f);
        assertThat(n.std()).isEqualTo(0.5f);
        assertThat(values).containsExactly(-1f, 1f);
    }
}
