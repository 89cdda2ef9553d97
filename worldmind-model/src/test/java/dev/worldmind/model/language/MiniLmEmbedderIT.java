package dev.worldmind.model.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.worldmind.testing.TestHome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderIT {
    private static final List<String> SENTENCES =
            List.of(
                    "Where can I buy a warm scarf?",
                    "The museum opens at nine in the morning.",
                    "Painted in 1889, The Starry Night shows the view from an asylum window at"
                            + " Saint-Remy, with a village below a swirling night sky and a cypress in"
                            + " front.",
                    "ok",
                    "Wash your hands with soap for at least twenty seconds.",
                    "I love this shop!",
                    "How many planets are in the solar system?");

    private static MiniLmEmbedder tuned;

    @BeforeAll
    static void load() {
        TestHome.get();
        tuned =
                MiniLmEmbedder.create(
                        MiniLmEmbedder.Variant.FP32, new MiniLmEmbedder.Options(2, 1, 3));
    }

    @AfterAll
    static void close() {
        tuned.close();
    }

    @Test
    void matchesLangChainStockVectors() {
        try (LangChainEmbedder stock = LangChainEmbedder.stockMiniLm()) {
            float[][] expected = stock.embed(SENTENCES);
            float[][] actual = tuned.embed(SENTENCES);
            assertThat(actual).hasDimensions(SENTENCES.size(), MiniLmEmbedder.DIMENSION);
            for (int i = 0; i < SENTENCES.size(); i++) {
                for (int d = 0; d < MiniLmEmbedder.DIMENSION; d++) {
                    assertThat(actual[i][d])
                            .as("%s [%d]", SENTENCES.get(i), d)
                            .isCloseTo(expected[i][d], within(2e-5f));
                }
            }
        }
    }

    @Test
    void vectorsAreUnitLengthAndMeaningful() {
        float[][] v =
                tuned.embed(
                        List.of(
                                "Take me to the museum, please.",
                                "I would like to go to the art gallery.",
                                "My stomach hurts after lunch."));
        for (float[] x : v) {
            assertThat(TextEmbedder.cosine(x, x)).isCloseTo(1f, within(1e-4f));
        }
        assertThat(TextEmbedder.cosine(v[0], v[1]))
                .isGreaterThan(TextEmbedder.cosine(v[0], v[2]) + 0.2f);
    }

    @Test
    void batchingAndOrderDoNotChangeVectors() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(SENTENCES.get(i % SENTENCES.size()) + (i % 3 == 0 ? " Really." : ""));
        }
        float[][] together = tuned.embed(many);
        for (int i = 0; i < many.size(); i += 7) {
            float[] alone = tuned.embed(many.get(i));
            for (int d = 0; d < MiniLmEmbedder.DIMENSION; d++) {
                assertThat(together[i][d]).isCloseTo(alone[d], within(2e-5f));
            }
        }
        assertThat(tuned.embed(List.of())).isEmpty();
    }

    @Test
    void quantisedVariantAgreesClosely() {
        try (MiniLmEmbedder q =
                MiniLmEmbedder.create(
                        MiniLmEmbedder.Variant.INT8, MiniLmEmbedder.Options.defaults())) {
            float[][] a = tuned.embed(SENTENCES);
            float[][] b = q.embed(SENTENCES);
            for (int i = 0; i < SENTENCES.size(); i++) {
                assertThat(TextEmbedder.cosine(a[i], b[i])).isGreaterThan(0.9f);
            }
            assertThat(q.name()).isEqualTo("all-minilm-l6-v2-q");
        }
    }

    /**
     * Closing while other threads embed waits for their runs instead of freeing the session under
     * them (which crashed the JVM in ONNX Runtime when a server stopped while its characters
     * loaded); calls after the close are refused with a clear message.
     */
    @Test
    void closingWhileOthersEmbedWaitsForTheirRunsAndRefusesLaterCalls() throws Exception {
        MiniLmEmbedder shared =
                MiniLmEmbedder.create(
                        MiniLmEmbedder.Variant.FP32, new MiniLmEmbedder.Options(2, 1, 2));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(SENTENCES.get(i % SENTENCES.size()) + " " + i);
        }
        java.util.concurrent.CountDownLatch embedding = new java.util.concurrent.CountDownLatch(2);
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            Thread t =
                    new Thread(
                            () -> {
                                embedding.countDown();
                                try {
                                    while (true) {
                                        assertThat(shared.embed(many)).hasNumberOfRows(40);
                                    }
                                } catch (dev.worldmind.core.WorldmindException e) {
                                    if (!e.getMessage().contains("closed")) {
                                        failures.add(e);
                                    }
                                } catch (Throwable e) {
                                    failures.add(e);
                                }
                            });
            t.start();
            callers.add(t);
        }
        embedding.await();
        Thread.sleep(200);
        shared.close();
        for (Thread t : callers) {
            t.join(30_000);
            assertThat(t.isAlive()).isFalse();
        }
        assertThat(failures).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> shared.embed(List.of("late")))
                .hasMessageContaining("closed");
    }
}
