package dev.worldmind.testing.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a remote LLM server, on 127.0.0.1 and a free port, speaking the real wire protocol
 * of OpenAI's chat completions ({@code POST /v1/chat/completions}, streamed as server-sent events
 * ending in {@code data: [DONE]}) or Ollama's chat ({@code POST /api/chat}, streamed as one JSON
 * object per line). Each request takes the next {@link ScriptedReply} queued with {@link #enqueue},
 * or the default reply when none is queued; every request body is kept for the test to inspect.
 */
public final class StandInLlm implements AutoCloseable {
    /** The wire protocol a stand-in speaks. */
    public enum Protocol {
        /** OpenAI chat completions with SSE streaming. */
        OPENAI,
        /** Ollama {@code /api/chat} with NDJSON streaming. */
        OLLAMA
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Protocol protocol;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Queue<ScriptedReply> script = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile ScriptedReply fallback = ScriptedReply.tokens("Hello", " there", ".");

    private StandInLlm(Protocol protocol) throws IOException {
        this.protocol = protocol;
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Stalled replies hold their thread: give every exchange one of its own.
        this.executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext(
                protocol == Protocol.OPENAI ? "/v1/chat/completions" : "/api/chat", this::handle);
        server.start();
    }

    /** Starts a stand-in OpenAI-compatible server. */
    public static StandInLlm openAi() {
        return start(Protocol.OPENAI);
    }

    /** Starts a stand-in Ollama server. */
    public static StandInLlm ollama() {
        return start(Protocol.OLLAMA);
    }

    private static StandInLlm start(Protocol protocol) {
        try {
            return new StandInLlm(protocol);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stand-in LLM server", e);
        }
    }

    /**
     * Returns the base URL a client is configured with: {@code http://127.0.0.1:PORT/v1} for
     * OpenAI, {@code http://127.0.0.1:PORT} for Ollama.
     */
    public String baseUrl() {
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        return protocol == Protocol.OPENAI ? root + "/v1" : root;
    }

    /**
     * Queues the reply to the next request that has none yet.
     *
     * @param reply the reply
     * @return this server
     */
    public StandInLlm enqueue(ScriptedReply reply) {
        script.add(reply);
        return this;
    }

    /**
     * Sets the reply to requests when the queue is empty.
     *
     * @param reply the reply
     * @return this server
     */
    public StandInLlm byDefault(ScriptedReply reply) {
        this.fallback = reply;
        return this;
    }

    /** Returns the JSON bodies of the requests received so far, in order. */
    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** Returns each request's {@code Authorization} header (empty when none), in order. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** Returns the messages ({@code role}, {@code content}) of the last request. */
    public List<JsonNode> lastMessages() {
        List<JsonNode> all = requests();
        if (all.isEmpty()) {
            throw new IllegalStateException("the stand-in LLM has had no request");
        }
        List<JsonNode> messages = new ArrayList<>();
        all.get(all.size() - 1).path("messages").forEach(messages::add);
        return messages;
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "" : auth);
            requests.add(body);
            ScriptedReply reply = script.poll();
            if (reply == null) {
                reply = fallback;
            }
            if (reply.status() != 200) {
                byte[] error =
                        ("{\"error\":{\"message\":\"stand-in failure\",\"type\":\"server_error\"}}")
                                .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(reply.status(), error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            boolean stream = body.path("stream").asBoolean(protocol == Protocol.OLLAMA);
            String model = body.path("model").asText("stand-in");
            exchange.getResponseHeaders()
                    .set(
                            "Content-Type",
                            !stream
                                    ? "application/json"
                                    : protocol == Protocol.OPENAI
                                            ? "text/event-stream"
                                            : "application/x-ndjson");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            if (!stream) {
                out.write(whole(model, reply.text()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            out.flush();
            if (pause(reply.firstTokenDelay())) {
                return;
            }
            for (int i = 0; i < reply.chunks().size(); i++) {
                if (i > 0 && pause(reply.tokenGap())) {
                    return;
                }
                send(out, chunk(model, reply.chunks().get(i)));
            }
            send(out, last(model));
            if (protocol == Protocol.OPENAI) {
                send(out, "data: [DONE]\n\n");
            }
        } catch (IOException e) {
            // The client went away (e.g. it cancelled after a timeout): nothing to answer.
        }
    }

    /** Waits; returns true if the server closed meanwhile. */
    private boolean pause(Duration d) {
        if (d.isZero()) {
            return false;
        }
        try {
            return closed.await(d.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private String chunk(String model, String token) {
        if (protocol == Protocol.OPENAI) {
            ObjectNode c = openAiChunk(model);
            ObjectNode choice = c.withArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("delta").put("content", token);
            choice.putNull("finish_reason");
            return "data: " + c + "\n\n";
        }
        ObjectNode c = ollamaLine(model, token);
        c.put("done", false);
        return c + "\n";
    }

    private String last(String model) {
        if (protocol == Protocol.OPENAI) {
            ObjectNode c = openAiChunk(model);
            ObjectNode choice = c.withArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("delta");
            choice.put("finish_reason", "stop");
            return "data: " + c + "\n\n";
        }
        ObjectNode c = ollamaLine(model, "");
        c.put("done", true);
        c.put("done_reason", "stop");
        c.put("total_duration", 1_000_000L);
        c.put("prompt_eval_count", 26);
        c.put("eval_count", 12);
        return c + "\n";
    }

    private String whole(String model, String text) {
        if (protocol == Protocol.OPENAI) {
            ObjectNode c = JSON.createObjectNode();
            c.put("id", "chatcmpl-standin");
            c.put("object", "chat.completion");
            c.put("created", 1_764_400_000L);
            c.put("model", model);
            ObjectNode choice = c.withArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", text);
            choice.put("finish_reason", "stop");
            return c.toString();
        }
        ObjectNode c = ollamaLine(model, text);
        c.put("done", true);
        c.put("done_reason", "stop");
        return c.toString();
    }

    private static ObjectNode openAiChunk(String model) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", "chatcmpl-standin");
        c.put("object", "chat.completion.chunk");
        c.put("created", 1_764_400_000L);
        c.put("model", model);
        return c;
    }

    private static ObjectNode ollamaLine(String model, String content) {
        ObjectNode c = JSON.createObjectNode();
        c.put("model", model);
        c.put("created_at", "2026-11-29T10:00:00.000000000Z");
        c.putObject("message").put("role", "assistant").put("content", content);
        return c;
    }
}
