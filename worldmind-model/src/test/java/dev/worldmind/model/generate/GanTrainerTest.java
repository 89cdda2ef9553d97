package dev.worldmind.model.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.data.catalog.Mnist;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.testing.TestHome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GanTrainerTest {
    @BeforeAll
    static void home() {
        TestHome.get();
    }

    @Test
    void theSameSeedRepeatsTheRun() {
        ImageSet data = TestHome.mnist().train().head(256);
        float[] first = tinyRun(data, 7);
        float[] again = tinyRun(data, 7);
        float[] other = tinyRun(data, 8);
        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
        for (float v : first) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    private static float[] tinyRun(ImageSet data, long seed) {
        GanConfig config =
                GanConfig.builder()
                        .optEpochs(1)
                        .optBatchSize(32)
                        .optWidth(8)
                        .optLatentSize(16)
                        .optSeed(seed)
                        .build();
        List<GanEpoch> seen = new ArrayList<>();
        GanTrainer trainer =
                new GanTrainer(
                        config,
                        new GanListener() {
                            @Override
                            public void onEpoch(GanEpoch stats) {
                                seen.add(stats);
                            }
                        });
        try (Generator g = Generator.create(trainer.spec(Mnist.CLASSES), seed)) {
            GanHistory h = trainer.fit(g, data, null);
            assertThat(seen).hasSize(1);
            assertThat(h.epochs().get(0).discriminatorLoss()).isFinite().isPositive();
            assertThat(h.epochs().get(0).generatorLoss()).isFinite().isPositive();
            System.out.println("tiny run " + h.epochs().get(0));
            return g.sample(4, 3, 11);
        }
    }
}
