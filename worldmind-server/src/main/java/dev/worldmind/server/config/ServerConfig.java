package dev.worldmind.server.config;

import dev.worldmind.core.InvalidDataException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of one world server.
 *
 * @param host the address to bind; loopback by default
 * @param port the TCP port; 0 picks a free one
 * @param databaseUrl the JDBC URL, or null for the embedded H2 file in the Worldmind home
 * @param databaseUser the database user (PostgreSQL), or null
 * @param databasePassword the database password (PostgreSQL), or null
 * @param allowedOrigins browser origins allowed to open the WebSocket and write with a cookie;
 *     empty means the server's own origin on localhost and 127.0.0.1
 * @param tickHz how often the server sends presence deltas
 * @param sessionIdle how long a session lives without a request
 * @param sessionAbsolute how long a session lives at most after login
 * @param secureCookies whether cookies carry {@code Secure} (serve over HTTPS behind a proxy)
 * @param serving the model-serving API's settings
 * @param language the AI characters' settings
 * @param recommend the world's recommendations' settings
 * @param tour the guided tours' settings
 * @param accounts account creation's settings (registration throttle)
 * @param management the management port's settings ({@code /metrics})
 * @param trustedProxies the addresses (IPs or CIDR blocks) of reverse proxies whose {@code
 *     X-Forwarded-For} is believed; empty (the default): the peer address is the client's
 */
public record ServerConfig(
        String host,
        int port,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        List<String> allowedOrigins,
        int tickHz,
        Duration sessionIdle,
        Duration sessionAbsolute,
        boolean secureCookies,
        ServingConfig serving,
        LanguageConfig language,
        RecommendConfig recommend,
        TourConfig tour,
        AccountsConfig accounts,
        ManagementConfig management,
        List<String> trustedProxies) {

    /** The port of {@code ./worldmind start}. */
    public static final int DEFAULT_PORT = 8080;

    public ServerConfig {
        if (host == null || host.isBlank()) {
            throw new InvalidDataException("server.host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new InvalidDataException("server.port must be 0-65535, got " + port);
        }
        if (tickHz < 1 || tickHz > 60) {
            throw new InvalidDataException("server.tick-hz must be 1-60, got " + tickHz);
        }
        if (sessionIdle.isNegative() || sessionIdle.isZero()) {
            throw new InvalidDataException("session.idle must be positive");
        }
        if (sessionAbsolute.compareTo(sessionIdle) < 0) {
            throw new InvalidDataException("session.absolute must be at least session.idle");
        }
        Objects.requireNonNull(serving, "serving");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(recommend, "recommend");
        Objects.requireNonNull(tour, "tour");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(management, "management");
        trustedProxies = List.copyOf(trustedProxies);
        for (String proxy : trustedProxies) {
            dev.worldmind.server.security.ClientAddress.checkProxy(proxy);
        }
        allowedOrigins = List.copyOf(allowedOrigins);
        for (String origin : allowedOrigins) {
            if (!origin.matches("https?://[^/\\s]+")) {
                throw new InvalidDataException(
                        "allowed origin must look like http://host:port, got '" + origin + "'");
            }
        }
    }

    /** The defaults: localhost:8080, embedded H2, 20 Hz, sessions of 30 min idle / 12 h. */
    public static ServerConfig defaults() {
        return new ServerConfig(
                "127.0.0.1",
                DEFAULT_PORT,
                null,
                null,
                null,
                List.of(),
                20,
                Duration.ofMinutes(30),
                Duration.ofHours(12),
                false,
                ServingConfig.defaults(),
                LanguageConfig.defaults(),
                RecommendConfig.defaults(),
                TourConfig.defaults(),
                AccountsConfig.defaults(),
                ManagementConfig.defaults(),
                List.of());
    }

    /**
     * Returns a copy with one setting changed, checked as the loader checks it. Name a key of
     * {@link ConfigKeys} ({@code "server.port"}, {@code "tour.speed"}) or a part of this record by
     * its components ({@code "serving"}, {@code "language.home"}). Give the value in the type the
     * record keeps there (a {@code Duration} for {@code serving.max-delay-ms}, a list for {@code
     * server.allowed-origins}); text is converted as Jackson converts it ({@code "0"}, {@code
     * "PT5M"}).
     *
     * @param name the key or part
     * @param value the new value
     * @return the copy
     */
    public ServerConfig with(String name, Object value) {
        String path =
                ConfigKeys.byName(name)
                        .map(ConfigKeys.Key::path)
                        .filter(p -> p.startsWith("/server/"))
                        .map(p -> p.substring("/server".length()))
                        .orElse("/" + name.replace('.', '/'));
        return ConfigTree.with(this, path, value);
    }

    @Override
    public String toString() {
        return "ServerConfig[host=%s, port=%d, database=%s, allowedOrigins=%s, tickHz=%d, idle=%s, absolute=%s]"
                .formatted(
                        host,
                        port,
                        databaseUrl == null ? "embedded H2" : databaseUrl,
                        allowedOrigins,
                        tickHz,
                        sessionIdle,
                        sessionAbsolute);
    }
}
