package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.data.catalog.Mnist;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.data.image.Normalization;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.serve.BatchingOptions;
import dev.worldmind.model.train.ClassifierTrainer;
import dev.worldmind.model.train.EngineInfo;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.train.TrainingFixtures;
import dev.worldmind.model.train.TrainingListener;
import dev.worldmind.model.vision.ArchitectureSpec;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.model.vision.ImageShape;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.testing.TestHome;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model-serving API on a real server with real DJL models trained on a slice of MNIST. */
class ModelServingIT {
    @TempDir static Path tmp;

    static ModelRegistry registry;
    static TestWorld world;
    static String adminToken;
    static ImageSet probe;
    static float[][] expected;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void trainAndServe() {
        TestHome.get();
        registry = new ModelRegistry(tmp.resolve("models"));
        TrainingConfig config = TrainingFixtures.oneEpoch(Architectures.KERAS_CNN);
        ImageSet train = TestHome.mnist().train().head(3000);
        probe = TestHome.mnist().test().head(64);
        ModelManifest draft = draft(config);
        try (ImageClassifier c =
                ImageClassifier.create(
                        draft.architecture(), draft.classes(), draft.normalization(), 7)) {
            new ClassifierTrainer(config, tmp.resolve("run"), new TrainingListener() {})
                    .fit(c, train, train.head(0));
            expected = c.probabilities(probe);
            registry.register(c, draft, dir -> {});
            registry.register(c, draft, dir -> {});
        }
        world = serve(BatchingOptions.DEFAULT);
        adminToken = token(world, "admin", world.adminPassword);
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    static ModelManifest draft(TrainingConfig config) {
        Instant now = Instant.now();
        return ModelManifest.draft(
                "digits",
                ModelManifest.IMAGE_CLASSIFIER,
                new ArchitectureSpec(config.architecture(), ImageShape.MNIST, 10),
                Mnist.CLASSES,
                new Normalization(0.1307f, 0.3081f),
                Map.of(),
                new Provenance(
                        config.toMap(),
                        config.seed(),
                        new Provenance.DatasetRef("mnist", Mnist.SPEC.contentHash(), "3000"),
                        "test",
                        RuntimeInfo.current(EngineInfo.libraries()),
                        now,
                        now,
                        Map.of()));
    }

    static TestWorld serve(BatchingOptions batching) {
        ServerConfig config =
                ServerConfig.defaults()
                        .with("server.port", 0)
                        .with("management.port", 0)
                        .with("serving.models", registry.root())
                        .with("serving.batching", batching)
                        .with("serving.refresh", Duration.ofMillis(200));
        return new TestWorld(
                config,
                DatabaseConfig.h2File(tmp.resolve("db-" + System.nanoTime())),
                Clock.systemUTC());
    }

    static String token(TestWorld w, String user, String password) {
        HttpResponse<String> r =
                w.user()
                        .send(
                                "POST",
                                "/api/tokens",
                                Map.of("username", user, "password", password),
                                Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestWorld.json(r).path("token").asText();
    }

    static String instances(int from, int count) {
        return instances(probe, from, count);
    }

    /**
     * A predict request's body, {@code {"instances": [...]}}, with images of a set.
     *
     * @param images the images
     * @param from the first image
     * @param count how many
     */
    static String instances(ImageSet images, int from, int count) {
        StringBuilder b = new StringBuilder("{\"instances\":[");
        float[] image = new float[images.imageSize()];
        for (int i = 0; i < count; i++) {
            images.copyImage(from + i, image, 0);
            b.append(i == 0 ? "[" : ",[");
            for (int k = 0; k < image.length; k++) {
                b.append(k == 0 ? "" : ",").append(image[k]);
            }
            b.append(']');
        }
        return b.append("]}").toString();
    }

    static HttpResponse<String> post(
            TestWorld w, String path, String token, String type, byte[] body) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(w.uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> predict(TestWorld w, String token, String json) {
        return post(w, "/api/models/digits/predict", token, "application/json", json.getBytes());
    }

    @Test
    void predictsFromJsonWithTheRegisteredModelsNumbers() {
        HttpResponse<String> r = predict(world, adminToken, instances(0, 8));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = TestWorld.json(r);
        assertThat(body.path("model").asText()).isEqualTo("digits");
        assertThat(body.path("version").asInt()).isEqualTo(2);
        for (int i = 0; i < 8; i++) {
            JsonNode p = body.path("predictions").get(i).path("probabilities");
            for (int c = 0; c < 10; c++) {
                assertThat(p.get(c).floatValue())
                        .isCloseTo(expected[i][c], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void acceptsTheTensorFormAndAnExplicitVersion() {
        String flat = instances(0, 2).replace("{\"instances\":[[", "").replace("]]}", "");
        String json = "{\"shape\":[2,1,28,28],\"data\":[" + flat.replace("],[", ",") + "]}";
        HttpResponse<String> r =
                post(
                        world,
                        "/api/models/digits/versions/1/predict",
                        adminToken,
                        "application/json",
                        json.getBytes());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(TestWorld.json(r).path("version").asInt()).isEqualTo(1);
        assertThat(TestWorld.json(r).path("predictions")).hasSize(2);
    }

    @Test
    void classifiesUploadedPicturesEitherWayRound() throws IOException {
        float[] image = new float[probe.imageSize()];
        probe.copyImage(3, image, 0);
        int want = argmax(expected[3]);
        for (boolean dark : new boolean[] {false, true}) {
            BufferedImage png = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            for (int i = 0; i < image.length; i++) {
                int v = Math.round(image[i] * 255);
                png.getRaster().setSample(i % 28, i / 28, 0, dark ? 255 - v : v);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(png, "png", out);

            HttpResponse<String> r =
                    post(
                            world,
                            "/api/models/digits/predict",
                            adminToken,
                            "image/png",
                            out.toByteArray());

            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(TestWorld.json(r).path("predictions").get(0).path("index").asInt())
                    .as("dark strokes on white: %s", dark)
                    .isEqualTo(want);
        }
    }

    @Test
    void refusesCallersWithoutTheRole() {
        assertThat(predict(world, null, instances(0, 1)).statusCode()).isEqualTo(401);
        assertThat(predict(world, "not-a-token", instances(0, 1)).statusCode()).isEqualTo(401);
        TestWorld.User visitor = world.user();
        assertThat(visitor.register("visitor1", "visitor1-password").statusCode()).isEqualTo(201);
        String token = token(world, "visitor1", "visitor1-password");

        HttpResponse<String> r = predict(world, token, instances(0, 1));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("creator");
    }

    @Test
    void answersBadModelNamesWithAClearErrorNotAnInternalOne() {
        // A stranger's probe got 500 for these (the registry's name check was not a refusal).
        for (String name : new String[] {"Digits", "a%20b", "a:b", "..%2Fx", "x".repeat(65)}) {
            HttpResponse<String> r =
                    post(
                            world,
                            "/api/models/" + name + "/predict",
                            adminToken,
                            "application/json",
                            instances(0, 1).getBytes());
            assertThat(r.statusCode()).as(name + ": " + r.body()).isBetween(400, 404);
            assertThat(TestWorld.json(r).path("error").asText()).as(name).isNotEqualTo("internal");
        }
    }

    @Test
    void explainsMalformedInput() throws IOException {
        Map<String, String> cases =
                Map.of(
                        "{\"instances\": [[0.1, 0.2",
                        "malformed JSON",
                        "{\"instances\": [[0.1, 0.2]]}",
                        "instance 0 has 2 values; the model takes 1x28x28 = 784",
                        "[1, 2]",
                        "must be a JSON object",
                        "{\"instances\": [[\"a\"]]}",
                        "only numbers",
                        "{\"shape\": [1, 3, 28, 28], \"data\": [0.5]}",
                        "\"shape\" must be [n, 1, 28, 28]",
                        "{}",
                        "no images");
        cases.forEach(
                (body, message) -> {
                    HttpResponse<String> r = predict(world, adminToken, body);
                    assertThat(r.statusCode()).as(body).isEqualTo(400);
                    assertThat(TestWorld.json(r).path("message").asText())
                            .as(body)
                            .contains(message);
                });
        String outOfRange = instances(0, 1).replaceFirst("\\[\\[0\\.0", "[[3.5");
        assertThat(predict(world, adminToken, outOfRange).body()).contains("must be in [0, 1]");
        assertThat(
                        post(
                                        world,
                                        "/api/models/digits/predict",
                                        adminToken,
                                        "text/plain",
                                        "7".getBytes())
                                .statusCode())
                .isEqualTo(415);
        assertThat(
                        post(
                                        world,
                                        "/api/models/digits/predict",
                                        adminToken,
                                        "image/png",
                                        "not a png".getBytes())
                                .body())
                .contains("not a PNG");
        assertThat(
                        post(
                                        world,
                                        "/api/models/nothing/predict",
                                        adminToken,
                                        "application/json",
                                        instances(0, 1).getBytes())
                                .statusCode())
                .isEqualTo(404);
        // Refused by its declared length, before a byte of it is read: a client that asks first
        // (Expect: 100-continue) gets the refusal without sending the body.
        assertThat(declaring(world, "/api/models/digits/predict", adminToken, 5 << 20))
                .startsWith("HTTP/1.1 413");
    }

    /**
     * Sends only the headers of a request that declares a body of this length and asks before
     * sending it (Expect: 100-continue); the first status line answered.
     */
    private static String declaring(TestWorld w, String path, String token, long length)
            throws IOException {
        java.net.URI uri = w.uri(path);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            String head =
                    "POST "
                            + path
                            + " HTTP/1.1\r\nHost: "
                            + uri.getHost()
                            + ":"
                            + uri.getPort()
                            + "\r\nAuthorization: Bearer "
                            + token
                            + "\r\nContent-Type: application/json\r\nExpect: 100-continue"
                            + "\r\nContent-Length: "
                            + length
                            + "\r\n\r\n";
            socket.getOutputStream()
                    .write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new java.io.BufferedReader(
                            new java.io.InputStreamReader(
                                    socket.getInputStream(),
                                    java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    @Test
    void overloadAnswers503AndTheServerRecovers() throws Exception {
        // Room for one 4-image request in the queue, one image per forward pass.
        BatchingOptions tight = new BatchingOptions(1, Duration.ZERO, 1, 4, Duration.ofSeconds(5));
        try (TestWorld small = serve(tight)) {
            String token = token(small, "admin", small.adminPassword);
            String body = instances(0, 4);
            ExecutorService pool = Executors.newFixedThreadPool(32);
            try {
                List<Future<HttpResponse<String>>> calls = new ArrayList<>();
                for (int i = 0; i < 256; i++) {
                    calls.add(pool.submit(() -> predict(small, token, body)));
                }
                int ok = 0;
                int overloaded = 0;
                for (Future<HttpResponse<String>> f : calls) {
                    HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
                    if (r.statusCode() == 200) {
                        ok++;
                    } else {
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
                        overloaded++;
                    }
                }
                assertThat(overloaded).isPositive();
                assertThat(ok).isPositive();
            } finally {
                pool.shutdownNow();
            }
            assertThat(predict(small, token, body).statusCode()).isEqualTo(200);
            String metrics = metrics(small);
            assertThat(metrics)
                    .contains(
                            "worldmind_serving_errors_total{model=\"digits\",reason=\"overload\"");
        }
    }

    @Test
    void hotReloadAndRollbackUnderTrafficLoseNoRequest() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Set<Integer> versions = ConcurrentHashMap.newKeySet();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        String body = instances(0, 1);
        List<Future<Integer>> clients = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            clients.add(
                    pool.submit(
                            () -> {
                                int n = 0;
                                while (running.get()) {
                                    HttpResponse<String> r = predict(world, adminToken, body);
                                    if (r.statusCode() != 200) {
                                        failures.add(r.statusCode() + " " + r.body());
                                    } else {
                                        versions.add(TestWorld.json(r).path("version").asInt());
                                    }
                                    n++;
                                }
                                return n;
                            }));
        }
        try {
            Thread.sleep(300);
            // A new version is registered: the server follows "latest" by itself.
            try (ImageClassifier c = registry.loadClassifier("digits:2")) {
                registry.register(c, registry.get("digits:2"), dir -> {});
            }
            awaitVersion(3);
            // Promote v1 to stable, then v3, then roll back to v1.
            assertThat(admin("PUT", "/api/models/digits/aliases/stable", "{\"version\":1}"))
                    .isEqualTo(200);
            awaitVersion(1);
            assertThat(admin("PUT", "/api/models/digits/aliases/stable", "{\"version\":3}"))
                    .isEqualTo(200);
            awaitVersion(3);
            assertThat(admin("POST", "/api/models/digits/rollback", "{}")).isEqualTo(200);
            awaitVersion(1);
        } finally {
            running.set(false);
        }
        int total = 0;
        for (Future<Integer> f : clients) {
            total += f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(failures).isEmpty();
        assertThat(versions).contains(1, 2, 3);
        assertThat(total).isGreaterThan(20);
        // Leave the default as the other tests expect it.
        registry.delete("digits:3");
        java.nio.file.Files.delete(registry.root().resolve("digits").resolve("aliases.json"));
        admin("POST", "/api/models/refresh", "{}");
    }

    private static void awaitVersion(int version) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            HttpResponse<String> r = predict(world, adminToken, instances(0, 1));
            if (r.statusCode() == 200 && TestWorld.json(r).path("version").asInt() == version) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server never switched to version " + version);
    }

    private static int admin(String method, String path, String json) {
        HttpRequest r =
                HttpRequest.newBuilder(world.uri(path))
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build();
        try {
            return HTTP.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reportsHealthModelsAndMetrics() {
        assertThat(get(world, "/health/live").statusCode()).isEqualTo(200);
        assertThat(get(world, "/health/ready").body()).contains("ready");
        predict(world, adminToken, instances(0, 2));
        String metrics = metrics(world);
        assertThat(metrics)
                .contains("worldmind_serving_latency_seconds_bucket")
                .contains("worldmind_serving_batch_size_images")
                .contains("worldmind_serving_queue_depth_images")
                .contains("model=\"digits\"");
        HttpResponse<String> models =
                world.user()
                        .send(
                                "GET",
                                "/api/models",
                                null,
                                Map.of("Authorization", "Bearer " + adminToken));
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(TestWorld.json(models).path("models").get(0).path("name").asText())
                .isEqualTo("digits");
    }

    /** The meters, from the management port (the public port does not serve them). */
    static String metrics(TestWorld w) {
        assertThat(get(w, "/metrics").statusCode()).isEqualTo(404);
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(
                                            java.net.URI.create(
                                                    "http://127.0.0.1:"
                                                            + w.server
                                                                    .managementPort()
                                                                    .orElseThrow()
                                                            + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(TestWorld w, String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(w.uri(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The Open Inference Protocol, spoken by a client written from the protocol's text in Python's
     * standard library (src/test/resources/oip/oip_client.py), not by our own code: metadata, JSON
     * and binary inference, classification, and the mistakes clients make.
     */
    @Test
    void speaksTheOpenInferenceProtocolToAPythonClient() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                pythonPresent(),
                "python3 is not installed (.ci/run installs it): the OIP client is a Python script");
        int n = 4;
        java.nio.ByteBuffer raw =
                java.nio.ByteBuffer.allocate(n * probe.imageSize() * Float.BYTES)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        float[] image = new float[probe.imageSize()];
        for (int i = 0; i < n; i++) {
            probe.copyImage(i, image, 0);
            for (float v : image) {
                raw.putFloat(v);
            }
        }
        Path pixels = java.nio.file.Files.write(tmp.resolve("oip-pixels.bin"), raw.array());
        Path client = tmp.resolve("oip_client.py");
        try (var in = ModelServingIT.class.getResourceAsStream("/oip/oip_client.py")) {
            java.nio.file.Files.copy(in, client, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Process python =
                new ProcessBuilder(
                                "python3",
                                client.toString(),
                                world.uri("/").toString().replaceAll("/$", ""),
                                adminToken,
                                "digits",
                                pixels.toString(),
                                Integer.toString(n))
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
        String out =
                new String(
                        python.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
        assertThat(python.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(python.exitValue()).as(out).isZero();
        com.fasterxml.jackson.databind.JsonNode report =
                dev.worldmind.core.json.Json.mapper().readTree(out);

        assertThat(report.at("/live/1/live").asBoolean()).isTrue();
        assertThat(report.at("/ready/0").asInt()).isEqualTo(200);
        assertThat(report.at("/metadata/0").asInt()).isEqualTo(200);
        assertThat(report.at("/metadata/1/inputs/0/name").asText()).isEqualTo("input");
        assertThat(report.at("/metadata/1/inputs/0/datatype").asText()).isEqualTo("FP32");
        assertThat(report.at("/metadata/1/inputs/0/shape").toString()).isEqualTo("[-1,1,28,28]");
        assertThat(report.at("/metadata/1/outputs/0/shape").toString()).isEqualTo("[-1,10]");
        assertThat(report.at("/metadata/1/versions").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(report.at("/model_ready/1/ready").asBoolean()).isTrue();

        // JSON tensors in, JSON out; binary in, binary out: both the probabilities of the model.
        assertThat(report.at("/json/0").asInt()).as(report.get("json").toString()).isEqualTo(200);
        assertThat(report.at("/json/1/id").asText()).isEqualTo("json-1");
        assertThat(report.at("/json/1/outputs/0/shape").toString()).isEqualTo("[4,10]");
        assertThat(report.at("/binary/0").asInt()).isEqualTo(200);
        assertThat(report.at("/binary/1/model_version").asText()).isEqualTo("1");
        assertThat(report.at("/binary/1/outputs/0/parameters/binary_data_size").asInt())
                .isEqualTo(160);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 10; c++) {
                assertThat(report.at("/json/1/outputs/0/data/" + (i * 10 + c)).floatValue())
                        .isCloseTo(expected[i][c], org.assertj.core.api.Assertions.within(1e-4f));
                assertThat(report.at("/binary/2/" + (i * 10 + c)).floatValue())
                        .isCloseTo(expected[i][c], org.assertj.core.api.Assertions.within(1e-4f));
            }
            // Classification: the top class first, as "score:index:label".
            int top = 0;
            for (int c = 1; c < 10; c++) {
                top = expected[i][c] > expected[i][top] ? c : top;
            }
            assertThat(report.at("/classification/1/outputs/0/data/" + (i * 3)).asText())
                    .endsWith(":" + top + ":" + top);
        }
        assertThat(report.at("/classification/1/outputs/0/shape").toString()).isEqualTo("[4,3]");
        assertThat(report.at("/classification/1/outputs/0/datatype").asText()).isEqualTo("BYTES");

        // Every mistake is a clear protocol error: {"error": "..."} with the fitting status.
        var m = report.get("mistakes");
        assertThat(m.at("/unknown_model/0").asInt()).isEqualTo(404);
        assertThat(m.at("/unknown_model/1/error").asText()).contains("no-such-model");
        assertThat(m.at("/unknown_version/0").asInt()).isEqualTo(404);
        assertThat(m.at("/unknown_version/1/error").asText())
                .contains("has no version 99")
                .doesNotContain(registry.root().toString()); // no server paths to clients
        assertThat(m.at("/wrong_datatype/0").asInt()).isEqualTo(400);
        assertThat(m.at("/wrong_datatype/1/error").asText()).contains("FP32").contains("INT64");
        assertThat(m.at("/wrong_shape/1/error").asText()).contains("[n, 1, 28, 28]");
        assertThat(m.at("/wrong_size/1/error").asText()).contains("binary_data_size is 100");
        assertThat(m.at("/truncated/1/error").asText())
                .contains("binary data ends after 1000 bytes");
        assertThat(m.at("/unknown_input/1/error").asText())
                .contains("unexpected inference input 'pixels'");
        assertThat(m.at("/bad_header_length/0").asInt()).isEqualTo(400);
        assertThat(m.at("/bad_header_length/1/error").asText())
                .contains("Inference-Header-Content-Length");

        // A script's token with the predict scope may infer; one with read only may not.
        TestWorld.User admin = world.user().admin();
        String body =
                "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,784],\"datatype\":\"FP32\",\"data\":"
                        + java.util.Arrays.toString(new float[784])
                        + "}]}";
        for (String scope : List.of("predict", "read")) {
            HttpResponse<String> t =
                    admin.call(
                            "POST",
                            "/api/tokens",
                            Map.of("scopes", List.of(scope), "name", "oip " + scope));
            assertThat(t.statusCode()).as(t.body()).isEqualTo(201);
            String token = TestWorld.json(t).path("token").asText();
            HttpResponse<String> r =
                    post(
                            world,
                            "/v2/models/digits/infer",
                            token,
                            "application/json",
                            body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(r.statusCode())
                    .as(scope + ": " + r.body())
                    .isEqualTo(scope.equals("predict") ? 200 : 403);
        }
    }

    private static boolean pythonPresent() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
