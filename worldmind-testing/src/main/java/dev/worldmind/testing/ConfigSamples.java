package dev.worldmind.testing;

import java.util.Map;
import java.util.TreeMap;

/**
 * A valid value, unlike its default, for every key of the world server's configuration, so that a
 * test can set them all at once and see each take effect. Keys whose value depends on the test's
 * folders or free ports ({@code database.url}, {@code characters.dir}, {@code server.port}, {@code
 * management.port}) are left to the test.
 */
public final class ConfigSamples {
    private ConfigSamples() {}

    /** The keys whose value the test must choose. */
    public static final java.util.Set<String> CHOSEN_BY_THE_TEST =
            java.util.Set.of("database.url", "characters.dir", "server.port", "management.port");

    /** Returns key to value, in key order. */
    public static Map<String, String> values() {
        Map<String, String> v = new TreeMap<>();
        v.put("server.host", "127.0.0.2");
        v.put("server.allowed-origins", "https://world.example.org,http://127.0.0.2:9");
        v.put("server.trusted-proxies", "192.0.2.10,198.51.100.0/24");
        v.put("server.tick-hz", "7");
        v.put("server.secure-cookies", "true");
        v.put("database.user", "operator");
        v.put("database.password", "s3cret-pw");
        v.put("session.idle", "PT7M");
        v.put("session.absolute", "PT3H");
        v.put("accounts.registrations-per-address", "1");
        v.put("accounts.registration-window", "PT2H");
        v.put("management.host", "127.0.0.3");
        v.put("recommend.enabled", "false");
        v.put("tour.enabled", "false");
        v.put("tour.speed", "3.5");
        v.put("serving.max-batch", "16");
        v.put("serving.max-delay-ms", "7");
        v.put("serving.workers", "2");
        v.put("serving.queue", "64");
        v.put("serving.timeout", "PT9S");
        v.put("serving.predict-role", "visitor");
        v.put("serving.max-request-bytes", "65536");
        v.put("serving.refresh", "PT3S");
        v.put("dialogue.provider", "openai");
        v.put("dialogue.base-url", "http://127.0.0.1:9/v1");
        v.put("dialogue.model", "tiny-test-model");
        v.put("dialogue.api-key", "sk-test-secret");
        v.put("dialogue.temperature", "0.3");
        v.put("dialogue.max-tokens", "99");
        v.put("dialogue.first-token-timeout", "PT2S");
        v.put("dialogue.total-timeout", "PT20S");
        v.put("dialogue.memory-turns", "4");
        v.put("dialogue.retrieval-k", "5");
        v.put("jobs.threads-idle", "17");
        v.put("jobs.threads-busy", "13");
        return v;
    }
}
