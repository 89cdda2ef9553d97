package dev.worldmind.app.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.model.registry.ModelRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recognizer with a real (small) Fashion-MNIST classifier trained here in seconds. */
class GarmentRecognizerTest {
    @TempDir static Path dir;
    static TrainTest data;
    static GarmentRecognizer recognizer;
    static final GarmentCatalogue CATALOGUE = GarmentCatalogue.builtIn();

    @BeforeAll
    static void train() {
        data = ShopFixtures.fashion();
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"));
        assertThatThrownBy(() -> GarmentRecognizer.load(registry, CATALOGUE))
                .isInstanceOf(NotFoundException.class)
                .hasMessage(GarmentRecognizer.NOT_TRAINED);
        ShopFixtures.registerClassifier(registry, data, 8000, dir.resolve("run"));
        recognizer = GarmentRecognizer.load(registry, CATALOGUE);
    }

    @AfterAll
    static void close() {
        if (recognizer != null) {
            recognizer.close();
        }
    }

    @Test
    void recognisesUpscaledFashionMnistPicturesDrawnDarkOnWhite() {
        int right = 0;
        int n = 40;
        float[] image = new float[784];
        for (int i = 0; i < n; i++) {
            int index = 5000 + i;
            data.test().copyImage(index, image, 0);
            byte[] png = Drawings.encode(Drawings.upscaledInverted(image, 196), "png");
            Recognition r = recognizer.recognize(png, 5);
            assertThat(r.model()).isEqualTo("fashion-cnn:1");
            assertThat(r.top()).hasSize(3);
            assertThat(r.top().get(0).category()).isEqualTo(r.category());
            assertThat(r.top().get(0).probability())
                    .isGreaterThanOrEqualTo(r.top().get(1).probability());
            assertThat(r.similar()).hasSize(5);
            assertThat(r.similar().get(0).similarity())
                    .isGreaterThanOrEqualTo(r.similar().get(4).similarity());
            if (r.classIndex() == data.test().label(index)) {
                right++;
            }
        }
        System.out.println("recognised " + right + " of " + n);
        assertThat(right).isGreaterThanOrEqualTo(n * 6 / 10);
    }

    @Test
    void aProductsOwnPictureFindsItselfAmongTheMostSimilar() {
        int found = 0;
        for (Garment g : CATALOGUE.all()) {
            byte[] png = Drawings.encode(Drawings.upscaledInverted(g.picture(), 112), "png");
            Recognition r = recognizer.recognize(png, 3);
            if (r.similar().stream().anyMatch(s -> s.garment().id().equals(g.id()))) {
                found++;
            }
        }
        System.out.println("found itself in the top 3: " + found + " of " + CATALOGUE.size());
        assertThat(found).isGreaterThanOrEqualTo(24);
    }

    @Test
    void explainsTheRecognisedCategoryWithAHeatmapOverThePicture() {
        float[] image = new float[784];
        data.test().copyImage(1, image, 0);
        Recognition r =
                recognizer.recognize(
                        Drawings.encode(Drawings.upscaledInverted(image, 84), "png"), 3);
        if (r.explanation() == null) {
            System.out.println("explanation missing: " + r.explanationProblem());
        }
        assertThat(r.explanation()).as(String.valueOf(r.explanationProblem())).isNotNull();
        assertThat(r.explanation().method()).isEqualTo("grad-cam");
        assertThat(r.explanation().classIndex()).isEqualTo(r.classIndex());
        assertThat(r.explanation().heatmap()).hasSize(784);
        for (float v : r.explanation().heatmap()) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void refusesUnusablePicturesAndKeepsUploadsForTheirOwnersOnly() {
        assertThatThrownBy(() -> recognizer.recognize(new byte[] {1, 2, 3}, 3))
                .isInstanceOf(InvalidDataException.class);
        float[] image = new float[784];
        data.test().copyImage(2, image, 0);
        Recognition r =
                recognizer.recognize(
                        Drawings.encode(Drawings.upscaledInverted(image, 56), "png"), 3);
        UploadedGarments uploads = new UploadedGarments(Clock.systemUTC());
        String token = uploads.keep(7, r);
        Outfit mine = uploads.outfit(7, token);
        assertThat(mine.source()).isEqualTo("upload");
        assertThat(mine.category()).isEqualTo(r.category());
        assertThat(mine.values()[14 * 28 + 14])
                .isCloseTo(
                        r.image().pixels()[14 * 28 + 14],
                        org.assertj.core.data.Offset.offset(0.01f));
        assertThatThrownBy(() -> uploads.outfit(8, token)).isInstanceOf(NotFoundException.class);
        for (int i = 0; i < UploadedGarments.PER_ACCOUNT; i++) {
            uploads.keep(7, r);
        }
        assertThatThrownBy(() -> uploads.outfit(7, token)).isInstanceOf(NotFoundException.class);
        assertThat(uploads.size()).isEqualTo(UploadedGarments.PER_ACCOUNT);
    }
}
