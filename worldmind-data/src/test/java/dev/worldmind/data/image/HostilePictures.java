package dev.worldmind.data.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * (A copy of worldmind-testing's, which this module cannot depend on.) Pictures an attacker would
 * upload, built byte by byte: a PNG whose header claims more pixels than it holds, a decompression
 * bomb, an animation of many frames. Stateless.
 */
final class HostilePictures {
    private HostilePictures() {}

    /**
     * A tiny PNG (68 bytes) whose header claims {@code w x h} 8-bit grey pixels; its one data chunk
     * holds almost nothing, so only a decoder that trusts the header allocates the claimed buffer.
     *
     * @param w the claimed width
     * @param h the claimed height
     */
    public static byte[] pngClaiming(int w, int h) {
        return png(w, h, 0, deflate(new byte[] {0, 0, 0, 0, 0, 0, 0, 0}));
    }

    /**
     * A valid RGBA PNG of {@code w x h} black pixels: all zeros compress about a thousandfold, so
     * 8000 x 8000 is a 249 KB file that decodes to 256 MB.
     *
     * @param w the width
     * @param h the height
     */
    public static byte[] pngBomb(int w, int h) {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            byte[] row = new byte[1 + 4 * w]; // filter byte 0, then zero pixels
            for (int y = 0; y < h; y++) {
                z.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return png(w, h, 6, idat.toByteArray());
    }

    /**
     * An animated GIF of {@code frames} 4 x 4 frames.
     *
     * @param frames how many frames
     */
    public static byte[] animatedGif(int frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                BufferedImage frame = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_INDEXED);
                frame.getRaster().setSample(i % 4, (i / 4) % 4, 0, 1);
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] png(int w, int h, int colourType, byte[] idat) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(out)) {
            d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream i = new DataOutputStream(ihdr);
            i.writeInt(w);
            i.writeInt(h);
            i.write(new byte[] {8, (byte) colourType, 0, 0, 0}); // 8 bits, no interlace
            chunk(d, "IHDR", ihdr.toByteArray());
            chunk(d, "IDAT", idat);
            chunk(d, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream d, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(name);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
