package dev.worldmind.data.image;

/**
 * What a picture's header says, read without decoding its pixels.
 *
 * @param format ImageIO's lower-case format name, e.g. {@code png}
 * @param width the first frame's width in pixels
 * @param height the first frame's height in pixels
 * @param frames how many frames the file holds (1 except for animations)
 * @param decodedBytes the size of the pixel buffer decoding the first frame allocates
 */
public record ImageHeader(String format, int width, int height, int frames, long decodedBytes) {
    /** Width times height. */
    public long pixels() {
        return (long) width * height;
    }
}
