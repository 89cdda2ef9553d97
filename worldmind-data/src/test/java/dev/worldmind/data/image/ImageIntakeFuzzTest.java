package dev.worldmind.data.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.worldmind.core.InvalidDataException;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;

/**
 * Fuzzes the image intake with arbitrary files: each is either decoded within the limits its header
 * promised or refused with an {@link InvalidDataException}; anything else (an exception from a
 * decoder, an error, a hang, a busy gate with one caller) is a finding. The limits are small, so a
 * run spends its time in headers and decoders rather than in big pixel buffers. Inputs (PNG, JPEG,
 * GIF, BMP, TIFF, hostile headers): {@code ImageIntakeFuzzTestInputs}.
 */
class ImageIntakeFuzzTest {
    private static final ImageLimits LIMITS =
            new ImageLimits(
                    List.of("png", "jpeg", "gif", "bmp"), 64 << 10, 512, 512L * 512, 4 << 20, 8);
    private static final ImageIntake INTAKE =
            ImageIntake.of(LIMITS, new DecodeGate(1, Duration.ZERO));

    @FuzzTest(maxDuration = "5s")
    void decodesWithinTheLimitsOrRefusesClearly(byte[] file) {
        ImageHeader header;
        try {
            header = INTAKE.inspect(file, "the upload");
        } catch (InvalidDataException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(LIMITS.formats()).contains(header.format());
        assertThat(header.pixels()).isPositive().isLessThanOrEqualTo(LIMITS.maxPixels());
        assertThat(header.frames()).isBetween(1, LIMITS.maxFrames());
        BufferedImage image;
        try {
            image = INTAKE.decode(file, "the upload");
        } catch (InvalidDataException refused) {
            return;
        }
        assertThat(image.getWidth()).isEqualTo(header.width());
        assertThat(image.getHeight()).isEqualTo(header.height());
    }
}
