package dev.worldmind.app.generate;

import dev.worldmind.core.WorldmindException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws 28 x 28 gray images as a PNG grid, two pixels per pixel with a gap. Stateless. */
public final class SampleGrid {
    private static final int SCALE = 2;
    private static final int GAP = 2;

    private SampleGrid() {}

    /**
     * Writes images row by row into a grid.
     *
     * @param images01 the images, [0, 1] values back to back
     * @param count how many
     * @param columns images per row
     * @param file the PNG file
     * @return the file
     */
    public static Path write(float[] images01, int count, int columns, Path file) {
        int side = 28;
        int rows = (count + columns - 1) / columns;
        int cell = side * SCALE + GAP;
        BufferedImage img =
                new BufferedImage(
                        columns * cell + GAP, rows * cell + GAP, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < count; i++) {
            int x0 = GAP + (i % columns) * cell;
            int y0 = GAP + (i / columns) * cell;
            for (int y = 0; y < side * SCALE; y++) {
                for (int x = 0; x < side * SCALE; x++) {
                    float v = images01[i * side * side + (y / SCALE) * side + x / SCALE];
                    int g = Math.round(Math.max(0, Math.min(1, v)) * 255);
                    img.getRaster().setSample(x0 + x, y0 + y, 0, g);
                }
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new WorldmindException("cannot write " + file + ": " + e, e);
        }
        return file;
    }
}
