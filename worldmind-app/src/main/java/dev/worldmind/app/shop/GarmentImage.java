package dev.worldmind.app.shop;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.image.DecoderBusyException;
import dev.worldmind.data.image.GrayPng;
import dev.worldmind.data.image.ImageIntake;
import dev.worldmind.data.image.ImageLimits;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * An uploaded picture of a garment made into a Fashion-MNIST-style input: 28x28 grey values in [0,
 * 1], the garment bright on black, cropped to its bounding box, its longest side scaled to 28 and
 * centred. Photos and drawings of any size, with or without transparency, are accepted; the
 * background is what the border shows (its median), and a light background is inverted.
 *
 * @param pixels {@value #SIDE}x{@value #SIDE} values in [0, 1], row-major
 * @param sourceWidth the uploaded picture's width
 * @param sourceHeight the uploaded picture's height
 * @param background what the border showed: {@code light}, {@code dark} or {@code transparent}
 */
public record GarmentImage(float[] pixels, int sourceWidth, int sourceHeight, String background) {
    /** The side of the processed image (Fashion-MNIST's). */
    public static final int SIDE = 28;

    /** The largest upload in bytes (2 MiB). */
    public static final int MAX_BYTES = 2 << 20;

    /** The largest width or height of an upload, checked before decoding. */
    public static final int MAX_SIDE = 4096;

    /** Formats that may be uploaded (ImageIO's format names). */
    public static final List<String> FORMATS = List.of("png", "jpeg", "gif");

    /** Every upload's header is checked against these before it is decoded. */
    private static final ImageIntake INTAKE =
            ImageIntake.of(
                    ImageLimits.DEFAULT
                            .withFormats(FORMATS)
                            .withMaxBytes(MAX_BYTES)
                            .withMaxSide(MAX_SIDE));

    /** Pictures are averaged down to at most this side before any other work. */
    private static final int WORK_SIDE = 512;

    public GarmentImage {
        if (pixels.length != SIDE * SIDE) {
            throw new IllegalArgumentException("a garment image has " + SIDE * SIDE + " pixels");
        }
        pixels = pixels.clone();
    }

    @Override
    public float[] pixels() {
        return pixels.clone();
    }

    /**
     * Reads and prepares an upload.
     *
     * @param upload the file's bytes (PNG, JPEG or GIF)
     * @return the prepared image
     * @throws InvalidDataException with a message for the user when it is too large, not a picture,
     *     corrupt, of too many pixels or frames, or blank
     * @throws DecoderBusyException when every picture decoder is busy (retry shortly)
     */
    public static GarmentImage read(byte[] upload) {
        BufferedImage image = INTAKE.decode(upload, "the upload");
        Work work = Work.of(image);
        return new GarmentImage(
                work.garment(), image.getWidth(), image.getHeight(), work.background);
    }

    /**
     * Encodes 28x28 values in [0, 1] as a grey PNG.
     *
     * @param pixels {@value #SIDE}x{@value #SIDE} values
     * @return the PNG's bytes
     */
    public static byte[] png(float[] pixels) {
        return GrayPng.encode(pixels, SIDE, SIDE, 1);
    }

    /**
     * A PNG data URL of 28x28 values, for a web page's {@code img} or canvas.
     *
     * @param pixels {@value #SIDE}x{@value #SIDE} values in [0, 1]
     * @return {@code data:image/png;base64,...}
     */
    public static String dataUrl(float[] pixels) {
        return GrayPng.dataUrl(pixels, SIDE, SIDE, 1);
    }

    /** The processed image as a PNG data URL. */
    public String dataUrl() {
        return dataUrl(pixels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GarmentImage g
                && Arrays.equals(pixels, g.pixels)
                && sourceWidth == g.sourceWidth
                && sourceHeight == g.sourceHeight
                && background.equals(g.background);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pixels) * 31 + background.hashCode();
    }

    @Override
    public String toString() {
        return "GarmentImage[" + sourceWidth + "x" + sourceHeight + ", " + background + "]";
    }

    /** The picture averaged down to a working size, as grey and opacity planes. */
    private static final class Work {
        final int w;
        final int h;
        final float[] grey;
        final float[] alpha;
        String background;

        private Work(int w, int h) {
            this.w = w;
            this.h = h;
            this.grey = new float[w * h];
            this.alpha = new float[w * h];
        }

        /** Area-averages the picture by a whole factor so its longest side is at most 512. */
        static Work of(BufferedImage image) {
            int sw = image.getWidth();
            int sh = image.getHeight();
            int f = Math.max(1, (Math.max(sw, sh) + WORK_SIDE - 1) / WORK_SIDE);
            Work work = new Work((sw + f - 1) / f, (sh + f - 1) / f);
            float[] greyAlpha = new float[work.w * work.h];
            float[] count = new float[work.w * work.h];
            int[] row = new int[sw];
            for (int y = 0; y < sh; y++) {
                image.getRGB(0, y, sw, 1, row, 0, sw);
                int base = (y / f) * work.w;
                for (int x = 0; x < sw; x++) {
                    int argb = row[x];
                    float a = ((argb >>> 24) & 0xff) / 255f;
                    float g =
                            (0.299f * ((argb >> 16) & 0xff)
                                            + 0.587f * ((argb >> 8) & 0xff)
                                            + 0.114f * (argb & 0xff))
                                    / 255f;
                    int i = base + x / f;
                    greyAlpha[i] += g * a;
                    work.alpha[i] += a;
                    count[i]++;
                }
            }
            for (int i = 0; i < count.length; i++) {
                work.grey[i] = work.alpha[i] > 0 ? greyAlpha[i] / work.alpha[i] : 0f;
                work.alpha[i] /= count[i];
            }
            return work;
        }

        /** How much each working pixel is garment, in [0, 1], from the border's background. */
        float[] strength() {
            int ring = Math.max(1, Math.min(w, h) / 50);
            int border = 0;
            int clear = 0;
            int opaque = 0;
            float[] greys = new float[2 * ring * (w + h)];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (x >= ring && y >= ring && x < w - ring && y < h - ring) {
                        continue;
                    }
                    int i = y * w + x;
                    if (alpha[i] < 0.5f) {
                        clear++;
                    } else {
                        greys[opaque++] = grey[i];
                    }
                    border++;
                }
            }
            float[] s = new float[w * h];
            if (clear * 2 >= border) {
                background = "transparent";
                // The garment is what is opaque; its own tone decides whether it is flipped.
                float[] tones = new float[w * h];
                int n = 0;
                for (int i = 0; i < s.length; i++) {
                    if (alpha[i] >= 0.5f) {
                        tones[n++] = grey[i];
                    }
                }
                boolean dark = n > 0 && median(tones, n) < 0.5f;
                for (int i = 0; i < s.length; i++) {
                    float tone = dark ? 1f - grey[i] : grey[i];
                    s[i] = alpha[i] * (0.2f + 0.8f * tone);
                }
                return s;
            }
            float bg = median(greys, opaque);
            background = bg >= 0.5f ? "light" : "dark";
            float range = Math.max(bg, 1f - bg);
            for (int i = 0; i < s.length; i++) {
                // Transparent pixels inside an opaque picture are background too.
                s[i] = alpha[i] * Math.abs(grey[i] - bg) / range;
            }
            return s;
        }

        float[] garment() {
            float[] s = strength();
            float max = 0f;
            for (float v : s) {
                max = Math.max(max, v);
            }
            if (max < 0.08f) {
                throw new InvalidDataException(
                        "the picture looks blank: no garment stands out from its background");
            }
            float cut = Math.max(0.06f, 0.15f * max);
            int x0 = w;
            int y0 = h;
            int x1 = -1;
            int y1 = -1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (s[y * w + x] >= cut) {
                        x0 = Math.min(x0, x);
                        x1 = Math.max(x1, x);
                        y0 = Math.min(y0, y);
                        y1 = Math.max(y1, y);
                    }
                }
            }
            int bw = x1 - x0 + 1;
            int bh = y1 - y0 + 1;
            double scale = (double) SIDE / Math.max(bw, bh);
            int tw = Math.max(1, (int) Math.round(bw * scale));
            int th = Math.max(1, (int) Math.round(bh * scale));
            float[] out = new float[SIDE * SIDE];
            int ox = (SIDE - tw) / 2;
            int oy = (SIDE - th) / 2;
            for (int ty = 0; ty < th; ty++) {
                double sy0 = y0 + ty / scale;
                double sy1 = y0 + (ty + 1) / scale;
                for (int tx = 0; tx < tw; tx++) {
                    double sx0 = x0 + tx / scale;
                    double sx1 = x0 + (tx + 1) / scale;
                    out[(oy + ty) * SIDE + ox + tx] = (float) area(s, sx0, sx1, sy0, sy1);
                }
            }
            // Like Fashion-MNIST, the brightest pixel is white.
            float top = 0f;
            for (float v : out) {
                top = Math.max(top, v);
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = top > 0 ? Math.min(1f, out[i] / top) : 0f;
            }
            return out;
        }

        /** The mean of the strength over a fractional source rectangle. */
        private double area(float[] s, double x0, double x1, double y0, double y1) {
            double sum = 0;
            double weight = 0;
            for (int y = (int) Math.floor(y0); y < Math.min(h, Math.ceil(y1)); y++) {
                double wy = Math.min(y + 1, y1) - Math.max(y, y0);
                for (int x = (int) Math.floor(x0); x < Math.min(w, Math.ceil(x1)); x++) {
                    double wx = Math.min(x + 1, x1) - Math.max(x, x0);
                    sum += s[y * w + x] * wx * wy;
                    weight += wx * wy;
                }
            }
            return weight > 0 ? Math.min(1.0, sum / weight) : 0;
        }

        private static float median(float[] values, int n) {
            if (n <= 0) {
                return 1f;
            }
            float[] copy = Arrays.copyOf(values, n);
            Arrays.sort(copy);
            return copy[n / 2];
        }
    }
}
