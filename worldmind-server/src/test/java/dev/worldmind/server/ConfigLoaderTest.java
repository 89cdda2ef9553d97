package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.server.config.ConfigLoader;
import dev.worldmind.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir Path dir;

    @Test
    void environmentOverridesFileOverridesDefaults() throws Exception {
        Path file = dir.resolve("worldmind.properties");
        Files.writeString(
                file,
                "server.port=9000\nsession.idle=PT5M\nserver.allowed-origins=https://world.example\n");
        ServerConfig c = ConfigLoader.load(file, Map.of("WORLDMIND_PORT", "9100"));
        assertThat(c.port()).isEqualTo(9100);
        assertThat(c.sessionIdle()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.allowedOrigins()).isEqualTo(List.of("https://world.example"));
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(ConfigLoader.load(dir.resolve("missing"), Map.of()))
                .isEqualTo(ServerConfig.defaults());
    }

    @Test
    void badValuesSayWhatIsWrong() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("WORLDMIND_PORT", "eighty")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("WORLDMIND_PORT");
        assertThatThrownBy(
                        () -> ConfigLoader.load(null, Map.of("WORLDMIND_ALLOWED_ORIGINS", "evil")))
                .hasMessageContaining("allowed origin");
    }
}
