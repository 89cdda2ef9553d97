package dev.worldmind.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.image.DecodeGate;
import dev.worldmind.data.image.ImageIntake;
import dev.worldmind.data.image.ImageLimits;
import dev.worldmind.model.vision.ImageShape;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;

/**
 * Fuzzes the predict body (JSON, or a picture upload) for a 1x28x28 model: each body becomes {@code
 * count} images of values in [0, 1] or is refused with a 4xx {@link ApiException} or an {@link
 * InvalidDataException} (400); anything else (a 5xx, a Jackson or unchecked exception, an error, a
 * hang) is a finding. Inputs: {@code PredictInputFuzzTestInputs}.
 */
class PredictInputFuzzTest {
    private static final ImageIntake INTAKE =
            ImageIntake.of(
                    new ImageLimits(
                            List.of("png", "jpeg", "gif", "bmp"),
                            64 << 10,
                            512,
                            512L * 512,
                            4 << 20,
                            8),
                    new DecodeGate(1, Duration.ZERO));

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({
        "{\"instances\":[[",
        "\"instances\"",
        "\"shape\":[1,1,28,28]",
        "\"data\":[",
        "\"explain\":",
        "\"grad-cam\"",
        "\"saliency\"",
        "0.5",
        "1e-45",
        "1.0000001",
        "-0.0",
        "NaN"
    })
    void becomesImagesOrRefusesClearly(FuzzedDataProvider data) {
        boolean picture = data.consumeBoolean();
        Boolean invert = data.pickValue(new Boolean[] {null, true, false});
        byte[] body = data.consumeRemainingAsBytes();
        ImageShape shape = ImageShape.MNIST;
        PredictInput in;
        try {
            in =
                    picture
                            ? PredictInput.image(INTAKE, body, shape, invert)
                            : PredictInput.json(new ByteArrayInputStream(body), shape);
        } catch (ApiException refused) {
            assertThat(refused.status()).isBetween(400, 499);
            return;
        } catch (InvalidDataException refused) {
            return;
        }
        assertThat(in.count()).isBetween(1, PredictInput.MAX_IMAGES);
        assertThat(in.pixels()).hasSize(in.count() * shape.size());
        for (float v : in.pixels()) {
            // Numerically, so -0.0 (a JSON "-0") counts as 0.
            assertThat(v >= 0f && v <= 1f).as("pixel %s in [0, 1]", v).isTrue();
        }
    }
}
