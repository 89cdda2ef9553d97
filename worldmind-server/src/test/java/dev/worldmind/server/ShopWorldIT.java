package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.app.design.GalleryFixtures;
import dev.worldmind.app.shop.ShopFixtures;
import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.testing.TestDatabases;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Garment recognition and try-on in a real server: the REST route with its refusals, the shop
 * assistant's line, and outfits seen by everyone in the instance.
 */
class ShopWorldIT {
    @TempDir static Path dir;
    static TestWorld world;
    static TrainTest data;
    static JsonNode notTrained;

    @BeforeAll
    static void start() {
        data = ShopFixtures.fashion();
        Path models = dir.resolve("models");
        ServerConfig config =
                ServerConfig.defaults()
                        .with("server.port", 0)
                        .with("serving.models", models)
                        // The characters are on (the shop's assistant speaks); their models load
                        // in the background and are not needed here.
                        .with("language.home", dev.worldmind.testing.TestHome.get().root());
        GalleryFixtures.registerGenerators(new ModelRegistry(models));
        world = new TestWorld(config, TestDatabases.h2(dir.resolve("db")), Clock.systemUTC());
        // Before the classifier is trained the shop says how to train it.
        TestWorld.User early = world.user().enter("early_bird");
        HttpResponse<String> r = upload(early, ShopFixtures.upload(data, 0, 56), "image/png");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        notTrained = TestWorld.json(r);
        ShopFixtures.registerClassifier(new ModelRegistry(models), data, 8000, dir.resolve("run"));
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void saysHowToTrainTheClassifierUntilItIsThereThenFindsIt() throws InterruptedException {
        assertThat(notTrained.path("error").asText()).isEqualTo("not_trained");
        assertThat(notTrained.path("message").asText())
                .contains("./worldmind train --dataset fashion-mnist");
        TestWorld.User u = world.user().enter("late_bird");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> r;
        do {
            Thread.sleep(500);
            r = upload(u, ShopFixtures.upload(data, 1, 56), "image/png");
        } while (r.statusCode() == 503 && System.nanoTime() < deadline);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode garments = TestWorld.json(u.call("GET", "/api/shop/garments", null));
        assertThat(garments.path("recognizer").path("ready").asBoolean()).isTrue();
        assertThat(garments.path("garments")).hasSize(30);
        assertThat(garments.path("garments").get(0).path("picture").asText())
                .startsWith("data:image/png;base64,");
        HttpResponse<String> png = u.call("GET", "/api/shop/garments/cotton-tee.png", null);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        assertThat(u.call("GET", "/api/shop/garments/ceramic-mug.png", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void recognisesAnUploadAndTheAssistantNamesIt() throws InterruptedException {
        TestWorld.User ann = world.user().enter("ann_shop");
        try (WsClient ws = ann.socket()) {
            ws.join("shop");
            JsonNode body = recognise(ann, ShopFixtures.upload(data, 3, 112));
            assertThat(body.path("category").asText())
                    .isIn(dev.worldmind.data.catalog.FashionMnist.CLASSES);
            assertThat(body.path("top")).hasSize(3);
            assertThat(body.path("top").get(0).path("category").asText())
                    .isEqualTo(body.path("category").asText());
            assertThat(body.path("probability").asDouble()).isBetween(0.1, 1.0);
            assertThat(body.path("image").asText()).startsWith("data:image/png;base64,");
            assertThat(body.path("similar")).hasSize(6);
            JsonNode first = body.path("similar").get(0);
            assertThat(first.path("id").asText()).isNotEmpty();
            assertThat(first.path("price").asDouble()).isPositive();
            assertThat(first.path("picture").asText()).startsWith("data:image/png;base64,");
            assertThat(first.path("similarity").asDouble())
                    .isGreaterThanOrEqualTo(
                            body.path("similar").get(5).path("similarity").asDouble());
            assertThat(body.path("upload").path("id").asText()).hasSizeGreaterThan(10);
            JsonNode says = ws.await("says");
            assertThat(says.path("character").asText()).isEqualTo("mina");
            assertThat(says.path("text").asText())
                    .startsWith("That looks like")
                    .isEqualTo(body.path("says").asText());
            JsonNode explanation = body.path("explanation");
            assertThat(explanation.isObject())
                    .as(body.path("explanationProblem").asText())
                    .isTrue();
            assertThat(explanation.path("method").asText()).isEqualTo("grad-cam");
            assertThat(explanation.path("heatmap")).hasSize(784);
        }
    }

    @Test
    void refusesOversizedCorruptAndForeignUploadsClearly() throws IOException {
        TestWorld.User bob = world.user().enter("bob_shop");
        // Refused before it is read, yet answered: the server drops the rest of the body first.
        for (int mib : new int[] {3, 7}) {
            HttpResponse<String> big = upload(bob, new byte[mib << 20], "image/png");
            assertThat(big.statusCode()).isEqualTo(413);
            assertThat(TestWorld.json(big).path("message").asText()).contains("2 MiB");
        }
        byte[] png = ShopFixtures.upload(data, 4, 56);
        HttpResponse<String> cut =
                upload(bob, java.util.Arrays.copyOf(png, png.length / 3), "image/png");
        assertThat(cut.statusCode()).isEqualTo(400);
        assertThat(TestWorld.json(cut).path("message").asText()).contains("damaged");
        HttpResponse<String> text =
                upload(bob, "hello".getBytes(StandardCharsets.UTF_8), "image/png");
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(TestWorld.json(text).path("message").asText()).contains("not a picture");
        HttpResponse<String> json =
                upload(bob, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(json.statusCode()).isEqualTo(415);
        HttpResponse<String> bomb = upload(bob, pngHeader(50_000, 50_000), "image/png");
        assertThat(bomb.statusCode()).isEqualTo(400);
        assertThat(TestWorld.json(bomb).path("message").asText()).contains("4096");
        TestWorld.User stranger = world.user();
        assertThat(upload(stranger, png, "image/png").statusCode()).isEqualTo(401);
        TestWorld.User noCsrf = world.user().enter("no_csrf");
        noCsrf.csrf = null;
        assertThat(upload(noCsrf, png, "image/png").statusCode()).isEqualTo(403);
    }

    @Test
    void everyoneInTheInstanceSeesWhatAnAvatarTriesOnAndLateJoinersToo() {
        TestWorld.User cat = world.user().enter("cat_shop");
        TestWorld.User dan = world.user().enter("dan_shop");
        TestWorld.User eve = world.user().enter("eve_shop");
        try (WsClient a = cat.socket();
                WsClient b = dan.socket()) {
            a.await("welcome");
            a.send(
                    Map.of(
                            "type",
                            "try_on",
                            "garment",
                            Map.of("kind", "product", "id", "cotton-tee")));
            assertThat(a.await("error").path("code").asText()).isEqualTo("not_in_space");
            a.send(Map.of("type", "join", "space", "shop"));
            a.await("joined");
            b.join("shop");
            a.send(
                    Map.of(
                            "type",
                            "try_on",
                            "garment",
                            Map.of("kind", "product", "id", "wool-coat")));
            JsonNode seen = b.await("outfit", m -> m.path("id").asLong() == cat.id);
            assertThat(seen.path("outfit").path("name").asText()).isEqualTo("Wool overcoat");
            assertThat(seen.path("outfit").path("category").asText()).isEqualTo("Coat");
            assertThat(seen.path("outfit").path("source").asText()).isEqualTo("product");
            assertThat(seen.path("outfit").path("picture").asText()).startsWith("data:image/png");
            a.await("outfit", m -> m.path("id").asLong() == cat.id);

            try (WsClient c = eve.socket()) {
                JsonNode joined = c.join("shop");
                JsonNode catThere = null;
                for (JsonNode o : joined.path("others")) {
                    if (o.path("id").asLong() == cat.id) {
                        catThere = o;
                    }
                }
                assertThat(catThere).isNotNull();
                assertThat(catThere.path("outfit").path("id").asText()).isEqualTo("wool-coat");
            }

            String token =
                    recognise(cat, ShopFixtures.upload(data, 5, 84))
                            .path("upload")
                            .path("id")
                            .asText();
            a.send(Map.of("type", "try_on", "garment", Map.of("kind", "upload", "id", token)));
            JsonNode upload =
                    b.await(
                            "outfit",
                            m -> m.path("outfit").path("source").asText().equals("upload"));
            assertThat(upload.path("outfit").has("id")).isFalse(); // the token stays private
            assertThat(upload.path("outfit").path("name").asText()).startsWith("Your ");

            // Someone else's upload, unknown products and malformed messages are refused.
            b.send(Map.of("type", "try_on", "garment", Map.of("kind", "upload", "id", token)));
            assertThat(b.await("error").path("code").asText()).isEqualTo("not_found");
            b.send(
                    Map.of(
                            "type",
                            "try_on",
                            "garment",
                            Map.of("kind", "product", "id", "ceramic-mug")));
            JsonNode unknown = b.await("error");
            assertThat(unknown.path("code").asText()).isEqualTo("not_found");
            assertThat(unknown.path("message").asText()).contains("ceramic-mug");
            b.send(Map.of("type", "try_on"));
            assertThat(b.await("error").path("code").asText()).isEqualTo("bad_message");
            b.send(Map.of("type", "try_on", "garment", Map.of("kind", "hat", "id", "x")));
            JsonNode kind = b.await("error");
            assertThat(kind.path("code").asText()).isEqualTo("bad_message");
            assertThat(kind.path("message").asText()).contains("product").contains("upload");
            b.send(Map.of("type", "try_on", "garment", Map.of("kind", "product", "id", "")));
            assertThat(b.await("error").path("code").asText()).isEqualTo("bad_message");
            b.send(Map.of("type", "try_on", "garment", "cotton-tee"));
            assertThat(b.await("error").path("ref").asText()).isEqualTo("try_on");

            a.send(Map.of("type", "take_off"));
            JsonNode off =
                    b.await(
                            "outfit",
                            m -> m.path("id").asLong() == cat.id && m.path("outfit").isNull());
            assertThat(off.path("outfit").isNull()).isTrue();
            a.send(Map.of("type", "try_on", "garment", Map.of("kind", "product", "id", "jeans")));
            b.await("outfit", m -> m.path("outfit").path("id").asText().equals("jeans"));
            // Leaving ends the outfit: back in the space, the avatar wears nothing.
            a.send(Map.of("type", "join", "space", "plaza"));
            a.await("joined");
            a.send(Map.of("type", "join", "space", "shop"));
            JsonNode again = a.await("joined");
            assertThat(again.path("self").has("outfit")).isFalse();
        }
    }

    @Test
    void theShopAndTheMuseumShowGeneratedWorksAndGarmentDesignsCanBeWorn()
            throws InterruptedException {
        TestWorld.User fay = world.user().enter("fay_shop");
        TestWorld.User gus = world.user().enter("gus_shop");
        HttpResponse<String> r;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            r = fay.call("GET", "/api/designs/shop", null);
            if (r.statusCode() == 503) {
                Thread.sleep(300);
            }
        } while (r.statusCode() == 503 && System.nanoTime() < deadline);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode shop = TestWorld.json(r);
        assertThat(shop.path("designs")).hasSize(10);
        JsonNode first = shop.path("designs").get(0);
        assertThat(first.path("id").asText()).isEqualTo("fashion-gan:1/0/0");
        assertThat(first.path("requested").asText()).isEqualTo("T-shirt/top");
        assertThat(first.path("wearable").asBoolean()).isTrue();
        assertThat(first.path("png").asText()).startsWith("data:image/png;base64,");
        // Labelled by the registered fashion-cnn.
        assertThat(first.path("category").asText())
                .isIn(dev.worldmind.data.catalog.FashionMnist.CLASSES);
        assertThat(first.path("confidence").asDouble()).isBetween(0.0, 1.0);
        JsonNode next = TestWorld.json(fay.call("GET", "/api/designs/shop?batch=1", null));
        assertThat(next.path("designs").get(0).path("png").asText())
                .isNotEqualTo(first.path("png").asText());

        JsonNode museum = TestWorld.json(fay.call("GET", "/api/designs/museum", null));
        assertThat(museum.path("designs")).hasSize(12);
        JsonNode digit = museum.path("designs").get(6);
        assertThat(digit.path("generator").asText()).isEqualTo("mnist-gan:1");
        assertThat(digit.path("wearable").asBoolean()).isFalse();

        assertThat(fay.call("GET", "/api/designs/clinic", null).statusCode()).isEqualTo(404);
        assertThat(fay.call("GET", "/api/designs/shop?batch=x", null).statusCode()).isEqualTo(400);
        assertThat(fay.call("GET", "/api/designs/shop?batch=-3", null).statusCode()).isEqualTo(400);
        assertThat(world.user().call("GET", "/api/designs/shop", null).statusCode()).isEqualTo(401);

        try (WsClient a = fay.socket();
                WsClient b = gus.socket()) {
            a.join("shop");
            b.join("shop");
            String id = shop.path("designs").get(7).path("id").asText();
            a.send(Map.of("type", "try_on", "garment", Map.of("kind", "design", "id", id)));
            JsonNode seen =
                    b.await(
                            "outfit",
                            m ->
                                    m.path("id").asLong() == fay.id
                                            && m.path("outfit")
                                                    .path("source")
                                                    .asText()
                                                    .equals("design"));
            assertThat(seen.path("outfit").path("id").asText()).isEqualTo(id);
            assertThat(seen.path("outfit").path("picture").asText()).startsWith("data:image/png");
            a.send(
                    Map.of(
                            "type",
                            "try_on",
                            "garment",
                            Map.of("kind", "design", "id", digit.path("id").asText())));
            JsonNode refused = a.await("error");
            assertThat(refused.path("code").asText()).isEqualTo("bad_message");
            assertThat(refused.path("message").asText()).contains("only garment designs");
            a.send(
                    Map.of(
                            "type",
                            "try_on",
                            "garment",
                            Map.of("kind", "design", "id", "fashion-gan:1/0/999")));
            assertThat(a.await("error").path("code").asText()).isEqualTo("not_found");
        }
    }

    private static JsonNode recognise(TestWorld.User u, byte[] png) {
        HttpResponse<String> r = upload(u, png, "image/png");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestWorld.json(r);
    }

    static HttpResponse<String> upload(TestWorld.User u, byte[] body, String type) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(world.uri("/api/shop/recognize"))
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .header("Content-Type", type);
        if (u.csrf != null) {
            b.header("X-CSRF-Token", u.csrf);
        }
        try {
            return u.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A PNG signature and IHDR claiming a size, with correct CRCs, and no pixels. */
    static byte[] pngHeader(int w, int h) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream d = new java.io.DataOutputStream(out);
        d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        java.io.ByteArrayOutputStream ihdr = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream i = new java.io.DataOutputStream(ihdr);
        i.writeBytes("IHDR");
        i.writeInt(w);
        i.writeInt(h);
        i.write(new byte[] {8, 0, 0, 0, 0});
        byte[] chunk = ihdr.toByteArray();
        d.writeInt(chunk.length - 4);
        d.write(chunk);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(chunk);
        d.writeInt((int) crc.getValue());
        return out.toByteArray();
    }
}
