package dev.worldmind.server.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.world.AvatarStore;
import dev.worldmind.server.security.Principal;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The {@code /ws} endpoint: checks the origin and the session at the upgrade, then hands frames to
 * the {@link Dispatcher}. Thread-safe.
 */
public final class WsEndpoint {
    /** The path of the socket. */
    public static final String PATH = "/ws";

    private static final String PRINCIPAL = "worldmind.principal";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WsEndpoint.class);

    private final WorldHub hub;
    private final SocketHandler dispatcher;
    private final AvatarStore avatars;
    private final Map<String, Connection> bySession = new ConcurrentHashMap<>();

    /**
     * @param hub the live world
     * @param dispatcher the message handler
     * @param avatars the avatars, for the welcome message
     */
    public WsEndpoint(WorldHub hub, Dispatcher dispatcher, AvatarStore avatars) {
        this(
                hub,
                new SocketHandler() {
                    @Override
                    public void onOpen(Connection c) {
                        dispatcher.onOpen(c);
                    }

                    @Override
                    public void onText(Connection c, String text) {
                        dispatcher.onText(c, text);
                    }

                    @Override
                    public void onClose(Connection c) {
                        dispatcher.onClose(c);
                    }
                },
                avatars);
    }

    WsEndpoint(WorldHub hub, SocketHandler dispatcher, AvatarStore avatars) {
        this.hub = hub;
        this.dispatcher = dispatcher;
        this.avatars = avatars;
    }

    /**
     * Adds the endpoint to a Javalin configuration.
     *
     * @param cfg the configuration
     * @param originAllowed decides whether a browser origin may connect
     * @param authenticate finds the caller of an upgrade request; throws an HTTP error when none
     */
    public void install(
            JavalinConfig cfg,
            Predicate<String> originAllowed,
            Function<Context, Principal> authenticate) {
        cfg.jetty.modifyWebSocketServletFactory(
                factory -> {
                    factory.setMaxTextMessageSize(Limits.HARD_MESSAGE_BYTES);
                    factory.setMaxBinaryMessageSize(1024);
                    factory.setIdleTimeout(Duration.ofSeconds(60));
                });
        cfg.routes.wsBeforeUpgrade(
                PATH,
                ctx -> {
                    String origin = ctx.header("Origin");
                    if (origin != null && !originAllowed.test(origin)) {
                        throw new io.javalin.http.ForbiddenResponse(
                                "origin " + origin + " is not allowed");
                    }
                    ctx.attribute(PRINCIPAL, authenticate.apply(ctx));
                });
        cfg.routes.ws(
                PATH,
                ws -> {
                    ws.onConnect(ctx -> guarded(ctx, "opening the socket", () -> connected(ctx)));
                    ws.onMessage(
                            ctx ->
                                    guarded(
                                            ctx,
                                            "a message",
                                            () ->
                                                    withConnection(
                                                            ctx,
                                                            c ->
                                                                    dispatcher.onText(
                                                                            c, ctx.message()))));
                    ws.onBinaryMessage(
                            ctx ->
                                    withConnection(
                                            ctx,
                                            c ->
                                                    c.send(
                                                            Outbound.error(
                                                                    "bad_message",
                                                                    "binary frames are not supported",
                                                                    null))));
                    ws.onClose(
                            ctx ->
                                    guarded(
                                            ctx,
                                            "closing the socket",
                                            () -> {
                                                Connection c = bySession.remove(ctx.sessionId());
                                                if (c != null) {
                                                    c.closed = true;
                                                    dispatcher.onClose(c);
                                                }
                                            }));
                    ws.onError(ctx -> errored(ctx.sessionId(), ctx.error()));
                });
    }

    /**
     * Runs a handler so that nothing it throws is lost: any {@link Throwable}, an {@link Error}
     * such as {@link OutOfMemoryError} included, is logged with the account, answered with an
     * {@code internal} error and closes that socket only (1011). Errors are not rethrown: Jetty
     * would only pass them to {@code onError}; a real OutOfMemoryError ends the process through
     * {@code -XX:+ExitOnOutOfMemoryError} (set by the {@code worldmind} launcher) wherever it
     * struck, rather than leaving a server thrashing in garbage collection.
     */
    private void guarded(WsContext ctx, String what, Runnable handler) {
        try {
            handler.run();
        } catch (Throwable t) { // the socket boundary: nothing may escape unseen
            Connection c = bySession.get(ctx.sessionId());
            LOG.error(
                    "{} of account {} failed; closing that socket",
                    what,
                    c == null ? "(unknown)" : c.id(),
                    t);
            if (c != null) {
                c.send(
                        Outbound.error(
                                "internal", "the server could not handle that message", null));
                c.close(1011, "internal error");
            } else if (ctx.session.isOpen()) {
                ctx.closeSession(1011, "internal error");
            }
        }
    }

    /** Jetty's socket errors: a broken peer is routine, an {@link Error} never is. */
    private void errored(String sessionId, Throwable error) {
        Connection c = bySession.get(sessionId);
        Object account = c == null ? "(unknown)" : c.id();
        if (error instanceof Error) {
            LOG.error("the socket of account {} failed", account, error);
        } else {
            LOG.debug("the socket of account {} failed: {}", account, String.valueOf(error));
        }
    }

    private void connected(WsContext ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            ctx.closeSession(1008, "not authenticated");
            return;
        }
        Connection c = new Connection(ctx.session, principal);
        bySession.put(ctx.sessionId(), c);
        dispatcher.onOpen(c);
        ctx.enableAutomaticPings(15, TimeUnit.SECONDS);
        ObjectNode welcome = Outbound.message("welcome");
        ObjectNode you = welcome.putObject("you");
        you.setAll((ObjectNode) Json.mapper().valueToTree(principal.account()));
        avatars.find(principal.id())
                .ifPresent(a -> you.set("avatar", Json.mapper().valueToTree(a)));
        welcome.put("tickHz", hub.tickHz());
        welcome.put("serverTime", System.currentTimeMillis());
        c.send(welcome.toString());
    }

    private void withConnection(WsContext ctx, java.util.function.Consumer<Connection> action) {
        Connection c = bySession.get(ctx.sessionId());
        if (c != null) {
            action.accept(c);
        }
    }
}
