package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.data.image.DecodeGate;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.train.ClassifierTrainer;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.train.TrainingFixtures;
import dev.worldmind.model.train.TrainingListener;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.testing.HostilePictures;
import dev.worldmind.testing.TestHome;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, finding 4: an uploaded picture is checked from its header (format, pixels, frames)
 * before it is decoded, and decodes wait for one of a few slots, on a real server.
 */
class PredictUploadIT {
    private static final String PREDICT = "/api/models/digits/predict";

    @TempDir static Path tmp;
    static TestWorld world;
    static String token;

    @BeforeAll
    static void serve() {
        TestHome.get();
        ModelRegistry registry = new ModelRegistry(tmp.resolve("models"));
        TrainingConfig config = TrainingFixtures.oneEpoch(Architectures.MLP);
        ImageSet train = TestHome.mnist().train().head(500);
        ModelManifest draft = ModelServingIT.draft(config);
        try (ImageClassifier c =
                ImageClassifier.create(
                        draft.architecture(), draft.classes(), draft.normalization(), 7)) {
            new ClassifierTrainer(config, tmp.resolve("run"), new TrainingListener() {})
                    .fit(c, train, train.head(0));
            registry.register(c, draft, dir -> {});
        }
        ServerConfig server = ServerConfig.defaults().with("server.port", 0);
        server = server.with("serving.models", registry.root());
        world = new TestWorld(server, DatabaseConfig.h2File(tmp.resolve("db")), Clock.systemUTC());
        token = ModelServingIT.token(world, "admin", world.adminPassword);
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    private static HttpResponse<String> upload(String type, byte[] picture) {
        return ModelServingIT.post(world, PREDICT, token, type, picture);
    }

    /** Bytes every live thread of this JVM (the server's included) allocated during the task. */
    private static long allocatedByAllThreads(Runnable task) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long before = Arrays.stream(threads.getThreadAllocatedBytes(ids)).sum();
        task.run();
        long after = Arrays.stream(threads.getThreadAllocatedBytes(ids)).sum();
        return after - before;
    }

    @Test
    void refusesAPngClaiming40000SquaredWith400BeforeDecodingIt() {
        byte[] png = HostilePictures.pngClaiming(40_000, 40_000);
        long decodes = DecodeGate.shared().decodes();
        AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();

        long allocated = allocatedByAllThreads(() -> answer.set(upload("image/png", png)));

        assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(400);
        assertThat(TestWorld.json(answer.get()).path("message").asText())
                .isEqualTo("the upload is 40000 x 40000 pixels; at most 4096 x 4096 are accepted");
        assertThat(DecodeGate.shared().decodes()).as("decoder reached").isEqualTo(decodes);
        // Decoding would need a 1.6 GB pixel buffer; reading the header and answering takes little.
        assertThat(allocated).isLessThan(64L << 20);
    }

    @Test
    void refusesADecompressionBombAndAnAnimationOfManyFrames() {
        byte[] bomb = HostilePictures.pngBomb(8000, 8000);
        long decodes = DecodeGate.shared().decodes();
        AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();

        long allocated = allocatedByAllThreads(() -> answer.set(upload("image/png", bomb)));

        assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(400);
        assertThat(answer.get().body()).contains("8000 x 8000");
        assertThat(allocated).as("256 MB decoded").isLessThan(64L << 20);

        HttpResponse<String> gif = upload("image/gif", HostilePictures.animatedGif(300));
        assertThat(gif.statusCode()).as(gif.body()).isEqualTo(400);
        assertThat(gif.body()).contains("more than 8 frames");
        assertThat(DecodeGate.shared().decodes()).isEqualTo(decodes);
    }

    @Test
    void aNormalPictureStillPredictsAndAFullGateAnswers503() throws Exception {
        BufferedImage digit = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 6; y < 22; y++) {
            digit.getRaster().setSample(14, y, 0, 255);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(digit, "png", out);

        HttpResponse<String> ok = upload("image/png", out.toByteArray());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(TestWorld.json(ok).path("predictions")).hasSize(1);

        DecodeGate.Slot all = DecodeGate.shared().closeAll();
        HttpResponse<String> busy;
        try {
            busy = upload("image/png", out.toByteArray());
        } finally {
            all.close();
        }
        assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(busy.body()).contains("decoder is busy");
        assertThat(upload("image/png", out.toByteArray()).statusCode()).isEqualTo(200);
    }

    @Test
    void anEmptyListOfInstancesIsRefusedWith400() {
        // Found by PredictInputFuzzTest: zero images passed the parser.
        HttpResponse<String> r =
                ModelServingIT.post(
                        world,
                        PREDICT,
                        token,
                        "application/json",
                        "{\"instances\": []}".getBytes());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("no images");
    }

    @Test
    void aPictureOfAFormatOutsideTheAllowListIsRefused() throws IOException {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "tiff", tiff);
        HttpResponse<String> r = upload("image/tiff", tiff.toByteArray());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("a tif picture cannot be used");
    }
}
