package dev.worldmind.server.ws;

/**
 * Who sent the client message being handled, and where they are.
 *
 * @param connection the sender's socket
 * @param type the message's type (what a refusal refers to)
 * @param now when it arrived ({@link System#nanoTime()})
 */
public record Sender(Connection connection, String type, long now) {
    /**
     * The space instance the sender is in.
     *
     * @throws ProtocolException {@code not_in_space} when they are in none
     */
    SpaceInstance instance() {
        SpaceInstance in = connection.instance;
        if (in == null) {
            throw notInSpace(type);
        }
        return in;
    }

    /** The refusal of a message that needs its sender in a space. */
    static ProtocolException notInSpace(String type) {
        return new ProtocolException("not_in_space", "join a space first", type);
    }

    /** Sends the sender a message. */
    void send(String text) {
        connection.send(text);
    }
}
