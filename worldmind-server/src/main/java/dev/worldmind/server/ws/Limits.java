package dev.worldmind.server.ws;

/** The protocol's limits (docs/protocol.md), in one place. */
final class Limits {
    /** Frames over this many bytes get {@code too_large}. */
    static final int MESSAGE_BYTES = 64 * 1024;

    /** Frames over this many bytes close the connection (Jetty enforces it). */
    static final int HARD_MESSAGE_BYTES = 256 * 1024;

    /** The longest chat line, in characters. */
    static final int CHAT_LENGTH = 500;

    /** Fastest accepted movement, metres per second (running plus network jitter). */
    static final double MAX_SPEED = 8.0;

    /** Avatars within this distance enter an observer's area of interest. */
    static final double AOI_ENTER = 24.0;

    /** Avatars beyond this distance leave it (hysteresis, so the edge does not flicker). */
    static final double AOI_EXIT = 28.0;

    /** Dropped messages within {@link #FLOOD_WINDOW_NANOS} that close a connection. */
    static final int FLOOD_DROPS = 100;

    static final long FLOOD_WINDOW_NANOS = 10_000_000_000L;

    /** Outgoing frames queued for one client beyond which it is cut off as too slow. */
    static final int MAX_PENDING_SENDS = 2_000;

    /** A move is logged as a behaviour event at most this often per avatar. */
    static final long MOVE_LOG_NANOS = 2_000_000_000L;

    private Limits() {}
}
