package dev.worldmind.server.ws;

/**
 * What the {@link WsEndpoint} hands a socket's life to: the {@link Dispatcher} in the server, a
 * handler that misbehaves on purpose in tests of the endpoint's error handling. Called on Jetty's
 * threads, one frame of a socket at a time.
 */
interface SocketHandler {
    /** A socket was opened and authenticated. */
    void onOpen(Connection c);

    /** A text frame arrived. */
    void onText(Connection c, String text);

    /** The socket closed. */
    void onClose(Connection c);
}
