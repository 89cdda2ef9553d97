package dev.worldmind.data.image;

import java.util.List;
import java.util.Locale;

/**
 * What an uploaded picture may be, checked from its header before a pixel is decoded.
 *
 * @param formats the allowed formats, by ImageIO's lower-case format name ({@code png}, {@code
 *     jpeg}, {@code gif}, {@code bmp}), in the order messages name them
 * @param maxBytes the largest file, in bytes
 * @param maxSide the largest width or height of the decoded frame, in pixels
 * @param maxPixels the largest width times height of the decoded frame
 * @param maxDecodedBytes the largest pixel buffer the decoder may allocate, from the header's
 *     sample sizes (a 16-bit RGBA PNG needs 8 bytes a pixel)
 * @param maxFrames the most frames (an animated GIF's); only the first is ever decoded
 */
public record ImageLimits(
        List<String> formats,
        int maxBytes,
        int maxSide,
        long maxPixels,
        long maxDecodedBytes,
        int maxFrames) {
    /**
     * Pictures for the models: 4 MiB, at most 4096 x 4096 pixels and 64 MiB of pixel buffer, at
     * most 8 frames.
     */
    public static final ImageLimits DEFAULT =
            new ImageLimits(
                    List.of("png", "jpeg", "gif", "bmp"),
                    4 << 20,
                    4096,
                    4096L * 4096,
                    64L << 20,
                    8);

    public ImageLimits {
        formats = formats.stream().map(f -> f.toLowerCase(Locale.ROOT)).distinct().toList();
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("at least one image format must be allowed");
        }
        if (maxBytes < 1 || maxSide < 1 || maxPixels < 1 || maxDecodedBytes < 1 || maxFrames < 1) {
            throw new IllegalArgumentException("image limits must be positive: " + this);
        }
    }

    /**
     * Returns these limits with another largest file size.
     *
     * @param bytes the largest file, in bytes
     */
    public ImageLimits withMaxBytes(int bytes) {
        return new ImageLimits(formats, bytes, maxSide, maxPixels, maxDecodedBytes, maxFrames);
    }

    /**
     * Returns these limits with another largest width and height (the pixel count follows).
     *
     * @param side the largest width or height, in pixels
     */
    public ImageLimits withMaxSide(int side) {
        return new ImageLimits(
                formats,
                maxBytes,
                side,
                Math.min(maxPixels, (long) side * side),
                maxDecodedBytes,
                maxFrames);
    }

    /**
     * Returns these limits with other allowed formats.
     *
     * @param allowed ImageIO format names, in the order messages name them
     */
    public ImageLimits withFormats(List<String> allowed) {
        return new ImageLimits(allowed, maxBytes, maxSide, maxPixels, maxDecodedBytes, maxFrames);
    }

    /** The allowed formats for a message, e.g. {@code "PNG, JPEG or GIF"}. */
    String describeFormats() {
        String[] names =
                formats.stream().map(f -> f.toUpperCase(Locale.ROOT)).toArray(String[]::new);
        if (names.length == 1) {
            return names[0];
        }
        return String.join(", ", java.util.Arrays.copyOf(names, names.length - 1))
                + " or "
                + names[names.length - 1];
    }
}
