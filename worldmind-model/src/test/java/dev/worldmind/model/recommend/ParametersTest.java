package dev.worldmind.model.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParametersTest {
    @TempDir Path dir;

    @Test
    void roundTripsEveryKindOfValue() {
        Parameters p =
                Parameters.builder("als")
                        .put("factors", new float[] {1.5f, -2f, Float.MIN_VALUE})
                        .put("ids", new int[] {3, 1, 4})
                        .put("note", "ünïcode ok")
                        .put("lambda", 0.05)
                        .build();
        Path file = dir.resolve("p.wmrp");
        p.write(file);
        Parameters back = Parameters.read(file);
        assertThat(back.algorithm()).isEqualTo("als");
        assertThat(back.names()).containsExactly("factors", "ids", "note", "lambda");
        assertThat(back.floats("factors")).containsExactly(1.5f, -2f, Float.MIN_VALUE);
        assertThat(back.ints("ids")).containsExactly(3, 1, 4);
        assertThat(back.text("note")).isEqualTo("ünïcode ok");
        assertThat(back.number("lambda")).isEqualTo(0.05);
    }

    @Test
    void namesWhatIsMissingOrOfAnotherType() {
        Parameters p = Parameters.builder("ease").put("b", new float[] {1}).build();
        assertThatThrownBy(() -> p.floats("nope"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("no 'nope'");
        assertThatThrownBy(() -> p.ints("b"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("not a int[]");
        assertThatThrownBy(() -> Parameters.builder("x").put("a", 1).put("a", 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesOtherFilesUnknownVersionsAndTruncation() throws Exception {
        Path other = dir.resolve("other");
        Files.writeString(other, "not parameters at all");
        assertThatThrownBy(() -> Parameters.read(other))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("not a recommender parameters file");

        Path future = dir.resolve("future");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(future))) {
            out.writeInt(0x574d5250);
            out.writeInt(99);
        }
        assertThatThrownBy(() -> Parameters.read(future))
                .isInstanceOf(UnsupportedFormatVersionException.class)
                .hasMessageContaining("99");

        Path whole = dir.resolve("whole");
        Parameters.builder("x").put("v", new float[1000]).build().write(whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> Parameters.read(cut))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("cut short");
    }
}
