package dev.worldmind.app.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class GarmentImageTest {
    private static final int N = GarmentImage.SIDE;

    @Test
    void aDarkShirtOnWhiteBecomesABrightShirtOnBlackFillingTheFrame() {
        byte[] png = Drawings.encode(Drawings.shirt(600, 400, Color.WHITE, Color.DARK_GRAY), "png");
        GarmentImage g = GarmentImage.read(png);
        float[] p = g.pixels();
        assertThat(g.background()).isEqualTo("light");
        assertThat(g.sourceWidth()).isEqualTo(600);
        assertThat(p[0]).isZero(); // the white corner is black now
        assertThat(at(p, 14, 16)).isGreaterThan(0.8f); // the body is bright
        assertThat(max(p)).isEqualTo(1f);
        // Cropped and scaled: the shirt spans the whole width, and is centred vertically.
        assertThat(columnSum(p, 0) + columnSum(p, N - 1)).isGreaterThan(0f);
        assertThat(rowSum(p, 0)).isZero();
        assertThat(rowSum(p, N - 1)).isZero();
    }

    @Test
    void transparentJpegAndGifPicturesGiveTheSameGarment() {
        float[] onWhite =
                GarmentImage.read(
                                Drawings.encode(
                                        Drawings.shirt(300, 300, Color.WHITE, Color.BLACK), "png"))
                        .pixels();
        GarmentImage clear =
                GarmentImage.read(
                        Drawings.encode(Drawings.shirt(300, 300, null, Color.BLACK), "png"));
        assertThat(clear.background()).isEqualTo("transparent");
        BufferedImage rgb = Drawings.shirt(300, 300, Color.WHITE, new Color(40, 60, 160));
        BufferedImage jpegSource = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        jpegSource.getGraphics().drawImage(rgb, 0, 0, null);
        float[] jpeg = GarmentImage.read(Drawings.encode(jpegSource, "jpeg")).pixels();
        float[] gif = GarmentImage.read(Drawings.encode(jpegSource, "gif")).pixels();
        assertThat(correlation(onWhite, clear.pixels())).isGreaterThan(0.9);
        assertThat(correlation(onWhite, jpeg)).isGreaterThan(0.9);
        assertThat(correlation(onWhite, gif)).isGreaterThan(0.9);
    }

    @Test
    void aLightGarmentOnADarkPhotoBackgroundIsNotInverted() {
        byte[] png =
                Drawings.encode(
                        Drawings.shirt(200, 260, new Color(20, 20, 30), new Color(230, 230, 220)),
                        "png");
        GarmentImage g = GarmentImage.read(png);
        assertThat(g.background()).isEqualTo("dark");
        assertThat(at(g.pixels(), 14, 16)).isGreaterThan(0.8f);
        assertThat(g.pixels()[0]).isZero();
    }

    @Test
    void aLargePictureIsAveragedDownWithoutTrouble() {
        GarmentImage g =
                GarmentImage.read(
                        Drawings.encode(Drawings.shirt(3000, 2000, Color.WHITE, Color.RED), "png"));
        assertThat(at(g.pixels(), 14, 16)).isGreaterThan(0.5f);
    }

    @Test
    void rejectsCorruptBytesWithAMessageForTheUser() {
        byte[] png = Drawings.encode(Drawings.shirt(100, 100, Color.WHITE, Color.BLACK), "png");
        byte[] cut = Arrays.copyOf(png, 60);
        assertThatThrownBy(() -> GarmentImage.read(cut))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("damaged");
        assertThatThrownBy(
                        () ->
                                GarmentImage.read(
                                        "hello, not a picture".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("not a picture");
        assertThatThrownBy(() -> GarmentImage.read(new byte[0]))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void rejectsAHugeDimensionHeaderBeforeDecoding() throws IOException {
        byte[] bomb = pngHeader(100_000, 100_000);
        assertThatThrownBy(() -> GarmentImage.read(bomb))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("100000 x 100000")
                .hasMessageContaining("4096");
    }

    @Test
    void rejectsAnAnimationOfManyFramesAndADecompressionBomb() {
        assertThatThrownBy(
                        () ->
                                GarmentImage.read(
                                        dev.worldmind.testing.HostilePictures.animatedGif(200)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("more than 8 frames");
        assertThatThrownBy(
                        () ->
                                GarmentImage.read(
                                        dev.worldmind.testing.HostilePictures.pngBomb(8000, 8000)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("8000 x 8000");
    }

    @Test
    void rejectsOversizedUploadsBlankPicturesAndOtherFormats() {
        assertThatThrownBy(() -> GarmentImage.read(new byte[GarmentImage.MAX_BYTES + 1]))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("2 MiB");
        assertThatThrownBy(
                        () ->
                                GarmentImage.read(
                                        Drawings.encode(
                                                Drawings.blank(200, 200, Color.WHITE), "png")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(
                        () ->
                                GarmentImage.read(
                                        Drawings.encode(
                                                Drawings.blank(50, 50, Color.BLACK), "bmp")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("bmp");
    }

    @Test
    void encodesTheProcessedImageAsAGreyPng() throws IOException {
        GarmentImage g =
                GarmentImage.read(
                        Drawings.encode(Drawings.shirt(100, 100, Color.WHITE, Color.BLACK), "png"));
        BufferedImage back =
                ImageIO.read(new java.io.ByteArrayInputStream(GarmentImage.png(g.pixels())));
        assertThat(back.getWidth()).isEqualTo(N);
        assertThat(back.getRaster().getSample(14, 16, 0))
                .isEqualTo(Math.round(at(g.pixels(), 14, 16) * 255));
        assertThat(g.dataUrl()).startsWith("data:image/png;base64,");
    }

    /** A PNG signature and IHDR claiming a size, with correct CRCs, and no pixel data. */
    static byte[] pngHeader(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(out);
        d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream i = new DataOutputStream(ihdr);
        i.writeBytes("IHDR");
        i.writeInt(w);
        i.writeInt(h);
        i.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit grey, no interlace
        byte[] chunk = ihdr.toByteArray();
        d.writeInt(chunk.length - 4);
        d.write(chunk);
        CRC32 crc = new CRC32();
        crc.update(chunk);
        d.writeInt((int) crc.getValue());
        d.writeInt(0);
        d.writeBytes("IEND");
        CRC32 end = new CRC32();
        end.update("IEND".getBytes(StandardCharsets.US_ASCII));
        d.writeInt((int) end.getValue());
        return out.toByteArray();
    }

    private static float at(float[] p, int x, int y) {
        return p[y * N + x];
    }

    private static float max(float[] p) {
        float m = 0;
        for (float v : p) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static float rowSum(float[] p, int y) {
        float s = 0;
        for (int x = 0; x < N; x++) {
            s += p[y * N + x];
        }
        return s;
    }

    private static float columnSum(float[] p, int x) {
        float s = 0;
        for (int y = 0; y < N; y++) {
            s += p[y * N + x];
        }
        return s;
    }

    static double correlation(float[] a, float[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }
}
