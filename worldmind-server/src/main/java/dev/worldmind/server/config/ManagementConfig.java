package dev.worldmind.server.config;

import dev.worldmind.core.InvalidDataException;
import java.util.OptionalInt;

/**
 * Settings of the management port, where Prometheus scrapes {@code /metrics}. The meters show JVM,
 * model and serving detail, so they are never on the public port: without a management port they
 * are not served at all.
 *
 * @param port the management port; empty means off, 0 picks a free one
 * @param host the address it binds; loopback by default (open it to the scraper's network only)
 */
public record ManagementConfig(OptionalInt port, String host) {
    public ManagementConfig {
        java.util.Objects.requireNonNull(port, "port");
        if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65535)) {
            throw new InvalidDataException(
                    "management.port must be 0-65535, got " + port.getAsInt());
        }
        if (host == null || host.isBlank()) {
            throw new InvalidDataException("management.host must not be empty");
        }
    }

    /** Off, bound to loopback when turned on. */
    public static ManagementConfig defaults() {
        return new ManagementConfig(OptionalInt.empty(), "127.0.0.1");
    }
}
