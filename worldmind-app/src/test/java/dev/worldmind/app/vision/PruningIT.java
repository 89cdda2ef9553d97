package dev.worldmind.app.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.app.dataset.DatasetDescriptors;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.model.compress.MagnitudePruning;
import dev.worldmind.model.compress.PruningSchedule;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.train.TrainingListener;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.testing.TestHome;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruningIT {
    @TempDir Path tmp;

    @Test
    void prunesFineTunesAndRegistersADerivedModel() {
        WorldmindHome home = TestHome.isolated(tmp);
        ImageModelPipeline pipeline = new ImageModelPipeline(home, ProgressMonitor.silent());
        TrainingConfig trained =
                TrainingPresets.forArchitecture(Architectures.MLP)
                        .optEpochs(1)
                        .optTrainLimit(3_000)
                        .build();
        ModelManifest source =
                pipeline.train(
                                "small",
                                DatasetDescriptors.installed().get("mnist"),
                                trained,
                                new TrainingListener() {})
                        .manifest();

        Pruning pruning = new Pruning(home, ProgressMonitor.silent());
        TrainingConfig fineTuning = Pruning.fineTuningRecipe(source).build();
        assertThat(fineTuning.trainLimit()).isEqualTo(3_000);
        assertThat(fineTuning.seed()).isEqualTo(trained.seed());
        assertThat(fineTuning.learningRate()).isEqualTo(trained.learningRate() / 2);
        Pruning.Outcome o =
                pruning.prune(
                        "small",
                        new Pruning.Request(
                                Pruning.defaultName("small"),
                                PruningSchedule.oneShot(0.8, 1),
                                fineTuning),
                        new TrainingListener() {});

        ModelManifest m = o.manifest();
        assertThat(m.ref()).isEqualTo("small-pruned:1");
        assertThat(m.derivedFrom()).isEqualTo("small:1");
        assertThat(m.compression()).isEqualTo("pruned-80%");
        assertThat(m.runtime()).isEqualTo(ModelManifest.DJL);
        assertThat(m.metrics().get("sparsity")).isCloseTo(0.8, Offset.offset(1e-4));
        assertThat(m.metrics()).containsKeys("accuracy", "nonZeroParameters", "overallSparsity");
        assertThat(m.provenance().config()).containsEntry("source", "small:1");
        assertThat(o.report().accuracy()).isGreaterThan(0.8);
        assertThat(o.history().epochs()).hasSize(1);

        PruningReport r = o.pruning();
        assertThat(r.pruned()).isEqualTo(m.ref());
        assertThat(r.original().sparsity()).isZero();
        assertThat(r.result().nonZero()).isLessThan(r.original().nonZero() / 4);
        assertThat(r.result().weightsBytes()).isEqualTo(r.original().weightsBytes());
        assertThat(r.result().gzipBytes()).isLessThan(r.original().gzipBytes() / 2);
        assertThat(r.result().msPerImageBatch1()).isPositive();
        assertThat(r.toTable()).contains("small:1").contains("small-pruned:1").contains("gzip");
        for (String file :
                new String[] {
                    "manifest.json",
                    "weights/model-0000.params",
                    "metrics.json",
                    "history.json",
                    "report.txt",
                    "pruning.json",
                    "pruning.txt"
                }) {
            assertThat(o.directory().resolve(file)).isRegularFile();
        }
        assertThat(Json.read(o.directory().resolve("pruning.json"), PruningReport.class))
                .isEqualTo(r);
        assertThat(home.runs()).isEmptyDirectory();

        // The zeros survive saving and loading.
        try (ImageClassifier reloaded = pipeline.registry().loadClassifier(m.ref())) {
            assertThat(MagnitudePruning.measure(reloaded).prunableSparsity())
                    .isCloseTo(0.8, Offset.offset(1e-4));
        }
        assertThatThrownBy(
                        () ->
                                pruning.prune(
                                        "missing",
                                        new Pruning.Request(
                                                "x", PruningSchedule.oneShot(0.5, 1), fineTuning),
                                        new TrainingListener() {}))
                .isInstanceOf(dev.worldmind.core.NotFoundException.class);
    }
}
