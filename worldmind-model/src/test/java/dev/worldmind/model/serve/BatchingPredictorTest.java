package dev.worldmind.model.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.catalog.Mnist;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.data.image.Normalization;
import dev.worldmind.model.vision.ArchitectureSpec;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.model.vision.ImageShape;
import dev.worldmind.testing.TestHome;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BatchingPredictorTest {
    static ImageSet images;

    @BeforeAll
    static void data() {
        TestHome.get();
        images = TestHome.mnist().test().head(64);
    }

    static ImageClassifier model() {
        return ImageClassifier.create(
                new ArchitectureSpec(Architectures.KERAS_CNN, ImageShape.MNIST, 10),
                Mnist.CLASSES,
                new Normalization(0.13f, 0.31f),
                3);
    }

    static float[] image(int i) {
        float[] x = new float[images.imageSize()];
        images.copyImage(i, x, 0);
        return x;
    }

    @Test
    void batchesConcurrentCallersAndGivesEachItsOwnRows() throws Exception {
        float[][] alone;
        try (ImageClassifier reference = model()) {
            alone = reference.probabilities(images);
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BatchingOptions options =
                new BatchingOptions(16, Duration.ofMillis(5), 1, 512, Duration.ofSeconds(10));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (BatchingPredictor p =
                new BatchingPredictor(model(), options, meters, Tags.of("model", "t"))) {
            for (int round = 0; round < 4; round++) {
                List<Future<float[][]>> answers = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    int k = i;
                    answers.add(pool.submit(() -> p.submit(image(k), 1).get(10, TimeUnit.SECONDS)));
                }
                for (int i = 0; i < 64; i++) {
                    float[] got = answers.get(i).get()[0];
                    for (int c = 0; c < 10; c++) {
                        assertThat(got[c]).isCloseTo(alone[i][c], Offset.offset(1e-5f));
                    }
                }
            }
            var sizes = meters.find("worldmind.serving.batch.size").summary();
            assertThat(sizes).isNotNull();
            assertThat(sizes.max()).isGreaterThan(1);
            assertThat(sizes.totalAmount()).isEqualTo(256);
        } finally {
            pool.shutdownNow();
        }
        assertThat(meters.find("worldmind.serving.batch.size").summary())
                .as("a closed predictor removes its meters")
                .isNull();
    }

    @Test
    void refusesWorkWhenTheQueueIsFullAndRecovers() throws Exception {
        BatchingOptions tight = new BatchingOptions(1, Duration.ZERO, 1, 4, Duration.ofSeconds(10));
        float[] four = new float[4 * images.imageSize()];
        for (int k = 0; k < 4; k++) {
            images.copyImage(k, four, k * images.imageSize());
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (BatchingPredictor p = new BatchingPredictor(model(), tight, meters, Tags.empty())) {
            List<CompletableFuture<float[][]>> accepted = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < 200; i++) {
                try {
                    accepted.add(p.submit(four, 4));
                } catch (OverloadedException e) {
                    assertThat(e).hasMessageContaining("queue is full");
                    refused++;
                }
            }
            assertThat(refused).isPositive();
            for (CompletableFuture<float[][]> f : accepted) {
                assertThat(f.get(10, TimeUnit.SECONDS)).hasNumberOfRows(4);
            }
            assertThat(p.queueDepth()).isZero();
            assertThat(p.submit(four, 4).get(10, TimeUnit.SECONDS)).hasNumberOfRows(4);
            assertThat(
                            meters.find("worldmind.serving.errors")
                                    .tag("reason", "overload")
                                    .counter()
                                    .count())
                    .isEqualTo(refused);
        }
    }

    @Test
    void closingFinishesEveryQueuedRequest() throws Exception {
        List<CompletableFuture<float[][]>> accepted = new ArrayList<>();
        BatchingPredictor p =
                new BatchingPredictor(
                        model(), BatchingOptions.DEFAULT, new SimpleMeterRegistry(), Tags.empty());
        for (int i = 0; i < 64; i++) {
            accepted.add(p.submit(image(i), 1));
        }
        p.close();
        for (CompletableFuture<float[][]> f : accepted) {
            assertThat(f.get(10, TimeUnit.SECONDS)).hasNumberOfRows(1);
        }
        assertThatThrownBy(() -> p.submit(image(0), 1)).isInstanceOf(OverloadedException.class);
    }

    @Test
    void rejectsInputOfTheWrongSize() {
        try (BatchingPredictor p =
                new BatchingPredictor(
                        model(),
                        BatchingOptions.DEFAULT,
                        new SimpleMeterRegistry(),
                        Tags.empty())) {
            assertThatThrownBy(() -> p.submit(new float[10], 1))
                    .isInstanceOf(InvalidDataException.class)
                    .hasMessageContaining("784");
            assertThatThrownBy(() -> p.submit(new float[784 * 600], 600))
                    .isInstanceOf(InvalidDataException.class)
                    .hasMessageContaining("at most 512");
        }
    }
}
