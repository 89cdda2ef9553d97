package dev.worldmind.server.http;

import dev.worldmind.core.AlreadyExistsException;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.model.serve.OverloadedException;
import dev.worldmind.server.security.AuthException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into {@code {"error","message"}} with a fitting status, and never shows a
 * stack trace to a client.
 */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    /** The most of a refused body read and dropped so that the client sees the answer. */
    static final long DRAIN_CAP = 8L << 20;

    private ErrorMapping() {}

    static void install(JavalinConfig cfg) {
        cfg.routes.exception(
                ApiException.class, (e, ctx) -> send(ctx, e.status(), e.code(), e.getMessage()));
        cfg.routes.exception(
                AuthException.class,
                (e, ctx) -> {
                    switch (e.reason()) {
                        case THROTTLED -> {
                            ctx.header(
                                    "Retry-After",
                                    Long.toString(Math.max(1, e.retryAfter().toSeconds())));
                            send(ctx, 429, "throttled", e.getMessage());
                        }
                        case TAKEN -> send(ctx, 409, "taken", e.getMessage());
                        case BAD_CREDENTIALS -> send(ctx, 401, "bad_credentials", e.getMessage());
                        default -> send(ctx, 401, "unauthenticated", e.getMessage());
                    }
                });
        cfg.routes.exception(
                OverloadedException.class, (e, ctx) -> overloaded(ctx, e.getMessage()));
        cfg.routes.exception(
                InvalidDataException.class,
                (e, ctx) -> send(ctx, 400, "bad_request", e.getMessage()));
        cfg.routes.exception(
                NotFoundException.class, (e, ctx) -> send(ctx, 404, "not_found", e.getMessage()));
        cfg.routes.exception(
                AlreadyExistsException.class, (e, ctx) -> send(ctx, 409, "taken", e.getMessage()));
        cfg.routes.exception(
                HttpResponseException.class,
                (e, ctx) -> send(ctx, e.getStatus(), codeFor(e.getStatus()), e.getMessage()));
        cfg.routes.exception(
                Exception.class,
                (e, ctx) -> {
                    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                    send(ctx, 500, "internal", "the server failed to handle this request");
                });
        cfg.routes.error(
                404,
                "*",
                ctx -> {
                    if (ctx.path().startsWith("/api/") && ctx.result() == null) {
                        send(
                                ctx,
                                404,
                                "not_found",
                                "no such endpoint: " + ctx.method() + " " + ctx.path());
                    }
                });
    }

    /** Answers a request whose asynchronous work failed, as the handlers above would. */
    static void failed(Context ctx, Throwable error) {
        Throwable e = error;
        while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof OverloadedException) {
            overloaded(ctx, e.getMessage());
        } else if (e instanceof ApiException a) {
            send(ctx, a.status(), a.code(), a.getMessage());
        } else if (e instanceof InvalidDataException) {
            send(ctx, 400, "bad_request", e.getMessage());
        } else if (e instanceof NotFoundException) {
            send(ctx, 404, "not_found", e.getMessage());
        } else {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            send(ctx, 500, "internal", "the server failed to handle this request");
        }
    }

    private static void overloaded(Context ctx, String message) {
        ctx.header("Retry-After", "1");
        send(ctx, 503, "overloaded", message);
    }

    static void send(Context ctx, int status, String code, String message) {
        drainUnread(ctx);
        ctx.status(status).json(Map.of("error", code, "message", message == null ? "" : message));
    }

    /**
     * Reads and drops what is left of a refused request's body, at most {@link #DRAIN_CAP} bytes. A
     * refusal made before the body is read (too large, wrong type, not signed in) would otherwise
     * be followed by closing the connection while the client is still sending: the client then sees
     * a reset instead of the answer. Not read: a body declared larger than the cap (that client
     * gets the connection closed, which bounds what a refusal can cost), and a body the client
     * holds back until told to send it ({@code Expect: 100-continue}, as curl does for large
     * bodies): reading it would ask for it, and the answer alone tells the client not to send it.
     */
    private static void drainUnread(Context ctx) {
        if (ctx.contentLength() > DRAIN_CAP
                || "100-continue".equalsIgnoreCase(ctx.header("Expect"))) {
            return;
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] skip = new byte[16 * 1024];
            long left = DRAIN_CAP;
            int n;
            while (left > 0 && (n = in.read(skip, 0, (int) Math.min(skip.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the body was taken as a reader: nothing left to protect
        }
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 429 -> "throttled";
            default -> "error";
        };
    }
}
