package dev.worldmind.server.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every configuration key an operator may set: its name in the properties file, where it lands in
 * the typed tree ({@link ServerConfig} under {@code /server}, {@link JobsConfig} under {@code
 * /jobs}), and what it does. This table is the one definition: the loader reads only these keys,
 * {@code worldmind config} lists them, and {@code docs/configuration.md} is generated from it (a
 * test fails when the two differ). Types, defaults and checks come from the records themselves.
 *
 * <p>The environment variable of a key is derived by one rule, {@link #env(Key)}: {@code
 * server.tick-hz} is {@code WORLDMIND_SERVER_TICK_HZ}. Eight keys also keep the shorter name they
 * had before that rule ({@code WORLDMIND_PORT}, ...), which operators' scripts use; both names
 * work, and setting both to different values is refused.
 */
public final class ConfigKeys {
    private ConfigKeys() {}

    /**
     * One key.
     *
     * @param name the key in the properties file, e.g. {@code server.tick-hz}
     * @param path the JSON pointer of its value in the tree of records
     * @param legacyEnv the environment variable it had before the naming rule, or null
     * @param defaultText how the docs describe a default that is empty or machine-dependent, or
     *     null to show the default value itself
     * @param description what it does, for the docs
     */
    public record Key(
            String name, String path, String legacyEnv, String defaultText, String description) {
        /** Returns whether the value is kept out of listings and messages. */
        public boolean secret() {
            String[] words = name.split("[.-]");
            String last = words[words.length - 1];
            return Set.of("password", "secret", "key", "token").contains(last);
        }

        /** Returns whether the key may only come from the environment (never a file). */
        public boolean environmentOnly() {
            return name.equals("dialogue.api-key");
        }

        /** Returns whether the value is written in milliseconds but kept as a duration. */
        boolean millis() {
            return name.endsWith("-ms");
        }
    }

    /**
     * The keys: name | JSON pointer | environment variable before the naming rule | default as the
     * docs say it (where the value itself is empty or machine-dependent) | what it does. A text
     * block, so that the formatter keeps it a table.
     */
    private static final String TABLE =
            """
            server.host | /server/host | WORLDMIND_HOST | - | address to listen on (`0.0.0.0`: every interface)
            server.port | /server/port | WORLDMIND_PORT | - | port (`0`: any free port)
            server.allowed-origins | /server/allowedOrigins | WORLDMIND_ALLOWED_ORIGINS | the server's own `http://localhost:PORT` and `http://127.0.0.1:PORT` | comma-separated browser origins allowed to open the WebSocket and to write with a cookie
            server.trusted-proxies | /server/trustedProxies | WORLDMIND_TRUSTED_PROXIES | none | comma-separated IPs or CIDR blocks of reverse proxies whose `X-Forwarded-For` is believed (see docs/security.md)
            server.tick-hz | /server/tickHz | WORLDMIND_TICK_HZ | - | presence updates per second (1-60)
            server.secure-cookies | /server/secureCookies | WORLDMIND_SECURE_COOKIES | - | mark the session cookie `Secure` (serving HTTPS through a proxy)
            database.url | /server/databaseUrl | - | embedded H2 in `<home>/db` | JDBC URL, e.g. `jdbc:postgresql://localhost:5432/worldmind`
            database.user | /server/databaseUser | - | none | database user
            database.password | /server/databasePassword | - | none | database password
            session.idle | /server/sessionIdle | - | - | a session ends after this long without a request (ISO-8601 duration)
            session.absolute | /server/sessionAbsolute | - | - | a session ends this long after login at the latest
            accounts.registrations-per-address | /server/accounts/registrationsPerAddress | WORLDMIND_REGISTRATIONS_PER_ADDRESS | - | new accounts one client address may create per window (`0`: no limit)
            accounts.registration-window | /server/accounts/registrationWindow | WORLDMIND_REGISTRATION_WINDOW | - | the sliding window of that limit
            management.port | /server/management/port | - | off | a separate port serving only Prometheus `/metrics` (`0`: any free port, `off`: none)
            management.host | /server/management/host | - | - | address the management port binds
            recommend.enabled | /server/recommend/enabled | - | - | recommendations in the world (`false`: no shelf, suggestions or `/api/recommendations`)
            tour.enabled | /server/tour/enabled | - | - | the museum guide's tours
            tour.speed | /server/tour/guide/speed | - | - | the guide's walking pace, m/s (up to 20)
            serving.max-batch | /server/serving/batching/maxBatchSize | - | - | most images per forward pass (1 turns batching off)
            serving.max-delay-ms | /server/serving/batching/maxQueueDelay | - | - | how long a batch may wait for more requests, ms (only when traffic is concurrent)
            serving.workers | /server/serving/batching/workers | - | - | forward-pass threads per model version
            serving.queue | /server/serving/batching/queueCapacity | - | - | images that may wait per model version; beyond it `503`
            serving.timeout | /server/serving/batching/timeout | - | - | a request waiting longer gets `503`
            serving.predict-role | /server/serving/predictRole | - | - | least role allowed to predict (`visitor`, `creator`, `admin`)
            serving.max-request-bytes | /server/serving/maxRequestBytes | - | - | largest predict body (`413` beyond)
            serving.refresh | /server/serving/refresh | - | - | how often the registry is checked for new versions and moved aliases
            dialogue.provider | /server/language/dialogue/provider | - | - | who writes the characters' replies: `none` (the built-in responder), `openai` (any OpenAI-compatible server), `ollama`
            dialogue.base-url | /server/language/dialogue/baseUrl | - | the provider's | the LLM server, e.g. `http://127.0.0.1:8000/v1` for vLLM or llama.cpp
            dialogue.model | /server/language/dialogue/model | - | the provider's | the model name
            dialogue.api-key | /server/language/dialogue/apiKey | - | none | the API key (environment only; never printed)
            dialogue.temperature | /server/language/dialogue/temperature | - | - | sampling temperature, 0-2
            dialogue.max-tokens | /server/language/dialogue/maxTokens | - | - | most tokens in one reply
            dialogue.first-token-timeout | /server/language/dialogue/firstTokenTimeout | - | - | without a first token by then, the built-in responder answers
            dialogue.total-timeout | /server/language/dialogue/totalTimeout | - | - | a reply not finished by then is finished by the built-in responder
            dialogue.memory-turns | /server/language/dialogue/memoryTurns | - | - | earlier turns with the same user in each prompt
            dialogue.retrieval-k | /server/language/dialogue/retrievalK | - | - | knowledge passages in each prompt
            characters.dir | /server/language/characters | - | the built-in five | a folder of your own character files (`library.yaml` and one YAML per character)
            jobs.threads-idle | /jobs/threadsIdle | - | the cores | engine threads a background job uses while nobody is in the world
            jobs.threads-busy | /jobs/threadsBusy | - | half the cores | engine threads a background job uses while people are in it
            """;

