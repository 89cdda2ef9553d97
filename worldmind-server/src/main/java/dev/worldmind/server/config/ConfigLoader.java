package dev.worldmind.server.config;

import dev.worldmind.app.tour.TourSettings;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.model.language.dialogue.DialogueSettings;
import dev.worldmind.model.language.dialogue.ProviderKind;
import dev.worldmind.model.serve.BatchingOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a {@link ServerConfig} from a properties file and the environment. Later sources win: the
 * defaults, then the file, then the environment variables.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>file key</th><th>environment</th></tr>
 *   <tr><td>server.host</td><td>WORLDMIND_HOST</td></tr>
 *   <tr><td>server.port</td><td>WORLDMIND_PORT</td></tr>
 *   <tr><td>server.allowed-origins</td><td>WORLDMIND_ALLOWED_ORIGINS (comma-separated)</td></tr>
 *   <tr><td>server.trusted-proxies</td><td>WORLDMIND_TRUSTED_PROXIES (comma-separated)</td></tr>
 *   <tr><td>server.tick-hz</td><td>WORLDMIND_TICK_HZ</td></tr>
 *   <tr><td>server.secure-cookies</td><td>WORLDMIND_SECURE_COOKIES</td></tr>
 *   <tr><td>database.url</td><td>WORLDMIND_DATABASE_URL</td></tr>
 *   <tr><td>database.user</td><td>WORLDMIND_DATABASE_USER</td></tr>
 *   <tr><td>database.password</td><td>WORLDMIND_DATABASE_PASSWORD</td></tr>
 *   <tr><td>session.idle</td><td>WORLDMIND_SESSION_IDLE (ISO-8601, e.g. PT30M)</td></tr>
 *   <tr><td>session.absolute</td><td>WORLDMIND_SESSION_ABSOLUTE</td></tr>
 *   <tr><td>accounts.registrations-per-address</td><td>WORLDMIND_REGISTRATIONS_PER_ADDRESS
 *       (accounts one client address may create per window; 0: no limit; default 20)</td></tr>
 *   <tr><td>accounts.registration-window</td><td>WORLDMIND_REGISTRATION_WINDOW (ISO-8601;
 *       default PT1H)</td></tr>
 *   <tr><td>recommend.enabled</td><td>WORLDMIND_RECOMMEND_ENABLED (true or false)</td></tr>
 *   <tr><td>tour.enabled</td><td>WORLDMIND_TOUR_ENABLED (true or false)</td></tr>
 *   <tr><td>tour.speed</td><td>WORLDMIND_TOUR_SPEED (the guide's pace, m/s)</td></tr>
 *   <tr><td>management.port</td><td>WORLDMIND_MANAGEMENT_PORT (where Prometheus scrapes
 *       /metrics; default off, 0 = any free port)</td></tr>
 *   <tr><td>management.host</td><td>WORLDMIND_MANAGEMENT_HOST (default 127.0.0.1)</td></tr>
 *   <tr><td>jobs.threads-idle</td><td>WORLDMIND_JOBS_THREADS_IDLE (engine threads for background
 *       jobs while nobody is in the world; default: the cores)</td></tr>
 *   <tr><td>jobs.threads-busy</td><td>WORLDMIND_JOBS_THREADS_BUSY (while people are; default:
 *       half the cores)</td></tr>
 * </table>
 */
public final class ConfigLoader {
    /** The file read from the Worldmind home when no other is given. */
    public static final String FILE_NAME = "worldmind.properties";

    private ConfigLoader() {}

    /**
     * Loads the configuration.
     *
     * @param file the properties file; a missing file is fine (defaults apply)
     * @param env the environment, usually {@code System.getenv()}
     * @return the merged configuration
     */
    public static ServerConfig load(Path file, Map<String, String> env) {
        Source src = source(file, env);
        ServerConfig d = ServerConfig.defaults();
        return new ServerConfig(
                src.get("server.host", "WORLDMIND_HOST", d.host()),
                src.integer("server.port", "WORLDMIND_PORT", d.port()),
                src.get("database.url", "WORLDMIND_DATABASE_URL", null),
                src.get("database.user", "WORLDMIND_DATABASE_USER", null),
                src.get("database.password", "WORLDMIND_DATABASE_PASSWORD", null),
                src.list("server.allowed-origins", "WORLDMIND_ALLOWED_ORIGINS"),
                src.integer("server.tick-hz", "WORLDMIND_TICK_HZ", d.tickHz()),
                src.duration("session.idle", "WORLDMIND_SESSION_IDLE", d.sessionIdle()),
                src.duration("session.absolute", "WORLDMIND_SESSION_ABSOLUTE", d.sessionAbsolute()),
                Boolean.parseBoolean(
                        src.get("server.secure-cookies", "WORLDMIND_SECURE_COOKIES", "false")),
                serving(src),
                language(src),
                recommend(src),
                tour(src),
                accounts(src),
                management(src),
                src.list("server.trusted-proxies", "WORLDMIND_TRUSTED_PROXIES"));
    }

    private static AccountsConfig accounts(Source src) {
        AccountsConfig d = AccountsConfig.defaults();
        return new AccountsConfig(
                src.integer(
                        "accounts.registrations-per-address",
                        "WORLDMIND_REGISTRATIONS_PER_ADDRESS",
                        d.registrationsPerAddress()),
                src.duration(
                        "accounts.registration-window",
                        "WORLDMIND_REGISTRATION_WINDOW",
                        d.registrationWindow()));
    }

    private static ManagementConfig management(Source src) {
        ManagementConfig d = ManagementConfig.defaults();
        String port = src.get("management.port", "WORLDMIND_MANAGEMENT_PORT", null);
        java.util.OptionalInt on = java.util.OptionalInt.empty();
        if (port != null && !port.equalsIgnoreCase("off")) {
            try {
                on = java.util.OptionalInt.of(Integer.parseInt(port));
            } catch (NumberFormatException e) {
                throw src.bad(
                        "management.port", "WORLDMIND_MANAGEMENT_PORT", port, "a port or off");
            }
        }
        return new ManagementConfig(
                on, src.get("management.host", "WORLDMIND_MANAGEMENT_HOST", d.host()));
    }

    private static TourConfig tour(Source src) {
        String on = src.get("tour.enabled", "WORLDMIND_TOUR_ENABLED", "true");
        if (!on.equalsIgnoreCase("true") && !on.equalsIgnoreCase("false")) {
            throw src.bad("tour.enabled", "WORLDMIND_TOUR_ENABLED", on, "true or false");
        }
        TourSettings d = TourSettings.defaults();
        String speed = src.get("tour.speed", "WORLDMIND_TOUR_SPEED", Double.toString(d.speed()));
        TourSettings guide;
        try {
            guide = new TourSettings(Double.parseDouble(speed), d.dwell(), d.patience(), d.near());
        } catch (NumberFormatException | InvalidDataException e) {
            throw src.bad("tour.speed", "WORLDMIND_TOUR_SPEED", speed, "a speed in (0, 20] m/s");
        }
        return new TourConfig(Boolean.parseBoolean(on), java.util.Optional.empty(), guide);
    }

    private static RecommendConfig recommend(Source src) {
        String on = src.get("recommend.enabled", "WORLDMIND_RECOMMEND_ENABLED", "true");
        if (!on.equalsIgnoreCase("true") && !on.equalsIgnoreCase("false")) {
            throw src.bad("recommend.enabled", "WORLDMIND_RECOMMEND_ENABLED", on, "true or false");
        }
        return new RecommendConfig(Boolean.parseBoolean(on), java.util.Optional.empty());
    }

    private static LanguageConfig language(Source src) {
        String provider = src.get("dialogue.provider", "WORLDMIND_DIALOGUE_PROVIDER", "none");
        DialogueSettings d = DialogueSettings.defaults();
        DialogueSettings dialogue;
        try {
            dialogue =
                    DialogueSettings.builder()
                            .optProvider(ProviderKind.fromValue(provider))
                            .optBaseUrl(
                                    src.get("dialogue.base-url", "WORLDMIND_DIALOGUE_BASE_URL", ""))
                            .optModel(src.get("dialogue.model", "WORLDMIND_DIALOGUE_MODEL", ""))
                            .optApiKey(src.env().getOrDefault(DialogueSettings.API_KEY_ENV, ""))
                            .optTemperature(
                                    Double.parseDouble(
                                            src.get(
                                                    "dialogue.temperature",
                                                    "WORLDMIND_DIALOGUE_TEMPERATURE",
                                                    Double.toString(d.temperature()))))
                            .optMaxTokens(
                                    src.integer(
                                            "dialogue.max-tokens",
                                            "WORLDMIND_DIALOGUE_MAX_TOKENS",
                                            d.maxTokens()))
                            .optFirstTokenTimeout(
                                    src.duration(
                                            "dialogue.first-token-timeout",
                                            "WORLDMIND_DIALOGUE_FIRST_TOKEN_TIMEOUT",
                                            d.firstTokenTimeout()))
                            .optTotalTimeout(
                                    src.duration(
                                            "dialogue.total-timeout",
                                            "WORLDMIND_DIALOGUE_TOTAL_TIMEOUT",
                                            d.totalTimeout()))
                            .optMemoryTurns(
                                    src.integer(
                                            "dialogue.memory-turns",
                                            "WORLDMIND_DIALOGUE_MEMORY_TURNS",
                                            d.memoryTurns()))
                            .optRetrievalK(
                                    src.integer(
                                            "dialogue.retrieval-k",
                                            "WORLDMIND_DIALOGUE_RETRIEVAL_K",
                                            d.retrievalK()))
                            .build();
        } catch (NumberFormatException e) {
            throw new InvalidDataException(
                    "dialogue.temperature is a number: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException("dialogue settings: " + e.getMessage(), e);
        }
        String dir = src.get("characters.dir", "WORLDMIND_CHARACTERS_DIR", null);
        java.util.Optional<Path> characters;
        try {
            characters = java.util.Optional.ofNullable(dir).map(Path::of);
        } catch (InvalidPathException e) { // e.g. a NUL character (found by ConfigLoaderFuzzTest)
            throw src.bad("characters.dir", "WORLDMIND_CHARACTERS_DIR", dir, "a folder's path");
        }
        return new LanguageConfig(java.util.Optional.empty(), characters, dialogue);
    }

    private static ServingConfig serving(Source src) {
        ServingConfig d = ServingConfig.defaults();
        BatchingOptions b = d.batching();
        BatchingOptions batching;
        try {
            batching =
                    new BatchingOptions(
                            src.integer(
                                    "serving.max-batch",
                                    "WORLDMIND_SERVING_MAX_BATCH",
                                    b.maxBatchSize()),
                            Duration.ofMillis(
                                    src.integer(
                                            "serving.max-delay-ms",
                                            "WORLDMIND_SERVING_MAX_DELAY_MS",
                                            (int) b.maxQueueDelay().toMillis())),
                            src.integer(
                                    "serving.workers", "WORLDMIND_SERVING_WORKERS", b.workers()),
                            src.integer(
                                    "serving.queue", "WORLDMIND_SERVING_QUEUE", b.queueCapacity()),
                            src.duration(
                                    "serving.timeout", "WORLDMIND_SERVING_TIMEOUT", b.timeout()));
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException("serving settings: " + e.getMessage(), e);
        }
        String role = src.get("serving.predict-role", "WORLDMIND_SERVING_PREDICT_ROLE", "creator");
        Role predictRole;
        try {
            predictRole = Role.valueOf(role.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw src.bad(
                    "serving.predict-role",
                    "WORLDMIND_SERVING_PREDICT_ROLE",
                    role,
                    "visitor, creator or admin");
        }
        return new ServingConfig(
                d.models(),
                batching,
                predictRole,
                src.integer(
                        "serving.max-request-bytes",
                        "WORLDMIND_SERVING_MAX_REQUEST_BYTES",
                        d.maxRequestBytes()),
                src.duration("serving.refresh", "WORLDMIND_SERVING_REFRESH", d.refresh()));
    }

    /**
     * Loads the background jobs' settings from the same sources.
     *
     * @param file the properties file; a missing file is fine (defaults apply)
     * @param env the environment
     * @param home the Worldmind home the jobs work in
     * @return the settings
     */
    public static JobsConfig jobs(Path file, Map<String, String> env, WorldmindHome home) {
        Source src = source(file, env);
        JobsConfig d = JobsConfig.defaults(home);
        return new JobsConfig(
                home,
                src.integer("jobs.threads-idle", "WORLDMIND_JOBS_THREADS_IDLE", d.threadsIdle()),
                src.integer("jobs.threads-busy", "WORLDMIND_JOBS_THREADS_BUSY", d.threadsBusy()));
    }

    private static Source source(Path file, Map<String, String> env) {
        Properties props = new Properties();
        if (file != null && Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new InvalidDataException("cannot read configuration " + file + ": " + e, e);
            }
        }
        return new Source(props, env, file);
    }

    private record Source(Properties props, Map<String, String> env, Path file) {
        String get(String key, String envName, String fallback) {
            String value = env.get(envName);
            if (value == null || value.isBlank()) {
                value = props.getProperty(key);
            }
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        int integer(String key, String envName, int fallback) {
            String value = get(key, envName, null);
            try {
                return value == null ? fallback : Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw bad(key, envName, value, "a whole number");
            }
        }

        Duration duration(String key, String envName, Duration fallback) {
            String value = get(key, envName, null);
            try {
                return value == null ? fallback : Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw bad(key, envName, value, "an ISO-8601 duration such as PT30M");
            }
        }

        List<String> list(String key, String envName) {
            String value = get(key, envName, null);
            return value == null
                    ? List.of()
                    : Arrays.stream(value.split(","))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .toList();
        }

        InvalidDataException bad(String key, String envName, String value, String want) {
            return new InvalidDataException(
                    "%s (or %s%s) must be %s, got '%s'"
                            .formatted(
                                    envName, key, file == null ? "" : " in " + file, want, value));
        }
    }
}
