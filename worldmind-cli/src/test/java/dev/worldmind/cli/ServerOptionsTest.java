package dev.worldmind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.WorldmindHome;
import dev.worldmind.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerOptionsTest {
    @TempDir Path dir;

    @Test
    void keepsEverySectionOfTheConfigurationFile() throws Exception {
        Path file = dir.resolve("worldmind.properties");
        Files.writeString(
                file,
                "accounts.registrations-per-address=3\n"
                        + "tour.enabled=false\n"
                        + "recommend.enabled=false\n");
        ServerOptions options = new ServerOptions();
        options.config = file;
        options.port = 0;
        ServerConfig config = options.serverConfig(new WorldmindHome(dir));
        assertThat(config.port()).isZero();
        assertThat(config.accounts().registrationsPerAddress()).isEqualTo(3);
        assertThat(config.tour().enabled()).isFalse();
        assertThat(config.recommend().enabled()).isFalse();
    }
}
