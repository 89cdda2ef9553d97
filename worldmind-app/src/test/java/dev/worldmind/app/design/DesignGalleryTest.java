package dev.worldmind.app.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.catalog.FashionMnist;
import dev.worldmind.data.catalog.Mnist;
import dev.worldmind.data.image.Normalization;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.vision.ArchitectureSpec;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.model.vision.ImageShape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The displays with real (untrained, so fast) generators and a real labelling classifier in a real
 * registry: what each space shows, that an id draws the same design again, and the errors.
 */
class DesignGalleryTest {
    @TempDir Path dir;

    @Test
    void withoutGeneratorsThereIsNoGallery() {
        assertThat(DesignGallery.open(new ModelRegistry(dir))).isEmpty();
    }

    @Test
    void theShopShowsOneDesignPerGarmentClassAndTheMuseumBothGenerators() {
        ModelRegistry registry = new ModelRegistry(dir);
        GalleryFixtures.registerGenerator(registry, DesignGallery.FASHION, FashionMnist.CLASSES, 1);
        GalleryFixtures.registerGenerator(registry, DesignGallery.DIGITS, Mnist.CLASSES, 2);
        registerJudge(registry);
        try (DesignGallery gallery = DesignGallery.open(registry).orElseThrow()) {
            assertThat(gallery.generators()).containsExactly("fashion-gan:1", "mnist-gan:1");

            List<Design> shop = gallery.display("shop", 0);
            assertThat(shop).hasSize(DesignGallery.SHOP_DESIGNS);
            for (int i = 0; i < shop.size(); i++) {
                Design d = shop.get(i);
                assertThat(d.requested()).isEqualTo(FashionMnist.CLASSES.get(i));
                assertThat(d.id()).isEqualTo("fashion-gan:1/0/" + i);
                assertThat(d.pixels()).hasSize(784);
                for (float v : d.pixels()) {
                    assertThat(v).isBetween(0f, 1f);
                }
                // Labelled by the registered fashion-cnn, whatever it makes of an untrained sample.
                assertThat(FashionMnist.CLASSES).contains(d.category());
                assertThat(d.confidence()).isBetween(0.1f, 1f);
            }
            // Another batch draws other designs; the same batch is the same designs.
            assertThat(gallery.display("shop", 1).get(0).pixels())
                    .isNotEqualTo(shop.get(0).pixels());
            assertThat(gallery.display("shop", 0)).isSameAs(shop);

            List<Design> museum = gallery.display("museum", 0);
            assertThat(museum).hasSize(2 * DesignGallery.GALLERY_WORKS_EACH);
            assertThat(museum.stream().map(Design::generator).distinct())
                    .containsExactly("fashion-gan:1", "mnist-gan:1");
            // Digits have no labelling classifier here: the requested class names them.
            Design digit = museum.get(DesignGallery.GALLERY_WORKS_EACH + 3);
            assertThat(digit.category()).isEqualTo("3");
            assertThat(digit.confidence()).isNaN();

            Design again = gallery.find(shop.get(4).id());
            assertThat(again.pixels()).containsExactly(shop.get(4).pixels());
            assertThat(again.title()).isEqualTo(shop.get(4).title());

            assertThatThrownBy(() -> gallery.display("clinic", 0))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("shop and museum");
            assertThatThrownBy(() -> gallery.display("shop", -1))
                    .isInstanceOf(InvalidDataException.class);
            for (String bad :
                    new String[] {
                        "x", "fashion-gan:9/0/1", "fashion-gan:1/a/1", "fashion-gan:1/0/99"
                    }) {
                assertThatThrownBy(() -> gallery.find(bad))
                        .as(bad)
                        .isInstanceOf(NotFoundException.class);
            }
        }
    }

    @Test
    void aMuseumWithoutTheGarmentGeneratorStillHasItsDigitsButTheShopSaysWhatIsMissing() {
        ModelRegistry registry = new ModelRegistry(dir);
        GalleryFixtures.registerGenerator(registry, DesignGallery.DIGITS, Mnist.CLASSES, 3);
        try (DesignGallery gallery = DesignGallery.open(registry).orElseThrow()) {
            assertThat(gallery.display("museum", 0)).hasSize(DesignGallery.GALLERY_WORKS_EACH);
            assertThatThrownBy(() -> gallery.display("shop", 0))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("gan train --dataset fashion-mnist");
        }
    }

    private static void registerJudge(ModelRegistry registry) {
        ArchitectureSpec spec = new ArchitectureSpec(Architectures.KERAS_CNN, ImageShape.MNIST, 10);
        Normalization norm = new Normalization(0.29f, 0.35f);
        try (ImageClassifier c = ImageClassifier.create(spec, FashionMnist.CLASSES, norm, 5)) {
            registry.register(
                    c,
                    ModelManifest.draft(
                            "fashion-cnn",
                            ModelManifest.IMAGE_CLASSIFIER,
                            spec,
                            FashionMnist.CLASSES,
                            norm,
                            Map.of(),
                            GalleryFixtures.untrained("fashion-mnist")),
                    d -> {});
        }
    }
}
