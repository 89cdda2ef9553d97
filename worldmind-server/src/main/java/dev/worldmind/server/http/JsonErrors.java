package dev.worldmind.server.http;

import dev.worldmind.core.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages replaced by the API's {@code {"error","message"}} body, for the failures no
 * route sees: malformed request lines, over-long URIs, NUL or bad escapes in a path, unknown
 * methods. The message is the status's standard reason, never Jetty's detail or a stack trace.
 * Stateless and thread-safe.
 */
final class JsonErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status =
                request.getAttribute(ERROR_STATUS) instanceof Integer s
                        ? s
                        : HttpStatus.INTERNAL_SERVER_ERROR_500;
        HttpFields.Mutable headers = response.getHeaders();
        SecurityHeaders.apply(headers, true);
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        response.setStatus(status);
        response.write(true, ByteBuffer.wrap(body(status)), callback);
        return true;
    }

    private static byte[] body(int status) {
        String reason = HttpStatus.getMessage(status);
        String code =
                switch (status) {
                    case 400 -> "bad_request";
                    case 404 -> "not_found";
                    case 405 -> "method_not_allowed";
                    case 413 -> "too_large";
                    case 414 -> "uri_too_long";
                    case 415 -> "unsupported_media_type";
                    case 431 -> "headers_too_large";
                    default ->
                            status >= 500
                                    ? "internal"
                                    : reason.toLowerCase(Locale.ROOT).replace(' ', '_');
                };
        String message =
                status >= 500
                        ? "the server failed to handle this request"
                        : "the request was refused: " + reason;
        return Json.write(Map.of("error", code, "message", message))
                .getBytes(StandardCharsets.UTF_8);
    }
}
