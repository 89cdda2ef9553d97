package dev.worldmind.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkInteractionsTest {
    @TempDir Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void tellsTheFormatFromTheFirstLine() throws Exception {
        assertThat(
                        SparkInteractions.format(
                                file("a.csv", SparkInteractions.EVENT_CSV_HEADER + "\n")))
                .isEqualTo(SparkInteractions.Format.EVENTS_CSV);
        assertThat(SparkInteractions.format(file("b.csv", "user,item,weight,timestamp\nu,i,1,\n")))
                .isEqualTo(SparkInteractions.Format.INTERACTIONS_CSV);
        assertThat(SparkInteractions.format(file("c.jsonl", "\n{\"id\":1}\n")))
                .isEqualTo(SparkInteractions.Format.EVENTS_JSONL);
    }

    @Test
    void anEmptyFileIsInvalidData() throws Exception {
        Path empty = file("empty.csv", "");
        assertThatThrownBy(() -> SparkInteractions.format(empty))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("is empty");
        Path blank = file("blank.jsonl", "\n  \n");
        assertThatThrownBy(() -> SparkInteractions.format(blank))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void anUnknownHeaderIsInvalidData() throws Exception {
        Path other = file("other.csv", "a,b,c\n1,2,3\n");
        assertThatThrownBy(() -> SparkInteractions.format(other))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("user,item,weight,timestamp");
        assertThatThrownBy(() -> SparkInteractions.format(dir.resolve("missing.csv")))
                .isInstanceOf(InvalidDataException.class);
    }
}
