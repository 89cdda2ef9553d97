package dev.worldmind.model.compress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.data.image.ImageSet;
import dev.worldmind.model.train.EpochStats;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.train.TrainingListener;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.testing.TestHome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruningFineTunerTest {
    @TempDir Path runs;

    @Test
    void prunedWeightsStayZeroThroughGradualFineTuning() {
        ImageSet.Split split = TestHome.mnist().train().head(600).split(0.2, 3);
        TrainingConfig config =
                TrainingConfig.builder()
                        .setArchitecture(Architectures.KERAS_CNN)
                        .optBatchSize(32)
                        .optValidationFraction(0.2)
                        .build();
        PruningSchedule schedule = PruningSchedule.gradual(List.of(0.5), 0.8, 2);
        List<Integer> seen = new ArrayList<>();
        try (ImageClassifier c = MagnitudePruningTest.classifier(Architectures.KERAS_CNN)) {
            Map<String, float[]> before = MagnitudePruningTest.values(c);
            PruningFineTuner.Result result =
                    new PruningFineTuner(config, schedule, runs, epochs(seen))
                            .run(c, split.train(), split.validation());
            Map<String, float[]> after = MagnitudePruningTest.values(c);

            assertThat(result.history().epochs())
                    .extracting(EpochStats::epoch)
                    .containsExactly(1, 2);
            assertThat(seen).containsExactly(1, 2);
            int moved = 0;
            for (PruningMask m : result.masks()) {
                float[] was = before.get(m.parameter());
                float[] now = after.get(m.parameter());
                for (int i = 0; i < now.length; i++) {
                    if (m.isPruned(i)) {
                        assertThat(now[i]).as(m.parameter() + "[" + i + "]").isZero();
                    } else if (now[i] != was[i]) {
                        moved++;
                    }
                }
            }
            // Fine-tuning did change the surviving weights.
            assertThat(moved).isGreaterThan(1_000);
            SparsityReport measured = MagnitudePruning.measure(c);
            assertThat(measured.prunableSparsity())
                    .isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(result.masks().stream().mapToLong(PruningMask::prunedCount).sum())
                    .isEqualTo(measured.prunableParameters() - measured.prunableNonZero());
        }
    }

    @Test
    void scheduleDescribesItsSteps() {
        PruningSchedule s = PruningSchedule.gradual(List.of(0.5, 0.65), 0.8, 4);
        assertThat(s.describe()).isEqualTo("50% x1 epoch -> 65% x1 epoch -> 80% x2 epochs");
        assertThat(s.totalEpochs()).isEqualTo(4);
        assertThat(s.target()).isEqualTo(0.8);
        assertThat(PruningSchedule.percent(0.875)).isEqualTo("87.5%");
    }

    private static TrainingListener epochs(List<Integer> seen) {
        return new TrainingListener() {
            @Override
            public void epochFinished(EpochStats stats) {
                seen.add(stats.epoch());
            }
        };
    }
}
