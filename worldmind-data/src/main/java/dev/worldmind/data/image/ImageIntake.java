package dev.worldmind.data.image;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.stream.ImageInputStream;

/**
 * The one way an uploaded or user-given picture becomes pixels (predict, the shop, the command
 * line). Its header is read first (format, size, frames, the pixel buffer decoding will need) and
 * checked against {@link ImageLimits}; only a picture within them reaches the decoder, and then
 * only through a {@link DecodeGate} slot and within a time budget. A picture that is refused or
 * cannot be read ends in an {@link InvalidDataException} whose message is for the uploader; a full
 * gate ends in a {@link DecoderBusyException}. Nothing else escapes. Immutable and thread-safe.
 */
public final class ImageIntake {
    /** How long one decode may run before it is aborted (a slow-to-decode picture is refused). */
    private static final Duration BUDGET = Duration.ofSeconds(10);

    private final ImageLimits limits;
    private final DecodeGate gate;

    private ImageIntake(ImageLimits limits, DecodeGate gate) {
        this.limits = limits;
        this.gate = gate;
    }

    /**
     * An intake with these limits that decodes through the JVM's shared gate.
     *
     * @param limits what a picture may be
     */
    public static ImageIntake of(ImageLimits limits) {
        return new ImageIntake(limits, DecodeGate.shared());
    }

    /**
     * An intake with its own gate.
     *
     * @param limits what a picture may be
     * @param gate bounds the decodes at once
     */
    public static ImageIntake of(ImageLimits limits, DecodeGate gate) {
        return new ImageIntake(limits, gate);
    }

    /** The limits checked before decoding. */
    public ImageLimits limits() {
        return limits;
    }

    /** The gate decodes pass through. */
    public DecodeGate gate() {
        return gate;
    }

    /**
     * Reads and checks a picture's header without decoding its pixels.
     *
     * @param bytes the file's bytes
     * @param source what to call the picture in messages, e.g. {@code "the upload"}
     * @return the header
     * @throws InvalidDataException when the picture is refused or unreadable
     */
    public ImageHeader inspect(byte[] bytes, String source) {
        return open(bytes, source, (reader, header) -> header);
    }

    /**
     * Checks a picture's header, then decodes its first frame.
     *
     * @param bytes the file's bytes
     * @param source what to call the picture in messages, e.g. {@code "the upload"}
     * @return the first frame
     * @throws InvalidDataException when the picture is refused or unreadable
     * @throws DecoderBusyException when no decoder came free in time
     */
    public BufferedImage decode(byte[] bytes, String source) {
        return open(
                bytes,
                source,
                (reader, header) -> {
                    DecodeGate.Slot slot = gate.enter();
                    try {
                        return read(reader, source);
                    } finally {
                        slot.close();
                    }
                });
    }

