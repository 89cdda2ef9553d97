package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.json.Json;
import dev.worldmind.server.TestWorld.User;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP surface as an outside client sees it: security headers on every answer, JSON errors even
 * for requests Jetty refuses before any route runs, and JSON bodies only as application/json.
 */
class HttpSurfaceIT extends WorldPerClass {
    static String asset;

    @BeforeAll
    static void start() throws IOException {
        // a built script of the web client, whatever its hashed name
        String index = raw("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").body;
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("src=\"\\.?(/assets/[^\"]+\\.js)\"").matcher(index);
        assertThat(m.find()).as("index.html links a script: " + index).isTrue();
        asset = m.group(1);
    }

    @Test
    void everyPageStartsItsHeadWithTheSharedTags() throws IOException {
        // written once in web/vite.config.js, which puts them into every page it builds
        for (String page : List.of("/index.html", "/admin.html", "/studio.html")) {
            String html = raw(get(page)).body;
            int head = html.indexOf("<head>");
            assertThat(head).as(page).isNotNegative();
            String start = html.substring(head, Math.min(html.length(), 1024));
            assertThat(start)
                    .as(page)
                    .contains("<meta charset=\"utf-8\">")
                    .contains(
                            "<meta name=\"viewport\" content=\"width=device-width,"
                                    + " initial-scale=1\">")
                    .contains("<link rel=\"icon\" href=\"data:,\">");
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws IOException {
        List<String> requests =
                List.of(
                        get("/api/health"),
                        get("/"),
                        get("/index.html"),
                        get("/admin.html"),
                        get(asset),
                        get("/no-such-page"),
                        get("/api/no-such-endpoint"),
                        get("/api/session"),
                        get("/api/spaces/%00"),
                        get("/api/spaces/%zz"),
                        get("/ws"),
                        "GET /ws HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                + "Origin: http://evil.example\r\n\r\n",
                        "GET /" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                        "BREW / HTTP/1.1\r\nHost: x\r\n\r\n",
                        post("/api/login", "text/plain", "{}"));
        for (String request : requests) {
            Answer a = raw(request);
            String what = request.lines().findFirst().orElseThrow();
            what = what.substring(0, Math.min(80, what.length())) + " -> " + a.status;
            assertThat(a.header("content-security-policy"))
                    .as(what)
                    .contains("default-src 'self'")
                    .contains("frame-ancestors 'none'")
                    .contains("object-src 'none'");
            assertThat(a.header("x-content-type-options")).as(what).isEqualTo("nosniff");
            assertThat(a.header("x-frame-options")).as(what).isEqualTo("DENY");
            assertThat(a.header("referrer-policy")).as(what).isEqualTo("no-referrer");
        }
    }

    @Test
    void apiAndAuthenticatedAnswersAreNeverStored() throws IOException {
        assertThat(raw(get("/api/health")).header("cache-control")).isEqualTo("no-store");
        assertThat(raw(get("/api/no-such-endpoint")).header("cache-control")).isEqualTo("no-store");
        User ann = world.user().enter("ann_c");
        HttpResponse<String> session = ann.call("GET", "/api/session", null);
        assertThat(session.headers().firstValue("Cache-Control")).hasValue("no-store");
        // a page fetched with a session cookie is not kept either; anonymous assets may be
        String cookie = "Cookie: wm_session=" + ann.cookie() + "\r\n";
        assertThat(raw(get("/", cookie)).header("cache-control")).isEqualTo("no-store");
        assertThat(raw(get(asset, "Authorization: Bearer x\r\n")).header("cache-control"))
                .isEqualTo("no-store");
        assertThat(raw(get(asset)).header("cache-control")).isNotEqualTo("no-store");
    }

    @Test
    void malformedPathsGetJsonErrors() throws IOException {
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("nul", get("/api/spaces/%00"));
        requests.put("nul in a page path", get("/%00"));
        requests.put("bad escape", get("/api/spaces/%zz"));
        requests.put("long id", get("/api/spaces/" + "9".repeat(10_000)));
        requests.put("long uri", get("/api/spaces/" + "x".repeat(70_000)));
        requests.put("encoded slash", get("/api/spaces/a%2Fb"));
        requests.put("dot segments", get("/api/../api/spaces/%2e%2e/x"));
        requests.put("unknown method", "BREW /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
        for (Map.Entry<String, String> r : requests.entrySet()) {
            Answer a = raw(r.getValue());
            assertThat(a.status).as(r.getKey()).isBetween(400, 499);
            assertThat(a.header("content-type")).as(r.getKey()).startsWith("application/json");
            JsonNode body = Json.mapper().readTree(a.body);
            assertThat(body.path("error").asText()).as(r.getKey() + ": " + a.body).isNotEmpty();
            assertThat(body.path("message").isTextual()).as(r.getKey()).isTrue();
            assertThat(a.body).as(r.getKey()).doesNotContain("<html").doesNotContain("Jetty");
        }
    }

    @Test
    void metricsAreOnlyOnTheManagementPort() throws Exception {
        Answer publicPort = raw(get("/metrics"));
        assertThat(publicPort.status).isEqualTo(404);
        assertThat(publicPort.body).doesNotContain("jvm_");
        assertThat(world.server.managementPort()).isEmpty();
        ServerConfig withManagement =
                ServerConfig.defaults().with("server.port", 0).with("management.port", 0);
        try (TestWorld managed =
                new TestWorld(
                        withManagement,
                        TestDatabases.h2(dir.resolve("managed")),
                        Clock.systemUTC())) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            HttpResponse<String> onPublic =
                    http.send(
                            java.net.http.HttpRequest.newBuilder(managed.uri("/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(onPublic.statusCode()).isEqualTo(404);
            String management = "http://127.0.0.1:" + managed.server.managementPort().orElseThrow();
            HttpResponse<String> scraped =
                    http.send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create(management + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.body()).contains("jvm_memory_used_bytes");
            assertThat(
                            http.send(
                                            java.net.http.HttpRequest.newBuilder(
                                                            java.net.URI.create(
                                                                    management + "/api/health"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void jsonRoutesRefuseOtherMediaTypes() throws IOException {
        String creds = "{\"username\":\"eve_c\",\"password\":\"a long enough password\"}";
        for (String type :
                List.of(
                        "text/plain",
                        "text/plain;charset=UTF-8",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x")) {
            Answer a = raw(post("/api/register", type, creds));
            assertThat(a.status).as(type).isEqualTo(415);
            assertThat(a.header("content-type")).as(type).startsWith("application/json");
            assertThat(Json.mapper().readTree(a.body).path("error").asText())
                    .isEqualTo("unsupported_media_type");
        }
        Answer none = raw(post("/api/register", null, creds));
        assertThat(none.status).isEqualTo(415);
        assertThat(raw(post("/api/register", "application/json; charset=utf-8", creds)).status)
                .isEqualTo(201);
    }

    private static String get(String path) {
        return get(path, "");
    }

    private static String get(String path, String headers) {
        return "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + headers + "Connection: close\r\n\r\n";
    }

    private static String post(String path, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST "
                + path
                + " HTTP/1.1\r\nHost: x\r\n"
                + (type == null ? "" : "Content-Type: " + type + "\r\n")
                + "Origin: "
                + world.origin()
                + "\r\nContent-Length: "
                + bytes.length
                + "\r\nConnection: close\r\n\r\n"
                + body;
    }

    /** An HTTP/1.1 answer read off a raw socket, as a probe would send it. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static Answer raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", world.server.port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            String body;
            if (headers.containsKey("content-length")) {
                body =
                        new String(
                                in.readNBytes(Integer.parseInt(headers.get("content-length"))),
                                StandardCharsets.UTF_8);
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = chunked(in);
            } else if (status == 101 || status == 304 || status == 204) {
                body = "";
            } else {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Answer(status, headers, body);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            sb.append((char) c);
            if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                return sb.substring(0, sb.length() - 4);
            }
        }
        throw new IOException("connection closed in the head: " + sb);
    }

    private static String chunked(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c == -1) {
                    return out.toString(StandardCharsets.UTF_8);
                }
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int n = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (n == 0) {
                return out.toString(StandardCharsets.UTF_8);
            }
            out.write(in.readNBytes(n));
            in.readNBytes(2);
        }
    }
}
