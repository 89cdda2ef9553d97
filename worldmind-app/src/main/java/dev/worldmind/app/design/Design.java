package dev.worldmind.app.design;

/**
 * One generated image on a display.
 *
 * @param id regenerates it exactly: {@code <generator ref>/<batch>/<index>}, e.g. {@code
 *     fashion-gan:1/0/3}
 * @param title what the display's card says
 * @param category the class the classifier sees in it
 * @param confidence the classifier's probability of that class
 * @param requested the class the generator was asked for, or null if it was not conditioned
 * @param generator the generator's {@code name:version}
 * @param height rows
 * @param width columns
 * @param pixels {@code height * width} values in [0, 1], bright = ink, row-major
 */
public record Design(
        String id,
        String title,
        String category,
        float confidence,
        String requested,
        String generator,
        int height,
        int width,
        float[] pixels) {}
