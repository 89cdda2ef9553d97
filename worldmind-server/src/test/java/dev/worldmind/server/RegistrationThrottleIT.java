package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.server.config.ConfigLoader;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.testing.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One address cannot create accounts in bulk: the probe made 20 in 2.1 s. */
class RegistrationThrottleIT {
    @TempDir Path dir;
    MutableClock clock = new MutableClock();

    @Test
    void theDefaultsRefuseTheTwentyFirstAccountFromOneAddressWithinAnHour() {
        try (TestWorld world =
                new TestWorld(
                        ServerConfig.defaults().with("server.port", 0),
                        TestDatabases.h2(dir),
                        clock)) {
            for (int i = 0; i < 20; i++) {
                assertThat(world.user().register("bulk" + i, "bulk password " + i).statusCode())
                        .isEqualTo(201);
            }
            HttpResponse<String> refused = world.user().register("bulk20", "bulk password 20");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(TestWorld.json(refused).path("error").asText()).isEqualTo("throttled");
            long retry = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retry).isBetween(1L, 3600L);
            // an account that exists can still log in from there
            assertThat(world.user().login("bulk0", "bulk password 0").statusCode()).isEqualTo(200);
            clock.advance(Duration.ofHours(1).plusSeconds(1));
            assertThat(world.user().register("bulk20", "bulk password 20").statusCode())
                    .isEqualTo(201);
        }
    }

    @Test
    void theLimitAndWindowAreConfigured() throws Exception {
        Path file = dir.resolve("worldmind.properties");
        java.nio.file.Files.writeString(
                file, "accounts.registrations-per-address=2\naccounts.registration-window=PT10M\n");
        ServerConfig config = ConfigLoader.load(file, Map.of()).with("server.port", 0);
        try (TestWorld world = new TestWorld(config, TestDatabases.h2(dir), clock)) {
            assertThat(world.user().register("one", "first long password").statusCode())
                    .isEqualTo(201);
            assertThat(world.user().register("two", "second long password").statusCode())
                    .isEqualTo(201);
            HttpResponse<String> refused = world.user().register("three", "third long password");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(1L, 600L);
        }
        ServerConfig off =
                ConfigLoader.load(null, Map.of("WORLDMIND_REGISTRATIONS_PER_ADDRESS", "0"));
        assertThat(off.accounts().registrationsPerAddress()).isZero();
    }

    @Test
    void countsTheForwardedClientOnlyBehindATrustedProxy() throws Exception {
        Path file = dir.resolve("worldmind.properties");
        java.nio.file.Files.writeString(file, "accounts.registrations-per-address=2\n");
        ServerConfig direct = ConfigLoader.load(file, Map.of()).with("server.port", 0);
        try (TestWorld world = new TestWorld(direct, TestDatabases.h2(dir.resolve("a")), clock)) {
            // Without a trusted proxy a forged X-Forwarded-For changes nothing.
            assertThat(registerFrom(world, "forge1", "198.51.100.1").statusCode()).isEqualTo(201);
            assertThat(registerFrom(world, "forge2", "198.51.100.2").statusCode()).isEqualTo(201);
            assertThat(registerFrom(world, "forge3", "198.51.100.3").statusCode()).isEqualTo(429);
        }
        ServerConfig proxied =
                direct.with("server.trusted-proxies", java.util.List.of("127.0.0.0/8", "::1"));
        try (TestWorld world = new TestWorld(proxied, TestDatabases.h2(dir.resolve("b")), clock)) {
            // Behind the proxy each client has its own budget; what a client prepends is ignored.
            assertThat(registerFrom(world, "ann1", "203.0.113.7").statusCode()).isEqualTo(201);
            assertThat(registerFrom(world, "ann2", "10.9.9.9, 203.0.113.7").statusCode())
                    .isEqualTo(201);
            assertThat(registerFrom(world, "ann3", "203.0.113.7").statusCode()).isEqualTo(429);
            assertThat(registerFrom(world, "bob1", "198.51.100.9").statusCode()).isEqualTo(201);
        }
    }

    private static HttpResponse<String> registerFrom(TestWorld world, String name, String chain) {
        return world.user()
                .send(
                        "POST",
                        "/api/register",
                        Map.of("username", name, "password", name + " long password"),
                        Map.of("X-Forwarded-For", chain));
    }
}
