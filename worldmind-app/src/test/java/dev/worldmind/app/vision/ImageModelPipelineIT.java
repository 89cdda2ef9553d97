package dev.worldmind.app.vision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.app.dataset.DatasetDescriptors;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.data.catalog.Mnist;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.train.TrainingListener;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.testing.TestHome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageModelPipelineIT {
    @TempDir Path tmp;

    @Test
    void trainsEvaluatesRegistersAndThenReuses() {
        WorldmindHome home = TestHome.isolated(tmp);
        ImageModelPipeline pipeline = new ImageModelPipeline(home, ProgressMonitor.silent());
        TrainingConfig config =
                TrainingPresets.forArchitecture(Architectures.MLP)
                        .optEpochs(2)
                        .optTrainLimit(3_000)
                        .build();

        assertThat(
                        pipeline.findTrained(
                                "quick", DatasetDescriptors.installed().get("mnist"), config))
                .isEmpty();
        ImageModelPipeline.Outcome trained =
                pipeline.train(
                        "quick",
                        DatasetDescriptors.installed().get("mnist"),
                        config,
                        new TrainingListener() {});

        ModelManifest m = trained.manifest();
        Path dir = trained.directory();
        assertThat(m.ref()).isEqualTo("quick:1");
        assertThat(trained.report().samples()).isEqualTo(10_000);
        assertThat(trained.report().accuracy()).isGreaterThan(0.85);
        assertThat(m.provenance().dataset().sha256()).isEqualTo(Mnist.SPEC.contentHash());
        assertThat(m.provenance().dataset().description()).contains("train 2,749 / validation 251");
        assertThat(m.provenance().codeVersion()).isEqualTo(CodeVersion.current());
        assertThat(m.provenance().runtime().libraries())
                .containsEntry("djl", "0.36.0")
                .containsEntry("engine", "PyTorch")
                .containsEntry("engineVersion", "2.7.1");
        assertThat(m.provenance().endedAt()).isAfter(m.provenance().startedAt());
        for (String file :
                new String[] {
                    "manifest.json",
                    "metrics.json",
                    "history.json",
                    "report.txt",
                    "plots/training-loss.png",
                    "plots/training-accuracy.png",
                    "plots/confusion-matrix.png"
                }) {
            assertThat(dir.resolve(file)).isRegularFile();
        }
        assertThat(home.runs()).isEmptyDirectory();

        // The second start finds it; another configuration does not.
        assertThat(
                        pipeline.findTrained(
                                "quick", DatasetDescriptors.installed().get("mnist"), config))
                .contains(m);
        assertThat(
                        pipeline.findTrained(
                                "quick",
                                DatasetDescriptors.installed().get("mnist"),
                                config.toBuilder().optSeed(7).build()))
                .isEmpty();
        assertThat(pipeline.existing(m).report()).isEqualTo(trained.report());

        ImageModelPipeline.Outcome evaluated = pipeline.evaluate("quick");
        assertThat(evaluated.report()).isEqualTo(trained.report());
        assertThat(evaluated.directory().resolve("confusion-matrix.png")).isRegularFile();
    }
}