    private static final List<Key> ALL =
            TABLE.lines()
                    .map(line -> line.split(" \\| ", 5))
                    .map(c -> new Key(c[0], c[1], dash(c[2]), dash(c[3]), c[4]))
                    .toList();

    private static String dash(String cell) {
        return cell.equals("-") ? null : cell;
    }

    /**
     * The values in the tree that are not keys: the program sets them (the registry and home follow
     * {@code --home}; the guide's waits are tuned in code and in tests).
     */
    static final Set<String> SET_BY_THE_PROGRAM =
            Set.of(
                    "/server/serving/models",
                    "/server/language/home",
                    "/server/recommend/models",
                    "/server/tour/models",
                    "/server/tour/guide/dwell",
                    "/server/tour/guide/patience",
                    "/server/tour/guide/near",
                    "/jobs/home/root");

    /** Returns every key, in the order of the docs. */
    public static List<Key> all() {
        return ALL;
    }

    /**
     * Finds a key by its name.
     *
     * @param name the key, e.g. {@code server.port}
     * @return the key, or empty for a name that is not one
     */
    public static Optional<Key> byName(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /**
     * Returns the keys as the Markdown table of {@code docs/configuration.md}: key, environment
     * variables, default, what it does.
     *
     * @param defaults the settings loaded from no file, environment or option
     * @return the table, one line per key after the header
     */
    public static String markdownTable(EffectiveConfig defaults) {
        StringBuilder table =
                new StringBuilder(
                        "| key | environment | default | what it does |\n| --- | --- | --- | --- |\n");
        for (EffectiveConfig.Setting s : defaults.settings()) {
            Key key = byName(s.key()).orElseThrow();
            String env =
                    "`"
                            + env(key)
                            + "`"
                            + (key.legacyEnv() == null ? "" : " or `" + key.legacyEnv() + "`");
            String value = key.defaultText() != null ? key.defaultText() : "`" + s.value() + "`";
            table.append(
                    "| `%s` | %s | %s | %s |\n"
                            .formatted(key.name(), env, value, key.description()));
        }
        return table.toString();
    }

    /**
     * Returns the canonical environment variable of a key: {@code WORLDMIND_} and the key in
     * capitals with dots and dashes as underscores.
     *
     * @param key the key
     * @return e.g. {@code WORLDMIND_SERVER_TICK_HZ}
     */
    public static String env(Key key) {
        return "WORLDMIND_" + key.name().toUpperCase(Locale.ROOT).replaceAll("[.-]", "_");
    }
}
