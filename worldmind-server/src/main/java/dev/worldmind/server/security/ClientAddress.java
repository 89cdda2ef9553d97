package dev.worldmind.server.security;

import dev.worldmind.core.InvalidDataException;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who the client is, by address, when reverse proxies stand in front of the server. The peer's
 * address is the client's unless the peer is a trusted proxy; then {@code X-Forwarded-For} is read
 * from its right end, skipping trusted proxies, and the first address that is not one is the
 * client's (an untrusted client can prepend anything, but cannot change what the proxies append).
 * Every throttle (logins, registrations) counts by this address. Immutable and thread-safe.
 */
public final class ClientAddress {
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private final List<Block> trusted;

    private record Block(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    /**
     * @param trustedProxies addresses or CIDR blocks ({@code 10.0.0.0/8}, {@code ::1}); empty to
     *     trust no proxy
     */
    public ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(ClientAddress::block).toList();
    }

    /**
     * Checks one trusted-proxy setting.
     *
     * @param proxy an address or CIDR block
     * @throws InvalidDataException when it is neither
     */
    public static void checkProxy(String proxy) {
        block(proxy);
    }

    /**
     * The client's address for a request.
     *
     * @param ctx the request
     * @return the address, as text
     */
    public String of(Context ctx) {
        return resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    }

    /**
     * The client's address from the peer's address and the forwarded chain.
     *
     * @param peer the address of whoever opened the connection
     * @param forwardedFor the {@code X-Forwarded-For} header, or null
     * @return the address, as text
     */
    public String resolve(String peer, String forwardedFor) {
        if (trusted.isEmpty() || forwardedFor == null || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!LITERAL.matcher(hop).matches() || parse(hop) == null) {
                return client; // garbage in the chain: stop at the last hop we could read
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        byte[] raw = address == null || !LITERAL.matcher(address).matches() ? null : parse(address);
        return raw != null && trusted.stream().anyMatch(b -> b.contains(raw));
    }

    private static Block block(String text) {
        String s = text == null ? "" : text.strip();
        int slash = s.indexOf('/');
        String host = slash < 0 ? s : s.substring(0, slash);
        byte[] network = LITERAL.matcher(host).matches() ? parse(host) : null;
        if (network == null) {
            throw new InvalidDataException(
                    "server.trusted-proxies: '" + text + "' is not an IP address or CIDR block");
        }
        int bits = network.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > network.length * 8) {
                throw new InvalidDataException(
                        "server.trusted-proxies: '" + text + "' has a bad prefix length");
            }
        }
        return new Block(network, bits);
    }

    /** Parses an IP literal (never a host name: nothing is looked up). */
    private static byte[] parse(String literal) {
        if (literal.indexOf(':') < 0 && !literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
