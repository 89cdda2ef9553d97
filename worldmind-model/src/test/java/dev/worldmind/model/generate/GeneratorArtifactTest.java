package dev.worldmind.model.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.data.catalog.FashionMnist;
import dev.worldmind.model.vision.ImageShape;
import dev.worldmind.testing.TestHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorArtifactTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/generator-v1.json");

    @BeforeAll
    static void home() {
        TestHome.get();
    }

    @Test
    void readsTheGoldenFormatOneFile(@TempDir Path dir) throws Exception {
        Files.copy(GOLDEN, dir.resolve(GeneratorArtifact.FILE));
        GeneratorArtifact a = GeneratorArtifact.read(dir);
        assertThat(a.dataset()).isEqualTo("fashion-mnist");
        assertThat(a.spec())
                .isEqualTo(new GeneratorSpec(64, 32, FashionMnist.CLASSES, true, ImageShape.MNIST));
        assertThat(a.hyperparameters()).containsEntry("algorithm", "dcgan");
    }

    @Test
    void aSavedGeneratorDrawsTheSameImagesAfterLoading(@TempDir Path dir) {
        GeneratorSpec spec = new GeneratorSpec(16, 8, FashionMnist.CLASSES, true, ImageShape.MNIST);
        try (Generator g = Generator.create(spec, 5)) {
            new GeneratorArtifact(
                            GeneratorArtifact.FORMAT_VERSION, "fashion-mnist", spec, Map.of(), null)
                    .save(dir, g);
            float[] expected = g.sample(6, 2, 17);
            try (Generator loaded = GeneratorArtifact.load(dir)) {
                assertThat(loaded.sample(6, 2, 17)).containsExactly(expected);
                assertThat(loaded.conditional()).isTrue();
                assertThat(loaded.classes()).isEqualTo(FashionMnist.CLASSES);
                assertThat(loaded.shape()).isEqualTo(ImageShape.MNIST);
            }
            assertThat(expected).hasSize(6 * 28 * 28);
            assertThat(g.sample(6, 3, 17)).isNotEqualTo(expected); // the class matters
        }
    }

    @Test
    void refusesOtherVersionsAndMissingFiles(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> GeneratorArtifact.load(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("generator.json is missing");
        Files.copy(GOLDEN, dir.resolve(GeneratorArtifact.FILE));
        assertThatThrownBy(() -> GeneratorArtifact.load(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("generator-0000.params is missing");
        String golden = Files.readString(GOLDEN);
        Files.writeString(
                dir.resolve(GeneratorArtifact.FILE),
                golden.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
        assertThatThrownBy(() -> GeneratorArtifact.read(dir))
                .isInstanceOf(UnsupportedFormatVersionException.class);
    }
}
