package dev.worldmind.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.testing.HostilePictures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageIntakeTest {
    private final DecodeGate gate = new DecodeGate(2, Duration.ZERO);
    private final ImageIntake intake = ImageIntake.of(ImageLimits.DEFAULT, gate);

    /** Bytes this thread allocated while running the task (HotSpot counts them per thread). */
    private static long allocatedBy(Runnable task) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        task.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }

    private static void refuse(ImageIntake intake, byte[] picture) {
        try {
            intake.decode(picture, "the upload");
        } catch (InvalidDataException expected) {
            return;
        }
        throw new AssertionError("the picture was decoded");
    }

    @Test
    void refusesAPngClaiming40000SquaredFromItsHeaderWithoutDecoding() {
        byte[] png = HostilePictures.pngClaiming(40_000, 40_000);
        assertThat(png.length).isLessThan(100);

        assertThatThrownBy(() -> intake.decode(png, "the upload"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("40000 x 40000 pixels")
                .hasMessageContaining("at most 4096 x 4096");
        assertThat(gate.decodes()).as("the decoder was never reached").isZero();
        // 40000² grey pixels would be a 1.6 GB buffer; reading the header takes a few KB.
        assertThat(allocatedBy(() -> refuse(intake, png))).isLessThan(4L << 20);
    }

    @Test
    void refusesADecompressionBombBeforeDecoding() {
        byte[] bomb = HostilePictures.pngBomb(8000, 8000);
        assertThat(bomb.length).isLessThan(300 << 10);

        assertThatThrownBy(() -> intake.inspect(bomb, "the upload"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("8000 x 8000");
        assertThat(allocatedBy(() -> refuse(intake, bomb))).isLessThan(4L << 20);
        assertThat(gate.decodes()).isZero();
    }

    @Test
    void refusesDeepColourThatWouldNeedTooBigABuffer() {
        ImageIntake strict =
                ImageIntake.of(
                        new ImageLimits(List.of("png"), 1 << 20, 4096, 4096L * 4096, 1 << 10, 1),
                        gate);
        assertThatThrownBy(() -> strict.inspect(HostilePictures.pngBomb(32, 32), "the upload"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("4,096 bytes to decode");
    }

    @Test
    void refusesAnAnimationOfManyFramesAndCountsFewFrames() {
        assertThatThrownBy(() -> intake.decode(HostilePictures.animatedGif(500), "the upload"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("more than 8 frames");
        assertThat(gate.decodes()).isZero();

        assertThat(intake.inspect(HostilePictures.animatedGif(3), "x").frames()).isEqualTo(3);
        assertThat(intake.decode(HostilePictures.animatedGif(8), "x").getWidth()).isEqualTo(4);
    }

    @Test
    void decodesANormalPictureThroughTheGate() throws IOException {
        BufferedImage src = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        src.setRGB(10, 10, 0xffffff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(src, "png", out);

        ImageHeader header = intake.inspect(out.toByteArray(), "the upload");
        BufferedImage image = intake.decode(out.toByteArray(), "the upload");

        assertThat(header).isEqualTo(new ImageHeader("png", 64, 48, 1, 64L * 48 * 3));
        assertThat(image.getRGB(10, 10) & 0xffffff).isEqualTo(0xffffff);
        assertThat(gate.decodes()).isEqualTo(1);
    }

    @Test
    void refusesWhenEveryDecoderIsBusy() throws Exception {
        BufferedImage src = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(src, "png", out);
        DecodeGate.Slot all = gate.closeAll();
        try {
            assertThatThrownBy(() -> intake.decode(out.toByteArray(), "the upload"))
                    .isInstanceOf(DecoderBusyException.class)
                    .hasMessageContaining("busy");
        } finally {
            all.close();
        }
        assertThat(gate.refused()).isEqualTo(1);
        assertThat(intake.decode(out.toByteArray(), "the upload").getWidth()).isEqualTo(8);
    }

    @Test
    void refusesOtherFormatsEmptyOversizedAndNonPictures() throws IOException {
        ImageIntake shop = ImageIntake.of(ImageLimits.DEFAULT.withFormats(List.of("png")), gate);
        ByteArrayOutputStream bmp = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "bmp", bmp);

        assertThatThrownBy(() -> shop.decode(bmp.toByteArray(), "the upload"))
                .hasMessageContaining("a bmp picture cannot be used; send a PNG");
        assertThatThrownBy(() -> intake.decode(new byte[0], "the upload"))
                .hasMessageContaining("the upload is empty");
        assertThatThrownBy(() -> intake.decode(new byte[(4 << 20) + 1], "the upload"))
                .hasMessageContaining("at most 4,194,304 (4 MiB)");
        assertThatThrownBy(() -> intake.decode("not a png".getBytes(), "the upload"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("not a picture (not a PNG, JPEG, GIF or BMP image)");
        byte[] cut = java.util.Arrays.copyOf(bmp.toByteArray(), 40);
        assertThatThrownBy(() -> intake.decode(cut, "cut.bmp"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("cut.bmp");
    }
}