    /**
     * Reads a picture file: its size is checked before it is read, its header before decoding.
     *
     * @param file the file
     * @return the first frame
     * @throws NotFoundException if there is no such file
     * @throws InvalidDataException when the picture is refused or unreadable
     */
    public BufferedImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("image not found: " + file);
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw tooManyBytes(file.toString(), size);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return decode(bytes, file.toString());
    }

    private interface Step<T> {
        T apply(ImageReader reader, ImageHeader header) throws IOException;
    }

    private <T> T open(byte[] bytes, String source, Step<T> step) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidDataException(
                    source + " is empty; send a " + limits.describeFormats() + " picture");
        }
        if (bytes.length > limits.maxBytes()) {
            throw tooManyBytes(source, bytes.length);
        }
        try (ImageInputStream in =
                ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(in, source);
            try {
                // Not seek-forward-only: counting frames looks past the first, which is decoded.
                reader.setInput(in, false, true);
                return step.apply(reader, header(reader, source));
            } finally {
                reader.dispose();
            }
        } catch (InvalidDataException | DecoderBusyException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO's decoders report malformed input with IIOException and, for some damage,
            // with unchecked exceptions (index, negative size, illegal argument).
            throw new InvalidDataException(
                    source + " is damaged and cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private ImageReader reader(ImageInputStream in, String source) {
        Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
        String refused = null;
        while (readers != null && readers.hasNext()) {
            ImageReader reader = readers.next();
            String format;
            try {
                format = reader.getFormatName().toLowerCase(Locale.ROOT);
            } catch (IOException e) {
                reader.dispose();
                continue;
            }
            if (limits.formats().contains(format)) {
                return reader;
            }
            refused = refused == null ? format : refused;
            reader.dispose();
        }
        if (refused != null) {
            throw new InvalidDataException(
                    "a " + refused + " picture cannot be used; send a " + limits.describeFormats());
        }
        throw new InvalidDataException(
                source + " is not a picture (not a " + limits.describeFormats() + " image)");
    }

    private ImageHeader header(ImageReader reader, String source) throws IOException {
        String format = reader.getFormatName().toLowerCase(Locale.ROOT);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        int side = limits.maxSide();
        if (w <= 0 || h <= 0 || w > side || h > side) {
            throw new InvalidDataException(
                    "%s is %d x %d pixels; at most %d x %d are accepted"
                            .formatted(source, w, h, side, side));
        }
        long pixels = (long) w * h;
        if (pixels > limits.maxPixels()) {
            throw new InvalidDataException(
                    "%s has %,d pixels (%d x %d); at most %,d are accepted"
                            .formatted(source, pixels, w, h, limits.maxPixels()));
        }
        long decoded = (pixels * bitsPerPixel(reader) + 7) / 8;
        if (decoded > limits.maxDecodedBytes()) {
            throw new InvalidDataException(
                    "%s would take %,d bytes to decode (%d x %d, deep colour); at most %,d are"
                                    .formatted(source, decoded, w, h, limits.maxDecodedBytes())
                            + " accepted: send it with 8 bits per channel or smaller");
        }
        return new ImageHeader(format, w, h, frames(reader, source), decoded);
    }

    /** The bits a pixel of the first frame takes once decoded; 32 when the header does not say. */
    private static int bitsPerPixel(ImageReader reader) throws IOException {
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        if (raw == null) {
            return 32;
        }
        int bits = 0;
        for (int s : raw.getSampleModel().getSampleSize()) {
            bits += s;
        }
        return Math.max(1, bits);
    }

    /** Counts frames, looking no further than one past the limit. */
    private int frames(ImageReader reader, String source) throws IOException {
        int known = reader.getNumImages(false);
        int max = limits.maxFrames();
        if (known < 0) {
            try {
                reader.getWidth(max);
                known = max + 1;
            } catch (IndexOutOfBoundsException fewer) {
                known = reader.getNumImages(true);
            }
        }
        if (known > max) {
            throw new InvalidDataException(
                    "%s has more than %d frames; send a still picture (only the first frame is"
                                    .formatted(source, max)
                            + " used)");
        }
        return Math.max(1, known);
    }

    private static BufferedImage read(ImageReader reader, String source) throws IOException {
        Deadline deadline = new Deadline(System.nanoTime() + BUDGET.toNanos());
        reader.addIIOReadProgressListener(deadline);
        BufferedImage image = reader.read(0, reader.getDefaultReadParam());
        if (deadline.passed) {
            throw new InvalidDataException(
                    source
                            + " took more than "
                            + BUDGET.toSeconds()
                            + " s to decode and was refused; send a simpler picture");
        }
        if (image == null) {
            throw new IIOException("the decoder returned no image");
        }
        return image;
    }

    private InvalidDataException tooManyBytes(String source, long size) {
        return new InvalidDataException(
                "%s has %,d bytes; at most %,d (%s) are accepted"
                        .formatted(source, size, limits.maxBytes(), human(limits.maxBytes())));
    }

    private static String human(long bytes) {
        if (bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        return bytes % 1024 == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }

    /** Aborts a decode that runs past its deadline; decoders report progress every few rows. */
    private static final class Deadline implements IIOReadProgressListener {
        private final long at;
        private volatile boolean passed;

        Deadline(long at) {
            this.at = at;
        }

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            if (!passed && System.nanoTime() > at) {
                passed = true;
                source.abort();
            }
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {}

        @Override
        public void sequenceComplete(ImageReader source) {}

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {}

        @Override
        public void imageComplete(ImageReader source) {}

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {}

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {}

        @Override
        public void thumbnailComplete(ImageReader source) {}

        @Override
        public void readAborted(ImageReader source) {}
    }
}
