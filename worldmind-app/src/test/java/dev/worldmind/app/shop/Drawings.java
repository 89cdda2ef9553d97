package dev.worldmind.app.shop;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Pictures for the shop's tests, drawn with Java 2D. */
final class Drawings {
    private Drawings() {}

    /**
     * A T-shirt-like shape (body and two sleeves), filled and outlined.
     *
     * @param w the width
     * @param h the height
     * @param background the background, or null for transparent
     * @param fill the garment's colour
     * @return the picture
     */
    static BufferedImage shirt(int w, int h, Color background, Color fill) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (background != null) {
            g.setColor(background);
            g.fillRect(0, 0, w, h);
        }
        // Shoulders at 25 % of the height, sleeves out to the sides, body down to 90 %.
        int[] xs = {
            px(w, 0.35),
            px(w, 0.65),
            px(w, 0.85),
            px(w, 0.95),
            px(w, 0.78),
            px(w, 0.75),
            px(w, 0.25),
            px(w, 0.22),
            px(w, 0.05),
            px(w, 0.15)
        };
        int[] ys = {
            px(h, 0.2),
            px(h, 0.2),
            px(h, 0.25),
            px(h, 0.45),
            px(h, 0.5),
            px(h, 0.9),
            px(h, 0.9),
            px(h, 0.5),
            px(h, 0.45),
            px(h, 0.25)
        };
        Polygon shirt = new Polygon(xs, ys, xs.length);
        g.setColor(fill);
        g.fillPolygon(shirt);
        g.setColor(fill.darker());
        g.setStroke(new BasicStroke(Math.max(1, w / 100f)));
        g.drawPolygon(shirt);
        g.dispose();
        return img;
    }

    /** A blank picture of one colour. */
    static BufferedImage blank(int w, int h, Color colour) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    /** Scales 28x28 values in [0, 1] up to a light-background picture (ink dark on white). */
    static BufferedImage upscaledInverted(float[] pixels, int side) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float v = pixels[(y * 28 / side) * 28 + x * 28 / side];
                int grey = Math.round((1 - v) * 255);
                img.setRGB(x, y, (grey << 16) | (grey << 8) | grey);
            }
        }
        return img;
    }

    static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int px(int size, double f) {
        return (int) Math.round(size * f);
    }
}
