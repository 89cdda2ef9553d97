package dev.worldmind.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.accounts.Account;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.accounts.Session;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.world.AvatarStore;
import dev.worldmind.server.security.Principal;
import dev.worldmind.testing.TestDatabases;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handler that throws an {@link Error} (what a swallowed {@code OutOfMemoryError} was) is logged,
 * answered with an {@code internal} error and closes that one socket; the others carry on.
 */
class SocketErrorsIT {
    @TempDir Path dir;

    /** Frames: "error" throws an Error, "oom" an OutOfMemoryError, anything else is echoed. */
    private static final class Throwing implements SocketHandler {
        @Override
        public void onOpen(Connection c) {}

        @Override
        public void onText(Connection c, String text) {
            switch (text) {
                case "error" -> throw new AssertionError("a handler broke");
                case "oom" -> throw new OutOfMemoryError("simulated: Java heap space");
                default -> c.send(Outbound.error("echo", text, null));
            }
        }

        @Override
        public void onClose(Connection c) {}
    }

    @Test
    void anErrorInAHandlerIsLoggedAnsweredAndClosesOnlyThatSocket() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Database db = Database.open(TestDatabases.h2(dir))) {
            WsEndpoint endpoint =
                    new WsEndpoint(new WorldHub(20), new Throwing(), new AvatarStore(db));
            Javalin app =
                    Javalin.create(
                            cfg -> {
                                cfg.jetty.host = "127.0.0.1";
                                cfg.jetty.port = 0;
                                cfg.startup.showJavalinBanner = false;
                                endpoint.install(
                                        cfg,
                                        origin -> true,
                                        ctx -> principal(Long.parseLong(ctx.queryParam("id"))));
                            });
            app.start();
            try (Client a = new Client(app.port(), 1);
                    Client b = new Client(app.port(), 2);
                    Client c = new Client(app.port(), 3)) {
                a.await("welcome");
                b.await("welcome");
                c.await("welcome");
                System.setErr(new PrintStream(new TeeStream(err, log), true));
                a.socket.sendText("error", true);
                JsonNode answer = a.await("error");
                assertThat(answer.path("code").asText()).isEqualTo("internal");
                assertThat(a.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1011);

                c.socket.sendText("oom", true);
                assertThat(c.await("error").path("code").asText()).isEqualTo("internal");
                assertThat(c.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1011);

                b.socket.sendText("still here", true);
                assertThat(b.await("error").path("message").asText()).isEqualTo("still here");
                assertThat(b.closed).isNotDone();
            } finally {
                System.setErr(err);
                app.stop();
            }
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged)
                .contains("account 1")
                .contains("a handler broke")
                .contains("account 3")
                .contains("simulated: Java heap space");
    }

    private static Principal principal(long id) {
        Instant now = Instant.now();
        return new Principal(
                new Account(id, "user" + id, Role.VISITOR, now),
                new Session("hash" + id, id, "csrf", now, now, now.plusSeconds(3600)),
                false);
    }

    /** Writes to two streams: the test's log and the console. */
    private static final class TeeStream extends java.io.OutputStream {
        private final PrintStream console;
        private final ByteArrayOutputStream copy;

        TeeStream(PrintStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public synchronized void write(int b) {
            console.write(b);
            copy.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            console.write(b, off, len);
            copy.write(b, off, len);
        }
    }

    /** A bare WebSocket client that keeps what arrives. */
    private static final class Client implements WebSocket.Listener, AutoCloseable {
        final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final WebSocket socket;
        private final StringBuilder partial = new StringBuilder();

        Client(int port, long id) {
            socket =
                    HttpClient.newHttpClient()
                            .newWebSocketBuilder()
                            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?id=" + id), this)
                            .join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    inbox.add(Json.mapper().readTree(partial.toString()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }

        JsonNode await(String type) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode m = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (m != null && m.path("type").asText().equals(type)) {
                    return m;
                }
            }
            throw new AssertionError("no '" + type + "' arrived in 10 s");
        }

        @Override
        public void close() {
            if (!closed.isDone()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            }
        }
    }
}
