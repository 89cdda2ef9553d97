package dev.worldmind.data.idx;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, plain or gzipped, checking everything the format promises: the magic number (two
 * zero bytes, the type code, the number of dimensions), positive dimensions, and exactly as many
 * data bytes as the dimensions need. Only unsigned-byte data (type {@code 0x08}) is supported,
 * which covers MNIST and Fashion-MNIST.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int MAX_DIMENSIONS = 4;

    private IdxReader() {}

    /**
     * Reads a whole IDX file; gzip is recognised by its magic bytes, whatever the file is named.
     *
     * @param file the file
     * @return its content
     * @throws InvalidDataException if the file is not a valid IDX file, naming what is wrong
     * @throws NotFoundException if the file does not exist
     */
    public static IdxArray read(Path file) {
        byte[] raw;
        try {
            raw = readAll(file);
        } catch (NoSuchFileException e) {
            throw new NotFoundException("IDX file not found: " + file);
        } catch (ZipException | java.io.EOFException e) {
            throw new InvalidDataException(
                    file + " is a damaged gzip file (" + e.getMessage() + "); fetch it again", e);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + file + ": " + e, e);
        }
        return parse(raw, file.toString());
    }

    /**
     * Parses the bytes of an (uncompressed) IDX file.
     *
     * @param raw the file's bytes
     * @param source a name for error messages
     * @return its content
     */
    public static IdxArray parse(byte[] raw, String source) {
        if (raw.length < 4) {
            throw new InvalidDataException(
                    source + " is not an IDX file: only " + raw.length + " bytes, no header");
        }
        if (raw[0] != 0 || raw[1] != 0) {
            throw new InvalidDataException(
                    String.format(
                            "%s is not an IDX file: bad magic number 0x%02x%02x%02x%02x "
                                    + "(must start with two zero bytes)",
                            source, raw[0], raw[1], raw[2], raw[3]));
        }
        int type = raw[2] & 0xff;
        if (type != UNSIGNED_BYTE) {
            throw new InvalidDataException(
                    String.format(
                            "%s has IDX data type 0x%02x; only unsigned bytes (0x08) are supported",
                            source, type));
        }
        int rank = raw[3] & 0xff;
        if (rank < 1 || rank > MAX_DIMENSIONS) {
            throw new InvalidDataException(
                    source + " claims " + rank + " dimensions; expected 1 to " + MAX_DIMENSIONS);
        }
        int headerSize = 4 + 4 * rank;
        if (raw.length < headerSize) {
            throw new InvalidDataException(
                    source
                            + " is truncated: the header needs "
                            + headerSize
                            + " bytes, file has "
                            + raw.length);
        }
        ByteBuffer header = ByteBuffer.wrap(raw, 4, 4 * rank);
        int[] dims = new int[rank];
        long expected = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = header.getInt();
            if (dims[i] <= 0) {
                throw new InvalidDataException(
                        source + " has a non-positive size " + dims[i] + " in dimension " + i);
            }
            expected *= dims[i];
        }
        long actual = raw.length - (long) headerSize;
        if (actual < expected) {
            throw new InvalidDataException(
                    String.format(
                            "%s is truncated: its header promises %d data bytes but only %d are"
                                    + " present; fetch it again",
                            source, expected, actual));
        }
        if (actual > expected) {
            throw new InvalidDataException(
                    String.format(
                            "%s has %d unexpected bytes after its %d data bytes; it is corrupt or"
                                    + " not an IDX file",
                            source, actual - expected, expected));
        }
        byte[] data = new byte[(int) expected];
        System.arraycopy(raw, headerSize, data, 0, data.length);
        return new IdxArray(dims, data);
    }

    /**
     * Writes an IDX file of unsigned bytes (used for test fixtures and exports).
     *
     * @param array the content
     * @return the file's bytes
     */
    public static byte[] encode(IdxArray array) {
        int[] dims = array.dimensions();
        ByteBuffer out = ByteBuffer.allocate(4 + 4 * dims.length + array.data().length);
        out.put((byte) 0).put((byte) 0).put((byte) UNSIGNED_BYTE).put((byte) dims.length);
        for (int d : dims) {
            out.putInt(d);
        }
        out.put(array.data());
        return out.array();
    }

    private static byte[] readAll(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            try (InputStream data = gzip ? new GZIPInputStream(in, 1 << 16) : in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
                data.transferTo(out);
                return out.toByteArray();
            }
        }
    }
}
