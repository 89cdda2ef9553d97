package dev.worldmind.data.image;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Turns a picture of a handwritten digit (a PNG or JPEG photo, scan or drawing, any size, dark ink
 * on light paper or the other way round) into an MNIST-style image: 28x28, white ink on black, the
 * digit scaled to fit a 20x20 box with its aspect ratio kept, and its centre of mass at the centre,
 * as LeCun et al. prepared MNIST.
 */
public final class DigitImages {
    /** Side of the output image. */
    public static final int SIZE = 28;

    private static final int BOX = 20;
    private static final float INK_THRESHOLD = 0.2f;

    /**
     * Local files may be larger than uploads (a camera's JPEG), but their pixels are bounded the
     * same way: the header is checked before decoding.
     */
    private static final ImageIntake INTAKE =
            ImageIntake.of(ImageLimits.DEFAULT.withMaxBytes(32 << 20));

    private DigitImages() {}

    /**
     * Reads an image file and prepares it like MNIST.
     *
     * @param file a PNG, JPEG, GIF or BMP file
     * @return {@code 28*28} ink values in [0, 1], row-major
     * @throws NotFoundException if the file does not exist
     * @throws InvalidDataException if it is not a readable image, exceeds {@link
     *     ImageLimits#DEFAULT} (but 32 MiB), or shows no digit
     */
    public static float[] read(Path file) {
        return prepare(INTAKE.read(file), file.toString());
    }

    /**
     * Prepares a decoded image like MNIST.
     *
     * @param image the picture
     * @param source a name for error messages
     * @return {@code 28*28} ink values in [0, 1], row-major
     */
    public static float[] prepare(BufferedImage image, String source) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] ink = inkOf(image);
        float background = borderMedian(ink, w, h);
        for (int i = 0; i < ink.length; i++) {
            ink[i] = Math.max(0f, ink[i] - background) / Math.max(1e-3f, 1f - background);
        }
        int minX = w;
        int minY = h;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (ink[y * w + x] > INK_THRESHOLD) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            throw new InvalidDataException(source + " shows no digit: the image is blank");
        }
        int cw = maxX - minX + 1;
        int ch = maxY - minY + 1;
        double scale = (double) BOX / Math.max(cw, ch);
        int sw = Math.max(1, (int) Math.round(cw * scale));
        int sh = Math.max(1, (int) Math.round(ch * scale));
        float[] scaled = resize(ink, w, minX, minY, cw, ch, sw, sh);

        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                double v = scaled[y * sw + x];
                mass += v;
                mx += v * x;
                my += v * y;
            }
        }
        int ox = (int) Math.round(SIZE / 2.0 - (mass > 0 ? mx / mass : sw / 2.0) - 0.5);
        int oy = (int) Math.round(SIZE / 2.0 - (mass > 0 ? my / mass : sh / 2.0) - 0.5);
        float[] out = new float[SIZE * SIZE];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int tx = x + ox;
                int ty = y + oy;
                if (tx >= 0 && ty >= 0 && tx < SIZE && ty < SIZE) {
                    out[ty * SIZE + tx] = Math.min(1f, scaled[y * sw + x]);
                }
            }
        }
        return out;
    }

    /** Luminance composited over white, so transparent backgrounds read as paper. */
    private static float[] inkOf(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] lum = new float[w * h];
        boolean alpha = image.getColorModel().hasAlpha();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                float a = alpha ? ((argb >>> 24) & 0xff) / 255f : 1f;
                float r = ((argb >> 16) & 0xff) / 255f;
                float g = ((argb >> 8) & 0xff) / 255f;
                float b = (argb & 0xff) / 255f;
                float l = 0.299f * r + 0.587f * g + 0.114f * b;
                lum[y * w + x] = a * l + (1 - a);
            }
        }
        float border = borderMedian(lum, w, h);
        if (border > 0.5f) {
            for (int i = 0; i < lum.length; i++) {
                lum[i] = 1f - lum[i];
            }
        }
        return lum;
    }

    private static float borderMedian(float[] values, int w, int h) {
        float[] border = new float[2 * w + 2 * h];
        int n = 0;
        for (int x = 0; x < w; x++) {
            border[n++] = values[x];
            border[n++] = values[(h - 1) * w + x];
        }
        for (int y = 0; y < h; y++) {
            border[n++] = values[y * w];
            border[n++] = values[y * w + w - 1];
        }
        Arrays.sort(border, 0, n);
        return border[n / 2];
    }

    /** Area-averaging resize of a crop, the smooth downscale MNIST's anti-aliasing resembles. */
    private static float[] resize(
            float[] ink, int w, int x0, int y0, int cw, int ch, int sw, int sh) {
        BufferedImage crop = new BufferedImage(cw, ch, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                int v = Math.round(Math.min(1f, ink[(y0 + y) * w + x0 + x]) * 255f);
                crop.getRaster().setSample(x, y, 0, v);
            }
        }
        BufferedImage small = new BufferedImage(sw, sh, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        try {
            g.drawImage(crop.getScaledInstance(sw, sh, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        } finally {
            g.dispose();
        }
        float[] out = new float[sw * sh];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                out[y * sw + x] = small.getRaster().getSample(x, y, 0) / 255f;
            }
        }
        return out;
    }
}
