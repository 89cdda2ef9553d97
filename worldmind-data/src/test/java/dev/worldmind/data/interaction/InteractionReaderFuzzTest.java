package dev.worldmind.data.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.worldmind.core.InvalidDataException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

/**
 * Fuzzes the rating and interaction reader with every option: a file either reads into checked
 * interactions or is refused with an {@link InvalidDataException}; anything else is a finding.
 * Inputs: {@code InteractionReaderFuzzTestInputs}.
 */
class InteractionReaderFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void readsOrRefusesClearly(FuzzedDataProvider data) throws IOException {
        InteractionReader.Builder b = InteractionReader.builder();
        int format = data.consumeInt(-1, InteractionFormat.values().length - 1);
        if (format >= 0) {
            b.optFormat(InteractionFormat.values()[format]);
        }
        if (data.consumeBoolean()) {
            b.optMinRating(data.consumeRegularDouble(-10, 10));
        }
        b.optBinarise(data.consumeBoolean()).optLenient(data.consumeBoolean());
        String text = data.consumeRemainingAsString();
        InteractionReader.Result r;
        try {
            r = b.build().read(new BufferedReader(new StringReader(text)), "fuzz.csv");
        } catch (InvalidDataException refused) {
            assertThat(refused.getMessage()).contains("fuzz.csv");
            return;
        }
        assertThat(r.interactions()).isNotEmpty();
        assertThat(r.lines()).isGreaterThanOrEqualTo(r.interactions().size() + r.badLines());
        for (Interaction i : r.interactions()) {
            assertThat(i.weight()).isPositive().isFinite();
            assertThat(i.user()).isNotBlank();
            assertThat(i.item()).isNotBlank();
        }
    }
}
