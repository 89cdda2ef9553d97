package dev.worldmind.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.data.interaction.SyntheticInteractions;
import dev.worldmind.model.recommend.Ease;
import dev.worldmind.model.recommend.Recommender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * This module's class path has DJL's API, ONNX Runtime and the tokenizers but not the PyTorch
 * engine (Spark's jars are large enough): EASE must still fit a catalogue large enough for the
 * engine path, by its plain-Java inverse. It failed with "Not implemented" when EASE asked whatever
 * engine was the default.
 */
class EaseWithoutTorchTest {
    @Test
    void easeFitsALargeCatalogueWithoutThePyTorchEngine() {
        SyntheticInteractions.Config small = SyntheticInteractions.Config.defaults();
        SyntheticInteractions.Config c =
                new SyntheticInteractions.Config(
                        3_000,
                        1_800,
                        small.dimension(),
                        small.clusters(),
                        small.userSpread(),
                        small.temperature(),
                        small.popularityExponent(),
                        small.logCountMean(),
                        small.logCountSigma(),
                        small.minCount(),
                        small.maxCount(),
                        small.start(),
                        small.spanSeconds(),
                        small.gapSeconds(),
                        small.seed());
        InteractionMatrix train =
                InteractionMatrix.of(SyntheticInteractions.generate(c).interactions());
        assertThat(train.items()).isGreaterThan(1_500);
        assertThat(train.users()).isGreaterThan(train.items());
        List<String> said = new ArrayList<>();
        ProgressMonitor progress = said::add;

        Recommender r = Ease.defaults().fit(train, progress);

        float[] scores = r.score(0, train.row(0));
        assertThat(scores).hasSize(train.items());
        assertThat(said).isNotEmpty();
    }
}
