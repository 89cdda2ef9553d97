package dev.worldmind.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worldmind.app.character.CharacterLibrary;
import dev.worldmind.app.tour.TourSettings;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.model.language.dialogue.ProviderKind;
import dev.worldmind.model.serve.BatchingOptions;
import dev.worldmind.server.WorldServer;
import dev.worldmind.server.config.ConfigKeys;
import dev.worldmind.server.config.EffectiveConfig;
import dev.worldmind.server.config.EffectiveConfig.Setting;
import dev.worldmind.server.config.JobsConfig;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.testing.ConfigSamples;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every documented key through {@code worldmind server}'s own path: the command line is parsed by
 * picocli into the server command's options, which load the file, the environment and the options
 * and start the world server (exactly what {@code worldmind server} does before it waits to be
 * stopped); each key then shows in the running server. Most are observed from outside, over HTTP or
 * in the database afterwards; the rest (the tick rate, trusted proxies, batching, the registry's
 * refresh, the LLM, the guide's tours and pace, the jobs' threads, the idle time) on the settings
 * the server was started with, because the server shows them nowhere else.
 */
class ConfigCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void everyDocumentedKeyTakesEffectInTheRunningServer() throws Exception {
        Path home = tmp.resolve("home");
        Path characters = Files.createDirectories(tmp.resolve("characters"));
        try (InputStream iris =
                CharacterLibrary.class.getResourceAsStream(
                        "/dev/worldmind/app/characters/iris.yaml")) {
            Files.copy(iris, characters.resolve("iris.yaml"));
        }
        int port = freePort();
        int managementPort = freePort();
        String database = "jdbc:h2:file:" + tmp.resolve("custom-db").resolve("world");
        Map<String, String> file = new TreeMap<>(ConfigSamples.values());
        file.remove("dialogue.api-key"); // the environment's only
        file.put("characters.dir", characters.toString());
        // these four are overridden below: by the environment, and by options
        file.put("server.tick-hz", "3");
        file.put("server.host", "127.0.0.9");
        file.put("database.url", "jdbc:h2:mem:never-used");
        file.put("management.port", "off");
        Path config = tmp.resolve("settings.properties");
        Files.writeString(
                config,
                file.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue() + "\n")
                        .collect(Collectors.joining()));
        Map<String, String> env =
                Map.of(
                        "WORLDMIND_DIALOGUE_API_KEY", "sk-test-secret",
                        "WORLDMIND_TICK_HZ", "7",
                        "WORLDMIND_HOME", "/nonexistent/ignored",
                        "WORLDMIND_JAVA_OPTS", "-Xmx1g");
        CommandLine cli = new CommandLine(new WorldmindCli());
        CommandLine.ParseResult parsed =
                cli.parseArgs(
                        "server",
                        "--home",
                        home.toString(),
                        "--config",
                        config.toString(),
                        "--host",
                        "127.0.0.2",
                        "--port",
                        Integer.toString(port),
                        "--database-url",
                        database,
                        "--management-port",
                        Integer.toString(managementPort));
        ServerCommand command = (ServerCommand) parsed.subcommand().commandSpec().userObject();
        command.serverOptions.env = env;

        WorldRunner.Opened opened =
                WorldRunner.open(command.serverOptions, command.homeOption.home());
        EffectiveConfig effective = opened.config();
        try (WorldServer server = opened.server()) {
            assertSources(effective, config);
            observeFromOutside(server, port, managementPort);
            observeOnTheSettings(effective.server(), effective.jobs(), characters, home);
        }
        // database.url, .user and .password: the server kept its accounts in that database,
        // which opens with those credentials and no others
        try (Connection c = DriverManager.getConnection(database, "operator", "s3cret-pw");
                ResultSet r =
                        c.createStatement()
                                .executeQuery(
                                        "SELECT COUNT(*) FROM accounts WHERE username = 'alice'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getInt(1)).isEqualTo(1);
        }
        assertThatThrownBy(() -> DriverManager.getConnection(database, "operator", "wrong").close())
                .isInstanceOf(SQLException.class);
    }

    private static void assertSources(EffectiveConfig effective, Path config) {
        Map<String, String> sources =
                effective.settings().stream()
                        .collect(Collectors.toMap(Setting::key, Setting::source));
        assertThat(sources.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        ConfigKeys.all().stream().map(ConfigKeys.Key::name).toList());
        assertThat(sources)
                .containsEntry("server.host", "option --host")
                .containsEntry("server.port", "option --port")
                .containsEntry("database.url", "option --database-url")
                .containsEntry("management.port", "option --management-port")
                .containsEntry("server.tick-hz", "environment WORLDMIND_TICK_HZ")
                .containsEntry("dialogue.api-key", "environment WORLDMIND_DIALOGUE_API_KEY")
                .containsEntry("tour.speed", "file " + config)
                .containsEntry("recommend.enabled", "file " + config);
        assertThat(sources.values()).doesNotContain("default");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A write as a signed-in browser page sends it: session cookie, CSRF token and origin. */
    private static HttpRequest.Builder signedIn(
            String url, String cookie, String csrf, String origin) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookie)
                .header("X-CSRF-Token", csrf)
                .header("Origin", origin);
    }

    private void observeFromOutside(WorldServer server, int port, int managementPort)
            throws Exception {
        // server.host and server.port (options): there, and not on 127.0.0.1
        String base = "http://127.0.0.2:" + port;
        assertThat(server.url()).startsWith(base);
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/health"))).statusCode())
                .isEqualTo(200);
        assertThatThrownBy(
                        () ->
                                send(
                                        HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + port
                                                                + "/api/health"))))
                .isInstanceOf(ConnectException.class);
        // management.port (option) and management.host (file)
        HttpResponse<String> metrics =
                send(
                        HttpRequest.newBuilder(
                                URI.create("http://127.0.0.3:" + managementPort + "/metrics")));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_");
        assertThat(server.managementPort()).hasValue(managementPort);

        // server.secure-cookies and session.absolute: the login cookie is Secure and lives 3 h
        HttpResponse<String> alice =
                send(
                        HttpRequest.newBuilder(URI.create(base + "/api/register"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"username\":\"alice\",\"password\":\"alice-password-long\"}")));
        assertThat(alice.statusCode()).as(alice.body()).isEqualTo(201);
        String setCookie = alice.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("Secure").contains("Max-Age=10800");
        JsonNode session = JSON.readTree(alice.body());
        assertThat(session.path("account").path("role").asText()).isEqualTo("visitor");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = session.path("csrfToken").asText();

        // accounts.registrations-per-address (1) and accounts.registration-window (PT2H)
        HttpResponse<String> bob =
                send(
                        HttpRequest.newBuilder(URI.create(base + "/api/register"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"username\":\"bob\",\"password\":\"bob-password-long\"}")));
        assertThat(bob.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(bob.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(3601L, 7200L);

        // recommend.enabled=false: the recommendations say they are switched off
        HttpResponse<String> recommendations =
                send(
                        HttpRequest.newBuilder(URI.create(base + "/api/recommendations"))
                                .header("Cookie", cookie));
        assertThat(recommendations.statusCode()).isEqualTo(503);
        assertThat(recommendations.body()).contains("switched off");

        // characters.dir: the folder's one character instead of the built-in five
        HttpResponse<String> people =
                send(
                        HttpRequest.newBuilder(URI.create(base + "/api/characters"))
                                .header("Cookie", cookie));
        assertThat(people.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(people.body()).path("characters")).hasSize(1);
        assertThat(people.body()).contains("Iris Calder");

        // serving.predict-role=visitor lets alice (a visitor) reach the registry (404: no such
        // model, not 403), and serving.max-request-bytes (64 KiB) refuses a 70 KB body
        String predict = base + "/api/models/nope/predict";
        HttpResponse<String> small =
                send(
                        signedIn(predict, cookie, csrf, "https://world.example.org")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"pixels\":[]}")));
        assertThat(small.statusCode()).as(small.body()).isEqualTo(404);
        HttpResponse<String> large =
                send(
                        signedIn(predict, cookie, csrf, "https://world.example.org")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(" ".repeat(70_000))));
        assertThat(large.statusCode()).as(large.body()).isEqualTo(413);

        // server.allowed-origins: a write from the configured origin passes the origin check,
        // one from elsewhere does not
        HttpResponse<String> evil =
                send(
                        signedIn(base + "/api/logout", cookie, csrf, "http://evil.example")
                                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(evil.statusCode()).isEqualTo(403);
        assertThat(evil.body()).contains("http://evil.example");
        HttpResponse<String> allowed =
                send(
                        signedIn(base + "/api/logout", cookie, csrf, "https://world.example.org")
                                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(allowed.statusCode()).as(allowed.body()).isBetween(200, 299);
    }

    private static void observeOnTheSettings(
            ServerConfig c, JobsConfig jobs, Path characters, Path home) {
        assertThat(c.tickHz()).isEqualTo(7);
        assertThat(c.trustedProxies()).containsExactly("192.0.2.10", "198.51.100.0/24");
        assertThat(c.allowedOrigins())
                .containsExactly("https://world.example.org", "http://127.0.0.2:9");
        assertThat(c.sessionIdle()).isEqualTo(Duration.ofMinutes(7));
        assertThat(c.accounts().registrationWindow()).isEqualTo(Duration.ofHours(2));
        assertThat(c.recommend().enabled()).isFalse();
        assertThat(c.tour().enabled()).isFalse();
        assertThat(c.tour().guide())
                .isEqualTo(
                        new TourSettings(
                                3.5,
                                TourSettings.defaults().dwell(),
                                TourSettings.defaults().patience(),
                                TourSettings.defaults().near()));
        assertThat(c.serving().batching())
                .isEqualTo(
                        new BatchingOptions(
                                16, Duration.ofMillis(7), 2, 64, Duration.ofSeconds(9)));
        assertThat(c.serving().predictRole()).isEqualTo(Role.VISITOR);
        assertThat(c.serving().refresh()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.serving().models()).contains(home.resolve("models"));
        var d = c.language().dialogue();
        assertThat(d.provider()).isEqualTo(ProviderKind.OPENAI);
        assertThat(d.baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
        assertThat(d.model()).isEqualTo("tiny-test-model");
        assertThat(d.apiKey()).isEqualTo("sk-test-secret");
        assertThat(d.temperature()).isEqualTo(0.3);
        assertThat(d.maxTokens()).isEqualTo(99);
        assertThat(d.firstTokenTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.totalTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(d.memoryTurns()).isEqualTo(4);
        assertThat(d.retrievalK()).isEqualTo(5);
        assertThat(c.language().characters()).isEqualTo(Optional.of(characters));
        assertThat(c.language().home()).contains(home);
        assertThat(jobs.threadsIdle()).isEqualTo(17);
        assertThat(jobs.threadsBusy()).isEqualTo(13);
    }

    @Test
    void configPrintsEachKeyWithItsValueAndSourceAndMasksSecrets() throws Exception {
        Path home = tmp.resolve("home2");
        Files.createDirectories(home);
        Files.writeString(
                home.resolve("worldmind.properties"),
                "database.password=hunter2-secret\nserver.tick-hz=9\n"
                        + "database.url=jdbc:postgresql://db/w?user=w&password=pw-in-url\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                WorldmindCli.run(
                        new String[] {"config", "--home", home.toString(), "--port", "9321"},
                        new PrintWriter(out),
                        new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        String file = "file " + home.resolve("worldmind.properties");
        Map<String, String> rows =
                out.toString()
                        .lines()
                        .filter(l -> l.matches("[a-z]+\\.[a-z.-]+ .*"))
                        .collect(Collectors.toMap(l -> l.split("\\s+")[0], l -> l));
        assertThat(rows.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        ConfigKeys.all().stream().map(ConfigKeys.Key::name).toList());
        assertThat(rows.get("server.port")).matches("server\\.port +9321 +option --port");
        assertThat(rows.get("server.tick-hz"))
                .matches("server\\.tick-hz +9 +" + Pattern.quote(file));
        assertThat(rows.get("server.host")).matches("server\\.host +127\\.0\\.0\\.1 +default");
        assertThat(rows.get("database.password")).matches("database\\.password +\\*\\*\\*\\* +.*");
        assertThat(out.toString()).doesNotContain("hunter2-secret").doesNotContain("pw-in-url");

        Files.writeString(home.resolve("worldmind.properties"), "server.prot=8080\n");
        StringWriter err2 = new StringWriter();
        int refused =
                WorldmindCli.run(
                        new String[] {"config", "--home", home.toString()},
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err2));
        assertThat(refused).isEqualTo(1);
        assertThat(err2.toString()).contains("unknown key 'server.prot'").contains("server.port");

        StringWriter docs = new StringWriter();
        WorldmindCli.run(
                new String[] {"config", "--docs", "--home", home.toString()},
                new PrintWriter(docs),
                new PrintWriter(new StringWriter()));
        assertThat(Files.readString(Path.of("../docs/configuration.md"))).contains(docs.toString());
        assertThat(List.of(docs.toString().split("\n"))).hasSize(ConfigKeys.all().size() + 2);
    }
}
