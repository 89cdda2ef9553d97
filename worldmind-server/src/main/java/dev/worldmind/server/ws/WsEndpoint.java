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

    private final WorldHub hub;
    private final Dispatcher dispatcher;
    private final AvatarStore avatars;
    private final Map<String, Connection> bySession = new ConcurrentHashMap<>();

    /**
     * @param hub the live world
     * @param dispatcher the message handler
     * @param avatars the avatars, for the welcome message
     */
    public WsEndpoint(WorldHub hub, Dispatcher dispatcher, AvatarStore avatars) {
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
                    ws.onConnect(this::connected);
                    ws.onMessage(
                            ctx -> withConnection(ctx, c -> dispatcher.onText(c, ctx.message())));
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
                            ctx -> {
                                Connection c = bySession.remove(ctx.sessionId());
                                if (c != null) {
                                    c.closed = true;
                                    dispatcher.onClose(c);
                                }
                            });
                    ws.onError(ctx -> {});
                });
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
