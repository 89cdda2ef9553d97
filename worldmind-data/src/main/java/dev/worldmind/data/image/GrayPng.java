package dev.worldmind.data.image;

import dev.worldmind.core.WorldmindException;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Writes grayscale pixel values in [0, 1] as PNG images, enlarged by whole pixels. */
public final class GrayPng {
    private GrayPng() {}

    /**
     * Encodes an image as PNG, each pixel drawn as a {@code scale x scale} square.
     *
     * @param pixels {@code height * width} values in [0, 1], row-major (clamped)
     * @param height rows
     * @param width columns
     * @param scale enlargement, at least 1
     * @return the PNG bytes
     */
    public static byte[] encode(float[] pixels, int height, int width, int scale) {
        if (scale < 1 || pixels.length != height * width) {
            throw new IllegalArgumentException(
                    "need " + height * width + " pixels and scale >= 1, got " + pixels.length);
        }
        BufferedImage img =
                new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = img.getRaster();
        for (int y = 0; y < height * scale; y++) {
            for (int x = 0; x < width * scale; x++) {
                float v = pixels[(y / scale) * width + x / scale];
                int g = Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
                raster.setSample(x, y, 0, g);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new WorldmindException("cannot encode PNG: " + e, e);
        }
        return out.toByteArray();
    }

    /**
     * Encodes an image as a {@code data:image/png;base64,…} URL, for JSON responses.
     *
     * @param pixels {@code height * width} values in [0, 1], row-major
     * @param height rows
     * @param width columns
     * @param scale enlargement, at least 1
     * @return the data URL
     */
    public static String dataUrl(float[] pixels, int height, int width, int scale) {
        return "data:image/png;base64,"
                + Base64.getEncoder().encodeToString(encode(pixels, height, width, scale));
    }
}
