package dev.worldmind.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.worldmind.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassificationReportTest {
    @TempDir Path dir;

    // Six samples, three classes; sample 2 (class 0) is mistaken for class 1.
    private static final int[] LABELS = {0, 0, 1, 1, 2, 2};
    private static final float[][] PROBS = {
        {0.8f, 0.1f, 0.1f},
        {0.4f, 0.5f, 0.1f},
        {0.2f, 0.7f, 0.1f},
        {0.1f, 0.6f, 0.3f},
        {0.1f, 0.2f, 0.7f},
        {0.3f, 0.1f, 0.6f},
    };

    @Test
    void computesAccuracyPerClassScoresAndConfusion() {
        ClassificationReport r =
                ClassificationReport.compute(LABELS, PROBS, List.of("a", "b", "c"));

        assertThat(r.accuracy()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(r.confusion()).isDeepEqualTo(new int[][] {{1, 1, 0}, {0, 2, 0}, {0, 0, 2}});
        ClassMetrics a = r.perClass().get(0);
        ClassMetrics b = r.perClass().get(1);
        assertThat(a.precision()).isEqualTo(1.0);
        assertThat(a.recall()).isEqualTo(0.5);
        assertThat(a.f1()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(b.precision()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(b.recall()).isEqualTo(1.0);
        assertThat(r.macroF1()).isCloseTo((2 / 3.0 + 0.8 + 1.0) / 3, within(1e-12));
    }

    @Test
    void rocAucCountsPairsAndTies() {
        // Class a: positives score 0.8 and 0.4; negatives 0.2, 0.1, 0.1, 0.3.
        // 0.8 beats all 4, 0.4 beats all 4: AUC 1.
        ClassificationReport r =
                ClassificationReport.compute(LABELS, PROBS, List.of("a", "b", "c"));
        assertThat(r.perClass().get(0).rocAuc()).isEqualTo(1.0);
        // Pairs (positive, negative): 0.9>0.5, 0.9>0.1, 0.5=0.5 (half), 0.5>0.1: 3.5 of 4.
        double auc =
                RocAuc.compute(
                        new double[] {0.9, 0.5, 0.5, 0.1},
                        new boolean[] {true, true, false, false});
        assertThat(auc).isEqualTo(3.5 / 4);
        assertThat(RocAuc.compute(new double[] {0.1, 0.2}, new boolean[] {true, true})).isNaN();
    }

    @Test
    void survivesAJsonRoundTripAndDrawsItsConfusionMatrix() {
        ClassificationReport r =
                ClassificationReport.compute(LABELS, PROBS, List.of("a", "b", "c"));
        Json.write(dir.resolve("m.json"), r);

        assertThat(Json.read(dir.resolve("m.json"), ClassificationReport.class)).isEqualTo(r);
        Path png = Charts.confusionMatrix("toy", r, dir.resolve("cm.png"));
        assertThat(png).exists();
        assertThat(r.toTable()).contains("accuracy 0.8333 (5 of 6)");
    }

    @Test
    void drawsTrainingCurves() throws Exception {
        var history =
                List.of(
                        new dev.worldmind.model.train.EpochStats(
                                1, 0.5, 0.8, 0.4, 0.85, 1e-3, 10, 100),
                        new dev.worldmind.model.train.EpochStats(
                                2, 0.3, 0.9, 0.35, 0.88, 5e-4, 10, 100));
        List<Path> files = Charts.trainingCurves("toy", history, dir);
        assertThat(files).hasSize(2).allMatch(Files::isRegularFile);
        assertThat(javax.imageio.ImageIO.read(files.get(0).toFile()).getWidth()).isEqualTo(720);
    }
}
