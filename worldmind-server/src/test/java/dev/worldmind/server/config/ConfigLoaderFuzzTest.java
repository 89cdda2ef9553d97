package dev.worldmind.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the configuration loader with a properties file and environment variables: a configuration
 * either loads or is refused with an {@link InvalidDataException} naming the key; anything else (a
 * {@code NumberFormatException}, an {@code IllegalArgumentException} from a section's record, an
 * error) is a finding. Inputs: {@code ConfigLoaderFuzzTestInputs}.
 */
class ConfigLoaderFuzzTest {
    private static final List<String> ENV =
            List.of(
                    "WORLDMIND_ALLOWED_ORIGINS",
                    "WORLDMIND_CHARACTERS_DIR",
                    "WORLDMIND_DATABASE_URL",
                    "WORLDMIND_DIALOGUE_BASE_URL",
                    "WORLDMIND_DIALOGUE_FIRST_TOKEN_TIMEOUT",
                    "WORLDMIND_DIALOGUE_MAX_TOKENS",
                    "WORLDMIND_DIALOGUE_MEMORY_TURNS",
                    "WORLDMIND_DIALOGUE_MODEL",
                    "WORLDMIND_DIALOGUE_PROVIDER",
                    "WORLDMIND_DIALOGUE_RETRIEVAL_K",
                    "WORLDMIND_DIALOGUE_TEMPERATURE",
                    "WORLDMIND_DIALOGUE_TOTAL_TIMEOUT",
                    "WORLDMIND_HOST",
                    "WORLDMIND_JOBS_THREADS_BUSY",
                    "WORLDMIND_JOBS_THREADS_IDLE",
                    "WORLDMIND_PORT",
                    "WORLDMIND_RECOMMEND_ENABLED",
                    "WORLDMIND_SECURE_COOKIES",
                    "WORLDMIND_SERVING_MAX_BATCH",
                    "WORLDMIND_SERVING_MAX_DELAY_MS",
                    "WORLDMIND_SERVING_MAX_REQUEST_BYTES",
                    "WORLDMIND_SERVING_PREDICT_ROLE",
                    "WORLDMIND_SERVING_QUEUE",
                    "WORLDMIND_SERVING_REFRESH",
                    "WORLDMIND_SERVING_TIMEOUT",
                    "WORLDMIND_SERVING_WORKERS",
                    "WORLDMIND_SESSION_ABSOLUTE",
                    "WORLDMIND_SESSION_IDLE",
                    "WORLDMIND_TICK_HZ",
                    "WORLDMIND_TOUR_ENABLED",
                    "WORLDMIND_TOUR_SPEED");

    private static final Path DIR = tempDir();

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("config-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({
        "server.host=",
        "server.port=",
        "server.allowed-origins=",
        "server.tick-hz=",
        "server.secure-cookies=",
        "database.url=",
        "session.idle=",
        "session.absolute=",
        "recommend.enabled=",
        "tour.enabled=",
        "tour.speed=",
        "jobs.threads-idle=",
        "jobs.threads-busy=",
        "serving.max-batch=",
        "serving.max-delay-ms=",
        "serving.workers=",
        "serving.queue=",
        "serving.timeout=",
        "serving.predict-role=",
        "serving.max-request-bytes=",
        "serving.refresh=",
        "dialogue.provider=",
        "dialogue.base-url=",
        "dialogue.model=",
        "dialogue.temperature=",
        "dialogue.max-tokens=",
        "dialogue.first-token-timeout=",
        "dialogue.total-timeout=",
        "dialogue.memory-turns=",
        "dialogue.retrieval-k=",
        "characters.dir=",
        "PT30M",
        "PT0S",
        "-PT1S",
        "P1D",
        "\\u",
        "true",
        "false",
        "openai",
        "ollama",
        "none",
        "admin",
        "creator",
        "2147483648",
        "-1",
        "NaN",
        "1e308"
    })
    void loadsOrRefusesClearly(FuzzedDataProvider data) throws IOException {
        Map<String, String> env = new HashMap<>();
        int vars = data.consumeInt(0, 4);
        for (int i = 0; i < vars; i++) {
            env.put(data.pickValue(ENV), data.consumeString(40));
        }
        Path file = DIR.resolve("worldmind.properties");
        Files.write(file, data.consumeRemainingAsBytes());
        try {
            ServerConfig config = ConfigLoader.load(file, env);
            assertThat(config.port()).isBetween(0, 65535);
        } catch (InvalidDataException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
        try {
            JobsConfig jobs = ConfigLoader.jobs(file, env, new WorldmindHome(DIR));
            assertThat(jobs.threadsIdle()).isPositive();
        } catch (InvalidDataException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
