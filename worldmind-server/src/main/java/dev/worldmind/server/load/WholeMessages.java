package dev.worldmind.server.load;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;

/**
 * A WebSocket listener that is handed whole text messages: the JDK's client may deliver a long
 * message in parts, and every load client here reads one message at a time. Asks for the next
 * message after each part, so the socket never stalls. Not thread-safe; the JDK calls a listener
 * from one thread at a time.
 */
abstract class WholeMessages implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public final CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            onMessage(webSocket, text);
        }
        webSocket.request(1);
        return null;
    }

    /**
     * Handles one whole text message.
     *
     * @param webSocket the socket it came on
     * @param text the message
     */
    abstract void onMessage(WebSocket webSocket, String text);
}
