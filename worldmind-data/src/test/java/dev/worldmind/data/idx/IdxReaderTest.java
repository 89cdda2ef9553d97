package dev.worldmind.data.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir Path dir;

    private static IdxArray sample() {
        byte[] data = new byte[3 * 2 * 2];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 20);
        }
        return new IdxArray(new int[] {3, 2, 2}, data);
    }

    @Test
    void readsPlainAndGzippedFilesAlike() throws IOException {
        IdxArray expected = sample();
        Path plain = dir.resolve("images-idx3-ubyte");
        Files.write(plain, IdxReader.encode(expected));
        Path gz = dir.resolve("images-idx3-ubyte.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(IdxReader.encode(expected));
        }

        assertThat(IdxReader.read(plain)).isEqualTo(expected);
        assertThat(IdxReader.read(gz)).isEqualTo(expected);
        assertThat(IdxReader.read(plain).dimensions()).containsExactly(3, 2, 2);
        assertThat(IdxReader.read(plain).itemSize()).isEqualTo(4);
    }

    @Test
    void rejectsAWrongMagicNumber() throws IOException {
        byte[] raw = IdxReader.encode(sample());
        raw[0] = 0x12;
        Path file = dir.resolve("bad-magic");
        Files.write(file, raw);

        assertThatThrownBy(() -> IdxReader.read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("bad magic number")
                .hasMessageContaining(file.toString());
    }

    @Test
    void rejectsAnUnsupportedDataType() throws IOException {
        byte[] raw = IdxReader.encode(sample());
        raw[2] = 0x0D; // float
        Path file = dir.resolve("floats");
        Files.write(file, raw);

        assertThatThrownBy(() -> IdxReader.read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("data type 0x0d");
    }

    @Test
    void rejectsATruncatedFile() throws IOException {
        byte[] raw = IdxReader.encode(sample());
        Path file = dir.resolve("truncated");
        Files.write(file, Arrays.copyOf(raw, raw.length - 5));

        assertThatThrownBy(() -> IdxReader.read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("truncated")
                .hasMessageContaining("12 data bytes but only 7");
    }

    @Test
    void rejectsAFileCutInsideItsHeader() throws IOException {
        Path file = dir.resolve("header-only");
        Files.write(file, Arrays.copyOf(IdxReader.encode(sample()), 9));

        assertThatThrownBy(() -> IdxReader.read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("truncated: the header needs 16 bytes");
    }

    @Test
    void rejectsTrailingBytes() throws IOException {
        byte[] raw = IdxReader.encode(sample());
        Path file = dir.resolve("long");
        Files.write(file, Arrays.copyOf(raw, raw.length + 3));

        assertThatThrownBy(() -> IdxReader.read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("3 unexpected bytes");
    }

    @Test
    void rejectsADamagedGzipFile() throws IOException {
        Path gz = dir.resolve("damaged.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(IdxReader.encode(sample()));
        }
        byte[] raw = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(raw, raw.length / 2));

        assertThatThrownBy(() -> IdxReader.read(gz))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("damaged gzip");
    }

    @Test
    void reportsAMissingFile() {
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("nope")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("not found");
    }
}
