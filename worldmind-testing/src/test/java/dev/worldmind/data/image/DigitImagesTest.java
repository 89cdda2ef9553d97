package dev.worldmind.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.testing.HostilePictures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitImagesTest {
    @TempDir Path dir;

    /** A dark bar, off-centre, on a light canvas that is wider than tall. */
    private static BufferedImage darkBarOnPaper(int type) {
        BufferedImage img = new BufferedImage(300, 160, type);
        Graphics2D g = img.createGraphics();
        if (type != BufferedImage.TYPE_INT_ARGB) {
            g.setColor(new Color(245, 240, 230));
            g.fillRect(0, 0, 300, 160);
        }
        g.setColor(new Color(20, 20, 60));
        g.fillRect(30, 20, 20, 100);
        g.dispose();
        return img;
    }

    private static double[] centreOfMass(float[] img) {
        double m = 0;
        double x = 0;
        double y = 0;
        for (int i = 0; i < img.length; i++) {
            m += img[i];
            x += img[i] * (i % 28);
            y += img[i] * (i / 28);
        }
        return new double[] {x / m, y / m, m};
    }

    @Test
    void makesADrawingLookLikeMnist() {
        float[] out = DigitImages.prepare(darkBarOnPaper(BufferedImage.TYPE_INT_RGB), "bar");

        double[] com = centreOfMass(out);
        assertThat(out).hasSize(784);
        assertThat(com[0]).isCloseTo(13.5, within(1.0));
        assertThat(com[1]).isCloseTo(13.5, within(1.0));
        // Ink is white on black: the corners are empty, the bar's middle is full.
        assertThat(out[0]).isZero();
        assertThat(out[14 * 28 + 14]).isGreaterThan(0.9f);
        // The 100 px tall bar is scaled to the 20 px box MNIST digits fit in.
        int rows = 0;
        for (int y = 0; y < 28; y++) {
            if (out[y * 28 + 14] > 0.5f) {
                rows++;
            }
        }
        assertThat(rows).isBetween(19, 21);
    }

    @Test
    void readsTransparentBackgroundsAsPaper() {
        float[] out = DigitImages.prepare(darkBarOnPaper(BufferedImage.TYPE_INT_ARGB), "alpha");
        assertThat(out[0]).isZero();
        assertThat(out[14 * 28 + 14]).isGreaterThan(0.9f);
    }

    @Test
    void lightInkOnDarkGivesTheSameResult() {
        BufferedImage dark = darkBarOnPaper(BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < dark.getHeight(); y++) {
            for (int x = 0; x < dark.getWidth(); x++) {
                dark.setRGB(x, y, ~dark.getRGB(x, y));
            }
        }
        float[] a = DigitImages.prepare(darkBarOnPaper(BufferedImage.TYPE_INT_RGB), "a");
        float[] b = DigitImages.prepare(dark, "b");
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).isCloseTo(a[i], within(0.05f));
        }
    }

    @Test
    void rejectsABlankImage() {
        BufferedImage blank = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
        assertThatThrownBy(() -> DigitImages.prepare(blank, "blank.png"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("blank.png shows no digit");
    }

    @Test
    void rejectsAFileThatIsNotAnImage() throws IOException {
        Path notImage = dir.resolve("digit.png");
        Files.writeString(notImage, "this is not a picture");
        assertThatThrownBy(() -> DigitImages.read(notImage))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("not a PNG, JPEG");
    }

    @Test
    void rejectsATruncatedPng() throws IOException {
        Path png = dir.resolve("cut.png");
        ImageIO.write(darkBarOnPaper(BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        byte[] raw = Files.readAllBytes(png);
        Files.write(png, java.util.Arrays.copyOf(raw, 60));
        assertThatThrownBy(() -> DigitImages.read(png))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("cut.png");
    }

    @Test
    void refusesAPictureClaimingHugeDimensionsWithoutDecodingIt() throws IOException {
        Path png = dir.resolve("huge.png");
        Files.write(png, HostilePictures.pngClaiming(40_000, 40_000));
        assertThatThrownBy(() -> DigitImages.read(png))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("huge.png is 40000 x 40000 pixels");
    }

    @Test
    void reportsAMissingFile() {
        assertThatThrownBy(() -> DigitImages.read(dir.resolve("none.png")))
                .isInstanceOf(NotFoundException.class);
    }
}
