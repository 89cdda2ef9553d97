package dev.worldmind.server.http;

import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * The browser-hardening headers on every answer: a Content-Security-Policy that fits the web
 * client, no MIME sniffing, no framing, no referrer, and {@code Cache-Control: no-store} on the API
 * and on anything answered to a caller with a session cookie or bearer token.
 *
 * <p>A Jetty customizer rather than a Javalin before-handler, so that answers no route writes
 * (static files, WebSocket upgrade refusals, Jetty's own errors) carry them too; handlers may still
 * override a header deliberately. Stateless and thread-safe.
 */
final class SecurityHeaders implements HttpConfiguration.Customizer {
    /**
     * What the three pages need and nothing more: modules from this origin only (no inline script),
     * WebAssembly compilation for the Studio's onnxruntime-web ({@code 'wasm-unsafe-eval'}, which
     * allows no JavaScript eval), stylesheets from this origin (the client sets styles through the
     * CSSOM only, which CSP does not restrict), pictures drawn to data: and blob: URLs, fetches of
     * data: URLs (heatmaps, outfits) and the same-origin WebSocket ({@code 'self'} covers ws: and
     * wss: of this origin in CSP 3).
     */
    static final String POLICY =
            String.join(
                    "; ",
                    "default-src 'self'",
                    "script-src 'self' 'wasm-unsafe-eval'",
                    "style-src 'self'",
                    "img-src 'self' data: blob:",
                    "connect-src 'self' data: blob:",
                    "worker-src 'self' blob:",
                    "font-src 'self'",
                    "object-src 'none'",
                    "base-uri 'none'",
                    "form-action 'self'",
                    "frame-ancestors 'none'");

    private static final List<HttpField> ALWAYS =
            List.of(
                    new HttpField("Content-Security-Policy", POLICY),
                    new HttpField("X-Content-Type-Options", "nosniff"),
                    // frame-ancestors for current browsers, X-Frame-Options for older ones
                    new HttpField("X-Frame-Options", "DENY"),
                    new HttpField("Referrer-Policy", "no-referrer"));

    private static final HttpField NO_STORE = new HttpField(HttpHeader.CACHE_CONTROL, "no-store");

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        String path = request.getHttpURI().getPath();
        apply(responseHeaders, mustNotStore(request.getHeaders(), path));
        return request;
    }

    /**
     * Sets the headers on an answer.
     *
     * @param headers the answer's headers
     * @param noStore whether the answer must not be stored by any cache
     */
    static void apply(HttpFields.Mutable headers, boolean noStore) {
        for (HttpField f : ALWAYS) {
            headers.put(f);
        }
        if (noStore) {
            headers.put(NO_STORE);
        }
    }

    /**
     * Whether a Javalin request must not be stored (see {@link #mustNotStore(HttpFields, String)}).
     */
    static boolean mustNotStore(io.javalin.http.Context ctx) {
        return ctx.path().startsWith("/api")
                || ctx.header("Authorization") != null
                || ctx.cookie(Auth.COOKIE) != null;
    }

    /** The API, and any answer to a caller who sent credentials. */
    static boolean mustNotStore(HttpFields request, String path) {
        if (path == null || path.startsWith("/api") || request.contains(HttpHeader.AUTHORIZATION)) {
            return true;
        }
        for (HttpField cookie : request.getFields(HttpHeader.COOKIE)) {
            if (cookie.getValue().contains(Auth.COOKIE + "=")) {
                return true;
            }
        }
        return false;
    }
}
