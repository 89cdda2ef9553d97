package dev.worldmind.model.explain;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws an explanation over its image: the greyscale image, enlarged, with the heatmap in the jet
 * colour map (blue = little, red = most) blended on top where the heatmap is high, so unimportant
 * areas keep showing the image. Stateless and thread-safe.
 */
public final class ExplanationImages {
    /** The heatmap's opacity at its maximum. */
    private static final float MAX_ALPHA = 0.6f;

    private ExplanationImages() {}

    /**
     * Renders the overlay as an RGB image.
     *
     * @param image01 the explained image, one channel (or the first channel is used), values in [0,
     *     1]
     * @param explanation its explanation
     * @param scale how many output pixels per input pixel, 1-32
     * @return the picture, {@code width*scale} by {@code height*scale}
     */
    public static BufferedImage overlay(float[] image01, Explanation explanation, int scale) {
        int h = explanation.height();
        int w = explanation.width();
        if (scale < 1 || scale > 32) {
            throw new InvalidDataException("scale must be 1-32: " + scale);
        }
        if (image01.length < h * w || explanation.heatmap().length != h * w) {
            throw new InvalidDataException(
                    "the image and heatmap must both be " + h + "x" + w + " values");
        }
        BufferedImage out = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h * scale; y++) {
            for (int x = 0; x < w * scale; x++) {
                // The heatmap is smooth: sample it between pixel centres; the image stays crisp.
                float fy = (y + 0.5f) / scale - 0.5f;
                float fx = (x + 0.5f) / scale - 0.5f;
                float v = bilinear(explanation.heatmap(), h, w, fy, fx);
                float grey = clamp01(image01[(y / scale) * w + x / scale]);
                int jet = jet(v);
                float a = MAX_ALPHA * v;
                int r = blend(grey, (jet >> 16) & 0xff, a);
                int g = blend(grey, (jet >> 8) & 0xff, a);
                int b = blend(grey, jet & 0xff, a);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    /**
     * Renders the overlay as PNG bytes.
     *
     * @param image01 the explained image, values in [0, 1]
     * @param explanation its explanation
     * @param scale how many output pixels per input pixel, 1-32
     * @return the PNG file's bytes
     */
    public static byte[] overlayPng(float[] image01, Explanation explanation, int scale) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(overlay(image01, explanation, scale), "png", bytes);
        } catch (IOException e) {
            throw new WorldmindException("cannot encode the overlay as PNG: " + e, e);
        }
        return bytes.toByteArray();
    }

    /**
     * Maps [0, 1] to the jet colour map: dark blue, blue, cyan, yellow, red, dark red.
     *
     * @param v the value
     * @return the colour as 0xRRGGBB
     */
    static int jet(float v) {
        float t = clamp01(v);
        int r = channel(1.5f - Math.abs(4 * t - 3));
        int g = channel(1.5f - Math.abs(4 * t - 2));
        int b = channel(1.5f - Math.abs(4 * t - 1));
        return (r << 16) | (g << 8) | b;
    }

    private static int channel(float v) {
        return Math.round(clamp01(v) * 255);
    }

    private static int blend(float grey, int colour, float alpha) {
        return Math.round((1 - alpha) * grey * 255 + alpha * colour);
    }

    private static float bilinear(float[] map, int h, int w, float fy, float fx) {
        fy = Math.max(0, Math.min(h - 1, fy));
        fx = Math.max(0, Math.min(w - 1, fx));
        int y0 = (int) fy;
        int x0 = (int) fx;
        int y1 = Math.min(h - 1, y0 + 1);
        int x1 = Math.min(w - 1, x0 + 1);
        float dy = fy - y0;
        float dx = fx - x0;
        float top = map[y0 * w + x0] * (1 - dx) + map[y0 * w + x1] * dx;
        float bottom = map[y1 * w + x0] * (1 - dx) + map[y1 * w + x1] * dx;
        return top * (1 - dy) + bottom * dy;
    }

    private static float clamp01(float v) {
        return Math.max(0f, Math.min(1f, v));
    }
}
