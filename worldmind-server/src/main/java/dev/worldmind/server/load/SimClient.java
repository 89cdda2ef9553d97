package dev.worldmind.server.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.world.Layout;
import dev.worldmind.server.ws.Outbound;
import java.net.http.WebSocket;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One simulated visitor: joins a space, walks around at a fixed rate, and measures how long each of
 * the other visitors' moves took to reach it. Messages are scanned, not fully parsed, so the tool
 * itself stays light next to the server it measures.
 */
final class SimClient extends WholeMessages {
    private static final int RING = 256;

    private final LoadStats stats;
    private final String space;
    private final SplittableRandom random;
    private final long[] sentAt = new long[RING];
    volatile WebSocket socket;
    volatile long id = -1;
    volatile boolean joined;
    volatile int instance;
    private volatile Layout layout;
    private double x;
    private double z;
    private double heading;
    private long seq;
    private long lastStep;
    private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

    SimClient(LoadStats stats, String space, long seed) {
        this.stats = stats;
        this.space = space;
        this.random = new SplittableRandom(seed);
        this.heading = random.nextDouble(Math.PI * 2);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
    }

    @Override
    void onMessage(WebSocket webSocket, String text) {
        try {
            handle(webSocket, text);
        } catch (RuntimeException e) {
            stats.errors.increment();
        }
    }

    private void handle(WebSocket webSocket, String text) {
        stats.received.increment();
        if (text.startsWith("{\"v\":1,\"type\":\"delta\"")) {
            observe(text);
        } else if (text.contains("\"type\":\"welcome\"")) {
            synchronized (this) {
                sending =
                        webSocket.sendText(
                                "{\"v\":1,\"type\":\"join\",\"space\":\"" + space + "\"}", true);
            }
        } else if (text.contains("\"type\":\"joined\"")) {
            JsonNode node = tree(text);
            layout = Json.mapper().convertValue(node.get("space").get("layout"), Layout.class);
            synchronized (this) {
                x = node.get("self").get("x").asDouble();
                z = node.get("self").get("z").asDouble();
                lastStep = System.nanoTime();
            }
            id = node.get("self").get("id").asLong();
            instance = node.get("instance").asInt();
            stats.register(this);
            joined = true;
        } else if (text.contains("\"type\":\"correction\"")) {
            JsonNode node = tree(text);
            synchronized (this) {
                x = node.get("x").asDouble();
                z = node.get("z").asDouble();
                heading += Math.PI / 2;
            }
        } else if (text.contains("\"type\":\"error\"")) {
            stats.errors.increment();
        }
    }

    /** Finds each moved entry's id and seq and records its latency. */
    private void observe(String text) {
        int start = text.indexOf("\"moved\":[");
        int end = text.indexOf("],\"entered\"", start);
        long now = System.nanoTime();
        int i = start;
        while (true) {
            i = text.indexOf("{\"id\":", i);
            if (i < 0 || i > end) {
                break;
            }
            long moverId = number(text, i + 6);
            int s = text.indexOf("\"seq\":", i);
            long moverSeq = number(text, s + 6);
            SimClient mover = stats.client(moverId);
            if (mover != null) {
                long sent = mover.sentAt(moverSeq);
                if (sent != 0) {
                    stats.arrived(now - sent);
                }
            }
            i = s;
        }
    }

    private static JsonNode tree(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the server sent invalid JSON", e);
        }
    }

    private static long number(String text, int from) {
        long v = 0;
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private long sentAt(long s) {
        return sentAt[(int) (s % RING)];
    }

    /** Takes a walking step and sends it, unless the previous send is still under way. */
    synchronized void step() {
        Layout l = layout;
        if (!joined || l == null || !sending.isDone()) {
            return;
        }
        long now = System.nanoTime();
        double dt = Math.min(0.5, (now - lastStep) / 1e9);
        lastStep = now;
        double speed = 1.4; // walking pace, m/s
        double nx = x + Math.cos(heading) * speed * dt;
        double nz = z + Math.sin(heading) * speed * dt;
        if (!l.isWalkable(nx, nz)) {
            heading += Math.PI / 2 + random.nextDouble(Math.PI);
            return;
        }
        heading += (random.nextDouble() - 0.5) * 0.3;
        x = nx;
        z = nz;
        seq++;
        sentAt[(int) (seq % RING)] = System.nanoTime();
        StringBuilder move = new StringBuilder(80).append("{\"v\":1,\"type\":\"move\",\"x\":");
        Outbound.centis(move, x).append(",\"z\":");
        Outbound.centis(move, z).append(",\"ry\":");
        Outbound.centis(move, heading % (Math.PI * 2)).append(",\"seq\":").append(seq).append('}');
        sending = socket.sendText(move, true);
        stats.sent.increment();
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        joined = false;
        stats.closed();
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        joined = false;
        stats.errors.increment();
    }
}
