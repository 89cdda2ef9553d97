package dev.worldmind.server.ws;

/**
 * The built-in client messages as records, read from their checked fields (see {@link
 * ProtocolSchema} and {@code protocol/worldmind-ws.json}, where each is defined and documented). A
 * record's components are the message's fields; {@link MessageRoutes} checks that they agree.
 */
public final class Inbound {
    private Inbound() {}

    /** Enter a space. */
    public record Join(String space, String via) {}

    /** Leave the current space. */
    public record Leave() {}

    /** A new position. */
    public record Move(double x, double z, double ry, long seq) {}

    /** Say something. */
    public record Chat(String text) {}

    /** View, like or buy an item. */
    public record Act(String action, String item) {}

    /** Kick, mute or ban someone. */
    public record Moderate(String action, long target, long seconds, String reason) {}

    /** Say something to an AI character of the space. */
    public record Talk(String character, String text) {}

    /** Ask an AI character (the museum guide) for a guided tour. */
    public record Tour(String character) {}

    /**
     * Put a garment on the sender's avatar.
     *
     * @param garment which garment
     */
    public record TryOn(Garment garment) {}

    /**
     * A garment to try on.
     *
     * @param kind where it comes from ({@code product}, {@code upload}, {@code design})
     * @param id its id with that source
     */
    public record Garment(String kind, String id) {}

    /** Take the sender's outfit off. */
    public record TakeOff() {}

    /** Latency probe. */
    public record Ping(double t) {}
}
