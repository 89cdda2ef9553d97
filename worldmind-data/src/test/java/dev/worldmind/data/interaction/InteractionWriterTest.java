package dev.worldmind.data.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionWriterTest {
    @TempDir Path dir;

    @Test
    void writesTheHeaderQuotedIdsExactWeightsAndUnambiguousTimes() throws IOException {
        StringWriter out = new StringWriter();
        InteractionWriter.write(
                out,
                List.of(
                        new Interaction("ada", "book, \"two\"", 4, 1_700_000_000_123L),
                        new Interaction(" bob", "lamp", 0.1, 0),
                        new Interaction("cy", "lamp", 2.5, 86_400_005L),
                        new Interaction("dan", "lamp", 3, -1000)));

        assertThat(out.toString())
                .isEqualTo(
                        "user,item,weight,timestamp\n"
                                + "ada,\"book, \"\"two\"\"\",4,1700000000123\n"
                                + "\" bob\",lamp,0.1,\n"
                                + "cy,lamp,2.5,1970-01-02T00:00:00.005Z\n"
                                + "dan,lamp,3,1969-12-31T23:59:59Z\n");
    }

    @Test
    void roundTripsThroughTheReader() {
        List<Interaction> data =
                List.of(
                        new Interaction("ada", "book, \"two\"", 4, 1_700_000_000_123L),
                        new Interaction(" bob ", "lamp", 1.0 / 3, 0),
                        new Interaction("cy", "x", 1e-7, 5),
                        new Interaction("dé", "ü", 7, -86_400_000L));
        Path file = dir.resolve("round.csv");
        InteractionWriter.write(file, data);

        InteractionReader.Result back = InteractionReader.defaults().read(file);

        assertThat(back.format()).isEqualTo(InteractionFormat.CSV);
        assertThat(back.interactions()).isEqualTo(data);
    }

    @Test
    void roundTripsTheSyntheticDataset() {
        List<Interaction> data =
                SyntheticInteractions.generate(SyntheticInteractions.Config.small()).interactions();
        Path file = dir.resolve("synthetic.csv");
        InteractionWriter.write(file, data);

        assertThat(InteractionReader.defaults().read(file).interactions()).isEqualTo(data);
    }

    @Test
    void refusesIdsWithLineBreaks() {
        assertThatThrownBy(
                        () ->
                                InteractionWriter.write(
                                        dir.resolve("x.csv"),
                                        List.of(new Interaction("a\nb", "x", 1, 0))))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("line break");
    }

    @Test
    void writesGzipWhenAsked() throws IOException {
        Path file = dir.resolve("x.csv.gz");
        InteractionWriter.write(file, List.of(new Interaction("a", "x", 1, 0)));

        byte[] head = Files.readAllBytes(file);
        assertThat(head[0] & 0xff).isEqualTo(0x1f);
        assertThat(head[1] & 0xff).isEqualTo(0x8b);
    }
}
