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
    void jobThreadsComeFromTheFileAndTheEnvironment() throws Exception {
        dev.worldmind.core.WorldmindHome home = new dev.worldmind.core.WorldmindHome(dir);
        Path file = dir.resolve("worldmind.properties");
        Files.writeString(file, "jobs.threads-idle=3\njobs.threads-busy=2\n");
        var jobs = ConfigLoader.jobs(file, Map.of("WORLDMIND_JOBS_THREADS_BUSY", "1"), home);
        assertThat(jobs.threadsIdle()).isEqualTo(3);
        assertThat(jobs.threadsBusy()).isEqualTo(1);
        assertThat(ConfigLoader.jobs(null, Map.of(), home).threadsIdle())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThatThrownBy(
                        () ->
                                ConfigLoader.jobs(
                                        null, Map.of("WORLDMIND_JOBS_THREADS_IDLE", "0"), home))
                .isInstanceOf(InvalidDataException.class);
    }

    @Test
    void managementPortIsOffUnlessSetInTheFileOrEnvironment() throws Exception {
        ServerConfig d = ConfigLoader.load(null, Map.of());
        assertThat(d.management().port()).isEmpty();
        assertThat(d.management().host()).isEqualTo("127.0.0.1");
        Path file = dir.resolve("worldmind.properties");
        Files.writeString(file, "management.port=9300\nmanagement.host=10.0.0.5\n");
        ServerConfig fromFile = ConfigLoader.load(file, Map.of());
        assertThat(fromFile.management().port()).hasValue(9300);
        assertThat(fromFile.management().host()).isEqualTo("10.0.0.5");
        ServerConfig fromEnv =
                ConfigLoader.load(
                        file,
                        Map.of(
                                "WORLDMIND_MANAGEMENT_PORT", "9301",
                                "WORLDMIND_MANAGEMENT_HOST", "127.0.0.1"));
        assertThat(fromEnv.management().port()).hasValue(9301);
        assertThat(fromEnv.management().host()).isEqualTo("127.0.0.1");
        assertThat(
                        ConfigLoader.load(file, Map.of("WORLDMIND_MANAGEMENT_PORT", "off"))
                                .management()
                                .port())
                .isEmpty();
        assertThatThrownBy(
                        () -> ConfigLoader.load(null, Map.of("WORLDMIND_MANAGEMENT_PORT", "abc")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("WORLDMIND_MANAGEMENT_PORT");
        assertThatThrownBy(
                        () -> ConfigLoader.load(null, Map.of("WORLDMIND_MANAGEMENT_PORT", "70000")))
                .isInstanceOf(InvalidDataException.class);
    }

    @Test
    void recommendationsAreOnUnlessSwitchedOff() {
        assertThat(ConfigLoader.load(null, Map.of()).recommend().enabled()).isTrue();
        assertThat(
                        ConfigLoader.load(null, Map.of("WORLDMIND_RECOMMEND_ENABLED", "false"))
                                .recommend()
                                .enabled())
                .isFalse();
        assertThatThrownBy(
                        () ->
                                ConfigLoader.load(
                                        null, Map.of("WORLDMIND_RECOMMEND_ENABLED", "nope")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("WORLDMIND_RECOMMEND_ENABLED");
    }

    @Test
    void toursAreOnAtAWalkingPaceThatCanBeChanged() {
        ServerConfig d = ConfigLoader.load(null, Map.of());
        assertThat(d.tour().enabled()).isTrue();
        assertThat(d.tour().guide().speed()).isEqualTo(1.2);
        ServerConfig fast =
                ConfigLoader.load(
                        null,
                        Map.of("WORLDMIND_TOUR_SPEED", "3", "WORLDMIND_TOUR_ENABLED", "false"));
        assertThat(fast.tour().guide().speed()).isEqualTo(3.0);
        assertThat(fast.tour().enabled()).isFalse();
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("WORLDMIND_TOUR_SPEED", "99")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("WORLDMIND_TOUR_SPEED");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("WORLDMIND_TOUR_SPEED", "fast")))
                .hasMessageContaining("tour.speed must be a number");
    }

    @Test
    void badValuesSayWhatIsWrong() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("WORLDMIND_PORT", "eighty")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("WORLDMIND_PORT");
        assertThatThrownBy(
                        () -> ConfigLoader.load(null, Map.of("WORLDMIND_ALLOWED_ORIGINS", "evil")))
                .hasMessageContaining("allowed origin");
        assertThatThrownBy(
                        () -> ConfigLoader.load(null, Map.of("WORLDMIND_SERVING_MAX_BATCH", "0")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("maxBatchSize must be 1-1024");
        assertThatThrownBy(
                        () ->
                                ConfigLoader.load(
                                        null, Map.of("WORLDMIND_SERVING_PREDICT_ROLE", "emperor")))
                .hasMessageContaining("visitor, creator or admin");
    }

    @Test
    void readsTheServingSettings() {
        ServerConfig c =
                ConfigLoader.load(
                        null,
                        Map.of(
                                "WORLDMIND_SERVING_MAX_BATCH", "64",
                                "WORLDMIND_SERVING_MAX_DELAY_MS", "5",
                                "WORLDMIND_SERVING_WORKERS", "2",
                                "WORLDMIND_SERVING_PREDICT_ROLE", "visitor"));
        assertThat(c.serving().batching().maxBatchSize()).isEqualTo(64);
        assertThat(c.serving().batching().maxQueueDelay().toMillis()).isEqualTo(5);
        assertThat(c.serving().batching().workers()).isEqualTo(2);
        assertThat(c.serving().predictRole()).isEqualTo(dev.worldmind.data.accounts.Role.VISITOR);
        assertThat(c.serving().models()).isEmpty();
    }

    @Test
    void readsTheDialogueSettingsAndKeepsTheKeySecret() {
        ServerConfig c =
                ConfigLoader.load(
                        null,
                        Map.of(
                                "WORLDMIND_DIALOGUE_PROVIDER", "openai",
                                "WORLDMIND_DIALOGUE_BASE_URL", "http://127.0.0.1:8000/v1",
                                "WORLDMIND_DIALOGUE_MODEL", "llama-3.2-3b",
                                "WORLDMIND_DIALOGUE_API_KEY", "sk-secret",
                                "WORLDMIND_DIALOGUE_FIRST_TOKEN_TIMEOUT", "PT3S"));
        var d = c.language().dialogue();
        assertThat(d.usesLlm()).isTrue();
        assertThat(d.effectiveBaseUrl()).isEqualTo("http://127.0.0.1:8000/v1");
        assertThat(d.effectiveModel()).isEqualTo("llama-3.2-3b");
        assertThat(d.apiKey()).isEqualTo("sk-secret");
        assertThat(d.firstTokenTimeout().toSeconds()).isEqualTo(3);
        assertThat(c.toString() + d).doesNotContain("sk-secret");
        assertThat(c.language().enabled()).isFalse();
        assertThatThrownBy(
                        () -> ConfigLoader.load(null, Map.of("WORLDMIND_DIALOGUE_PROVIDER", "gpt")))
                .hasMessageContaining("dialogue");
    }

    @Test
    void trustedProxiesComeFromTheFileOrEnvironmentAndMustBeAddresses() throws Exception {
        Path file = dir.resolve("worldmind.properties");
        Files.writeString(file, "server.trusted-proxies=10.0.0.0/8, ::1\n");
        assertThat(ConfigLoader.load(file, Map.of()).trustedProxies())
                .containsExactly("10.0.0.0/8", "::1");
        assertThat(
                        ConfigLoader.load(file, Map.of("WORLDMIND_TRUSTED_PROXIES", "192.0.2.1"))
                                .trustedProxies())
                .containsExactly("192.0.2.1");
        assertThat(ConfigLoader.load(null, Map.of()).trustedProxies()).isEmpty();
        assertThatThrownBy(
                        () ->
                                ConfigLoader.load(
                                        null, Map.of("WORLDMIND_TRUSTED_PROXIES", "proxy.local")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("server.trusted-proxies");
    }
}
