package dev.worldmind.data.idx;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.worldmind.core.InvalidDataException;

/**
 * Fuzzes the IDX parser (MNIST files): every input either parses into an array that encodes back to
 * the same bytes or is refused with an {@link InvalidDataException}; anything else (an unchecked
 * exception, an error, a hang) is a finding. Inputs: {@code IdxReaderFuzzTestInputs}.
 */
class IdxReaderFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void parsesOrRefusesClearly(byte[] raw) {
        IdxArray parsed;
        try {
            parsed = IdxReader.parse(raw, "fuzz.idx");
        } catch (InvalidDataException refused) {
            assertThat(refused.getMessage()).startsWith("fuzz.idx");
            return;
        }
        assertThat(IdxReader.encode(parsed)).isEqualTo(raw);
    }
}
