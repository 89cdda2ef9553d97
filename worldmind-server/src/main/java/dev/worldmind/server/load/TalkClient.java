package dev.worldmind.server.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.world.Layout;
import java.net.http.WebSocket;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One simulated visitor who talks: joins a space, walks up to its AI character and asks it a
 * question every few seconds (one at a time), timing each reply from the {@code talk} it sent to
 * the first {@code talk_token} and to the {@code talk_end}. The load test's ticker thread calls
 * {@link #tick}; the socket's thread delivers the server's messages. Thread-safe.
 */
final class TalkClient extends WholeMessages {
    enum Phase {
        CONNECTING,
        WALKING,
        TALKING,
        FAILED
    }

    /** How close to the character the visitor stops (the server allows 6 m). */
    static final double STAND_AT = 3.5;

    private static final long STEP_NANOS = 150_000_000L; // 0.5-0.7 m a step: under 5 m/s
    private static final int MAX_CORRECTIONS = 5;
    private static final int MAX_UNANSWERED = 4;

    /** A question on its way: the turn is known once {@code talk_start} names it. */
    private static final class Pending {
        final long sent;
        final boolean measured;
        final String question;
        long turn = -1;
        long first = -1;
        boolean expired;

        Pending(long sent, boolean measured, String question) {
            this.sent = sent;
            this.measured = measured;
            this.question = question;
        }
    }

    private final TalkStats stats;
    private final String space;
    private final SplittableRandom random;
    private final long intervalNanos;
    private final long timeoutNanos;
    private final AtomicBoolean asking;
    private final AtomicBoolean measuring;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private volatile Phase phase = Phase.CONNECTING;
    private WebSocket socket;
    private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);
    private Layout layout;
    private String character;
    private List<String> questions = List.of();
    private int question;
    private double x;
    private double z;
    private double cx;
    private double cz;
    private List<double[]> path = List.of();
    private int step;
    private int corrections;
    private long seq;
    private long nextStep;
    private long nextTalk;

    TalkClient(
            TalkStats stats,
            String space,
            long seed,
            TalkOptions options,
            AtomicBoolean asking,
            AtomicBoolean measuring) {
        this.stats = stats;
        this.space = space;
        this.random = new SplittableRandom(seed);
        this.intervalNanos = options.talkInterval().toNanos();
        this.timeoutNanos = options.replyTimeout().toNanos();
        this.asking = asking;
        this.measuring = measuring;
    }

    Phase phase() {
        return phase;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        synchronized (this) {
            socket = webSocket;
        }
        webSocket.request(1);
    }

    @Override
    void onMessage(WebSocket webSocket, String text) {
        // Other visitors' moves are the bulk of the traffic and of no interest here.
        if (!text.startsWith("{\"v\":1,\"type\":\"delta\"")) {
            try {
                handle(Json.mapper().readTree(text), System.nanoTime());
            } catch (JsonProcessingException | RuntimeException e) {
                stats.otherError("bad_server_message");
            }
        }
    }

    private synchronized void handle(JsonNode m, long now) {
        switch (m.path("type").asText()) {
            case "welcome" -> send(Json.write(Map.of("v", 1, "type", "join", "space", space)));
            case "joined" -> joined(m);
            case "correction" -> {
                x = m.path("x").asDouble();
                z = m.path("z").asDouble();
                if (++corrections > MAX_CORRECTIONS) {
                    fail("unreachable_character");
                } else {
                    walkFromHere();
                }
            }
            case "talk_start" -> {
                Pending p = oldest(false);
                if (p != null) {
                    p.turn = m.path("turn").asLong();
                    if (p.expired) {
                        pending.remove(p);
                    }
                }
            }
            case "talk_token" -> {
                Pending p = byTurn(m.path("turn").asLong());
                if (p != null && p.first < 0) {
                    p.first = now - p.sent;
                }
            }
            case "talk_end" -> {
                Pending p = byTurn(m.path("turn").asLong());
                if (p != null) {
                    pending.remove(p);
                    stats.sample(character, p.question, m.path("text").asText());
                    if (p.measured && !p.expired) {
                        stats.replied(
                                character, p.first, now - p.sent, m.path("withheld").asBoolean());
                    }
                }
            }
            case "error" -> refused(m.path("code").asText(), m.path("ref").asText());
            default -> {}
        }
    }

    private void joined(JsonNode m) {
        JsonNode who = m.path("characters").path(0);
        if (who.isMissingNode()) {
            fail("no_character_in_" + space);
            return;
        }
        layout = Json.mapper().convertValue(m.path("space").path("layout"), Layout.class);
        character = who.path("id").asText();
        questions = TalkQuestions.forCharacter(character);
        question = random.nextInt(questions.size());
        cx = who.path("x").asDouble();
        cz = who.path("z").asDouble();
        x = m.path("self").path("x").asDouble();
        z = m.path("self").path("z").asDouble();
        phase = Phase.WALKING;
        walkFromHere();
    }

    private void walkFromHere() {
        path = FloorPath.find(layout, x, z, cx, cz, STAND_AT);
        step = 0;
        if (path.isEmpty() && Math.hypot(x - cx, z - cz) > STAND_AT) {
            fail("unreachable_character");
        } else if (path.isEmpty()) {
            startTalking(System.nanoTime());
        }
    }

    private void startTalking(long now) {
        phase = Phase.TALKING;
        // Spread the first questions over one interval so that the visitors do not ask in step.
        nextTalk = now + (long) (random.nextDouble() * intervalNanos);
    }

    private void refused(String code, String ref) {
        if (!ref.equals("talk")) {
            stats.otherError(code);
            return;
        }
        // talk_failed comes after talk_start; every other refusal instead of it.
        Pending p = oldest(code.equals("talk_failed"));
        if (p == null) {
            stats.otherError(code);
            return;
        }
        pending.remove(p);
        if (p.measured && !p.expired) {
            stats.refused(character, code);
        }
    }

    /** Walks a step, expires late replies and asks the next question when it is time. */
    synchronized void tick(long now) {
        if (phase == Phase.WALKING && now >= nextStep && sending.isDone() && !path.isEmpty()) {
            double[] to = path.get(step++);
            double ry = Math.atan2(to[0] - x, to[1] - z);
            x = to[0];
            z = to[1];
            send(
                    Json.write(
                            Map.of(
                                    "v", 1, "type", "move", "x", x, "z", z, "ry", ry, "seq",
                                    ++seq)));
            nextStep = now + STEP_NANOS;
            if (step >= path.size()) {
                startTalking(now);
            }
            return;
        }
        expire(now);
        if (phase != Phase.TALKING || !asking.get() || now < nextTalk || !sending.isDone()) {
            return;
        }
        if (pending.size() >= MAX_UNANSWERED || pending.stream().anyMatch(p -> !p.expired)) {
            return;
        }
        String text = questions.get(question++ % questions.size());
        boolean measured = measuring.get();
        pending.add(new Pending(now, measured, text));
        if (measured) {
            stats.asked(character);
        }
        send(Json.write(Map.of("v", 1, "type", "talk", "character", character, "text", text)));
        nextTalk = now + (long) ((0.5 + random.nextDouble()) * intervalNanos);
    }

    private void expire(long now) {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (!p.expired && now - p.sent > timeoutNanos) {
                p.expired = true;
                if (p.measured) {
                    stats.timedOut(character);
                }
                if (p.turn >= 0) {
                    it.remove(); // its late messages find no question and are dropped
                }
            }
        }
    }

    /** Tells whether a recorded question still waits for its reply. */
    synchronized boolean waiting() {
        return pending.stream().anyMatch(p -> p.measured && !p.expired);
    }

    /** Counts every recorded question still without a reply as a timeout. */
    synchronized void finish() {
        for (Pending p : pending) {
            if (p.measured && !p.expired) {
                p.expired = true;
                stats.timedOut(character);
            }
        }
    }

    synchronized void abort() {
        if (socket != null) {
            socket.abort();
        }
    }

    private Pending oldest(boolean started) {
        for (Pending p : pending) {
            if ((p.turn >= 0) == started) {
                return p;
            }
        }
        return null;
    }

    private Pending byTurn(long turn) {
        for (Pending p : pending) {
            if (p.turn == turn) {
                return p;
            }
        }
        return null;
    }

    private void send(String text) {
        sending = socket.sendText(text, true);
    }

    private void fail(String why) {
        phase = Phase.FAILED;
        stats.otherError(why);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (phase != Phase.FAILED) {
            fail("closed_" + statusCode);
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (phase != Phase.FAILED) {
            fail("socket_error");
        }
    }
}
