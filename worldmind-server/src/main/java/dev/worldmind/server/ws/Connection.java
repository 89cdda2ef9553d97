package dev.worldmind.server.ws;

import dev.worldmind.server.security.Principal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One client's socket and its state. Messages from one socket arrive one at a time (Jetty), so the
 * rate limiters are touched by one thread; {@link #send} is safe from any thread.
 */
final class Connection {
    final Session socket;

    /** Who is connected, as last checked: replaced when rights are looked up again. */
    volatile Principal principal;

    /** When the socket last carried a message (the clock's time), or null. */
    volatile Instant lastUsed;

    final RateLimiter moves = new RateLimiter(20, 20);
    final RateLimiter chats = new RateLimiter(1, 5);
    final RateLimiter others = new RateLimiter(10, 20);
    private final AtomicInteger pending = new AtomicInteger();
    private long floodWindowStart = System.nanoTime();
    private int floodDrops;
    volatile SpaceInstance instance;
    volatile boolean closed;

    Connection(Session socket, Principal principal) {
        this.socket = socket;
        this.principal = principal;
    }

    long id() {
        return principal.id();
    }

    String username() {
        return principal.account().username();
    }

    /** Sends a frame without blocking; a client that stops reading is cut off. */
    void send(String text) {
        if (closed || !socket.isOpen()) {
            return;
        }
        if (pending.incrementAndGet() > Limits.MAX_PENDING_SENDS) {
            pending.decrementAndGet();
            close(1008, "too slow: the client does not read its messages");
            return;
        }
        socket.sendText(
                text, Callback.from(pending::decrementAndGet, e -> pending.decrementAndGet()));
    }

    /** Counts a dropped message; returns true when the client is flooding. */
    boolean dropped(long now) {
        if (now - floodWindowStart > Limits.FLOOD_WINDOW_NANOS) {
            floodWindowStart = now;
            floodDrops = 0;
        }
        return ++floodDrops >= Limits.FLOOD_DROPS;
    }

    void close(int code, String reason) {
        closed = true;
        if (socket.isOpen()) {
            socket.close(code, reason, Callback.NOOP);
        }
    }
}
