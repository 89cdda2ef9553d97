package dev.worldmind.server;

import dev.worldmind.server.config.ServerConfig;
import java.util.List;
import java.util.Locale;

/**
 * The browser origins allowed to open the socket and to write with a cookie: the configured list,
 * or by default the server's own origin under localhost and 127.0.0.1 (known once it is bound).
 */
final class Origins {
    private final List<String> configured;
    private volatile List<String> effective = List.of();

    Origins(ServerConfig config) {
        this.configured = config.allowedOrigins();
    }

    void bound(int port) {
        effective =
                configured.isEmpty()
                        ? List.of("http://localhost:" + port, "http://127.0.0.1:" + port)
                        : configured;
    }

    boolean allowed(String origin) {
        String o = origin.toLowerCase(Locale.ROOT);
        for (String allowed : effective) {
            if (allowed.toLowerCase(Locale.ROOT).equals(o)) {
                return true;
            }
        }
        return false;
    }
}
