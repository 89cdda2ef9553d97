package dev.worldmind.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress none = new ClientAddress(List.of());
    private final ClientAddress proxies =
            new ClientAddress(List.of("10.0.0.0/8", "192.0.2.1", "::1"));

    @Test
    void trustsNoForwardedHeaderWithoutTrustedProxies() {
        assertThat(none.resolve("203.0.113.5", "1.2.3.4")).isEqualTo("203.0.113.5");
    }

    @Test
    void ignoresTheHeaderFromAPeerThatIsNotATrustedProxy() {
        assertThat(proxies.resolve("203.0.113.5", "1.2.3.4")).isEqualTo("203.0.113.5");
    }

    @Test
    void takesTheRightmostAddressThatIsNotATrustedProxy() {
        assertThat(proxies.resolve("10.1.2.3", "198.51.100.7")).isEqualTo("198.51.100.7");
        // the client forged the first hop; the proxies appended the real one and themselves
        assertThat(proxies.resolve("10.1.2.3", "6.6.6.6, 198.51.100.7, 192.0.2.1"))
                .isEqualTo("198.51.100.7");
        assertThat(proxies.resolve("0:0:0:0:0:0:0:1", "2001:db8::5")).isEqualTo("2001:db8::5");
    }

    @Test
    void stopsAtGarbageAndNeverLooksNamesUp() {
        assertThat(proxies.resolve("10.1.2.3", "example.org")).isEqualTo("10.1.2.3");
        assertThat(proxies.resolve("10.1.2.3", "198.51.100.7, <script>")).isEqualTo("10.1.2.3");
        assertThat(proxies.resolve("10.1.2.3", "10.0.0.9")).isEqualTo("10.0.0.9");
    }

    @Test
    void refusesSettingsThatAreNotAddressesOrBlocks() {
        for (String bad : new String[] {"proxy.local", "10.0.0.0/33", "10.0.0.0/x", "", "1.2.3"}) {
            assertThatThrownBy(() -> ClientAddress.checkProxy(bad))
                    .as(bad)
                    .isInstanceOf(InvalidDataException.class)
                    .hasMessageContaining("server.trusted-proxies");
        }
    }
}
