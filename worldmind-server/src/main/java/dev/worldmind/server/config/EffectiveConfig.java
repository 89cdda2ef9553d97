package dev.worldmind.server.config;

import java.util.List;

/**
 * The settings a server runs with, and where each came from.
 *
 * @param server the world server's settings
 * @param jobs the background jobs' settings
 * @param settings every key of {@link ConfigKeys} with its value as the file would say it (secrets
 *     masked) and its source: {@code default}, {@code file PATH}, {@code environment NAME} or
 *     {@code option --NAME}
 */
public record EffectiveConfig(ServerConfig server, JobsConfig jobs, List<Setting> settings) {
    public EffectiveConfig {
        settings = List.copyOf(settings);
    }

    /**
     * One key's value and where it came from.
     *
     * @param key the key, e.g. {@code server.port}
     * @param value its value as text
     * @param source where it came from
     */
    public record Setting(String key, String value, String source) {}
}
