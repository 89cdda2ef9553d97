package dev.worldmind.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the WebSocket protocol parser with arbitrary text frames: each is a valid message of a
 * known type or is refused with a {@link ProtocolException}; anything else (a Jackson exception, an
 * {@code IllegalArgumentException}, an error, a hang) is a finding, since it would reach the
 * socket's error handler instead of the client. Inputs: {@code InboundFuzzTestInputs}.
 */
class InboundFuzzTest {

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({
        "{\"v\":1,\"type\":\"",
        "\"v\":1",
        "\"type\":",
        "\"join\"",
        "\"leave\"",
        "\"move\"",
        "\"chat\"",
        "\"act\"",
        "\"moderate\"",
        "\"talk\"",
        "\"tour\"",
        "\"try_on\"",
        "\"take_off\"",
        "\"ping\"",
        "\"emote\"",
        "\"wave\"",
        "\"space\":",
        "\"via\":",
        "\"x\":",
        "\"z\":",
        "\"ry\":",
        "\"seq\":",
        "\"text\":",
        "\"action\":",
        "\"item\":",
        "\"target\":",
        "\"seconds\":",
        "\"reason\":",
        "\"character\":",
        "\"garment\":",
        "\"kind\":",
        "\"id\":",
        "\"t\":",
        "9e18",
        "1e400",
        "-0",
        "null",
        "\\u0000",
        "\\ud800"
    })
    void parsesOrRefusesClearly(byte[] frame) {
        String text = new String(frame, StandardCharsets.UTF_8);
        ProtocolSchema.Message message;
        try {
            message = ProtocolSchema.get().parse(text);
        } catch (ProtocolException refused) {
            assertThat(refused.code()).isNotBlank();
            return;
        }
        assertThat(ProtocolSchema.get().clientToServer()).containsKey(message.type());
    }
}
