package dev.worldmind.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test WebSocket client that queues what the server sends and waits for what a test expects. */
final class WsClient implements WebSocket.Listener, AutoCloseable {
    final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    static WsClient open(TestWorld world, Map<String, String> headers) {
        WsClient client = new WsClient();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(b::header);
        client.socket =
                b.buildAsync(URI.create("ws://127.0.0.1:" + world.server.port() + "/ws"), client)
                        .join();
        return client;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                inbox.add(Json.mapper().readTree(partial.toString()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void send(Map<String, Object> message) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("v", 1);
        m.putAll(message);
        send(Json.write(m));
    }

    /** Sends a {@code moderate} message: an action on one avatar. */
    void moderate(String action, long target) {
        send(Map.of("type", "moderate", "action", action, "target", target));
    }

    /**
     * Sends a {@code moderate} message with one more field, e.g. {@code seconds} or {@code reason}.
     */
    void moderate(String action, long target, String field, Object value) {
        send(Map.of("type", "moderate", "action", action, "target", target, field, value));
    }

    /** Waits for the first message of a type that matches; earlier ones are dropped. */
    JsonNode await(String type, Predicate<JsonNode> match) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode m = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (m != null && m.path("type").asText().equals(type) && match.test(m)) {
                    return m;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no '" + type + "' message arrived in 10 s");
    }

    JsonNode await(String type) {
        return await(type, m -> true);
    }

    /** Waits for the first message of any of the types; others are dropped. */
    JsonNode awaitAny(String... types) {
        java.util.Set<String> wanted = java.util.Set.of(types);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode m = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (m != null && wanted.contains(m.path("type").asText())) {
                    return m;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("none of " + wanted + " arrived in 10 s");
    }

    /** Everything that arrives within the given time. */
    List<JsonNode> drain(Duration within) {
        List<JsonNode> all = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode m = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (m != null) {
                    all.add(m);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return all;
    }

    JsonNode join(String space) {
        await("welcome");
        send(Map.of("type", "join", "space", space));
        return await("joined");
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
