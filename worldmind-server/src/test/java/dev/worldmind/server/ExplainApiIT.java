package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.model.onnx.OnnxExporter;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.serve.BatchingOptions;
import dev.worldmind.model.serve.ModelServer;
import dev.worldmind.model.train.ClassifierTrainer;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.train.TrainingFixtures;
import dev.worldmind.model.train.TrainingListener;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.testing.TestHome;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Explanations through the predict API on a real server: a keras-cnn trained on a slice of MNIST,
 * an MLP (no convolutions) and the CNN's ONNX export.
 */
class ExplainApiIT {
    @TempDir static Path tmp;

    static TestWorld world;
    static String token;
    static float[][] expected;
    static ImageSet probe;

    @BeforeAll
    static void trainAndServe() throws IOException {
        TestHome.get();
        ModelRegistry registry = new ModelRegistry(tmp.resolve("models"));
        probe = TestHome.mnist().test().head(20);
        ImageSet train = TestHome.mnist().train().head(2000);
        for (String arch : new String[] {Architectures.KERAS_CNN, Architectures.MLP}) {
            TrainingConfig config = TrainingFixtures.oneEpoch(arch);
            ModelManifest digits = ModelServingIT.draft(config);
            String name = arch.equals(Architectures.MLP) ? "digits-mlp" : "digits";
            ModelManifest draft =
                    digits.derive(name, ModelManifest.DJL, "", Map.of(), digits.provenance());
            try (ImageClassifier c =
                    ImageClassifier.create(
                            draft.architecture(), draft.classes(), draft.normalization(), 5)) {
                new ClassifierTrainer(config, tmp.resolve("run-" + arch), new TrainingListener() {})
                        .fit(c, train, train.head(0));
                ModelManifest registered = registry.register(c, draft, dir -> {});
                if (name.equals("digits")) {
                    expected = c.probabilities(probe);
                    byte[] onnx =
                            OnnxExporter.export(
                                    c,
                                    OnnxExporter.metadata(
                                            c, registered.ref(), Optional.of(draft.provenance())));
                    registry.registerFiles(
                            registered.derive(
                                    "digits-onnx",
                                    ModelManifest.ONNX,
                                    "exported",
                                    Map.of(),
                                    draft.provenance()),
                            dir -> {
                                try {
                                    Files.write(dir.resolve(ModelRegistry.ONNX_FILE), onnx);
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            });
                }
            }
        }
        ServerConfig config =
                ServerConfig.defaults()
                        .with("server.port", 0)
                        .with("serving.models", registry.root())
                        .with("serving.batching", BatchingOptions.DEFAULT);
        world = new TestWorld(config, DatabaseConfig.h2File(tmp.resolve("db")), Clock.systemUTC());
        token = ModelServingIT.token(world, "admin", world.adminPassword);
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    private static HttpResponse<String> predict(String model, String json) {
        return ModelServingIT.post(
                world,
                "/api/models/" + model + "/predict",
                token,
                "application/json",
                json.getBytes());
    }

    /** {@code {"instances": [...]}} with the probe images from {@code from} on. */
    private static String instances(int from, int count) {
        return ModelServingIT.instances(probe, from, count);
    }

    private static String withExplain(String instances, String method) {
        return instances.substring(0, instances.length() - 1) + ",\"explain\":\"" + method + "\"}";
    }

    @Test
    void answersEachImageWithAHeatmapOfItsPredictedClass() {
        for (String method : new String[] {"grad-cam", "saliency"}) {
            HttpResponse<String> r = predict("digits", withExplain(instances(0, 3), method));

            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode body = TestWorld.json(r);
            assertThat(body.path("predictions")).hasSize(3);
            assertThat(body.path("explanations")).hasSize(3);
            for (int i = 0; i < 3; i++) {
                JsonNode e = body.path("explanations").get(i);
                int predicted = body.path("predictions").get(i).path("index").asInt();
                assertThat(e.path("method").asText()).isEqualTo(method);
                assertThat(e.path("classIndex").asInt()).isEqualTo(predicted);
                assertThat(e.path("className").asText()).isEqualTo(String.valueOf(predicted));
                assertThat(e.path("probability").floatValue())
                        .isCloseTo(
                                expected[i][predicted], org.assertj.core.data.Offset.offset(1e-5f));
                assertThat(e.path("height").asInt()).isEqualTo(28);
                assertThat(e.path("width").asInt()).isEqualTo(28);
                JsonNode heatmap = e.path("heatmap");
                assertThat(heatmap).hasSize(28 * 28);
                double max = 0;
                for (JsonNode v : heatmap) {
                    assertThat(v.floatValue()).isBetween(0f, 1f);
                    max = Math.max(max, v.doubleValue());
                }
                assertThat(max).isEqualTo(1.0);
            }
        }
    }

    @Test
    void plainPredictionsCarryNoExplanationsAndStayTheSame() {
        HttpResponse<String> r = predict("digits", instances(0, 2));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(TestWorld.json(r).has("explanations")).isFalse();
        assertThat(
                        TestWorld.json(r)
                                .path("predictions")
                                .get(1)
                                .path("probabilities")
                                .get(0)
                                .floatValue())
                .isCloseTo(expected[1][0], org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void refusesUnknownMethodsTooManyImagesAndModelsWithoutGradients() {
        HttpResponse<String> unknown = predict("digits", withExplain(instances(0, 1), "lime"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown explanation method").contains("grad-cam");

        HttpResponse<String> many =
                predict(
                        "digits",
                        withExplain(instances(0, ModelServer.MAX_EXPLAIN_IMAGES + 1), "saliency"));
        assertThat(many.statusCode()).isEqualTo(400);
        assertThat(many.body()).contains("at most " + ModelServer.MAX_EXPLAIN_IMAGES);

        HttpResponse<String> onnx =
                predict("digits-onnx", withExplain(instances(0, 1), "grad-cam"));
        assertThat(onnx.statusCode()).isEqualTo(400);
        assertThat(onnx.body()).contains("DJL").contains("onnx");
        assertThat(predict("digits-onnx", instances(0, 1)).statusCode()).isEqualTo(200);

        HttpResponse<String> mlp = predict("digits-mlp", withExplain(instances(0, 1), "grad-cam"));
        assertThat(mlp.statusCode()).isEqualTo(400);
        assertThat(mlp.body()).contains("Grad-CAM needs a convolutional network");
        assertThat(predict("digits-mlp", withExplain(instances(0, 1), "saliency")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void explainsUploadsAskedByQueryParameter() throws IOException {
        float[] image = new float[28 * 28];
        probe.copyImage(2, image, 0);
        java.awt.image.BufferedImage png =
                new java.awt.image.BufferedImage(
                        28, 28, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < image.length; i++) {
            png.getRaster().setSample(i % 28, i / 28, 0, Math.round(image[i] * 255));
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(png, "png", out);

        HttpResponse<String> r =
                ModelServingIT.post(
                        world,
                        "/api/models/digits/predict?explain=saliency",
                        token,
                        "image/png",
                        out.toByteArray());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(TestWorld.json(r).path("explanations").get(0).path("heatmap")).hasSize(784);
    }
}
