package dev.worldmind.app.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.app.dataset.DatasetDescriptors;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.catalog.Mnist;
import dev.worldmind.model.compress.QuantizationConfig;
import dev.worldmind.model.onnx.OnnxClassifier;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.train.TrainingListener;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageModel;
import dev.worldmind.testing.TestHome;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export and quantisation of a registered model, as the CLI runs them. */
class ModelExportIT {
    private static final Duration TIMING = Duration.ofMillis(100);

    @TempDir Path tmp;

    @Test
    void exportsAndQuantisesARegisteredModelIntoNewVersions() {
        WorldmindHome home = TestHome.isolated(tmp.resolve("home"));
        ImageModelPipeline pipeline = new ImageModelPipeline(home, ProgressMonitor.silent());
        ModelManifest source =
                pipeline.train(
                                "digits",
                                DatasetDescriptors.installed().get("mnist"),
                                TrainingPresets.forArchitecture(Architectures.KERAS_CNN)
                                        .optEpochs(1)
                                        .optTrainLimit(3_000)
                                        .build(),
                                new TrainingListener() {})
                        .manifest();

        DerivedModel onnx =
                new ModelExport(pipeline, ProgressMonitor.silent(), 2, TIMING)
                        .toOnnx("digits", null, tmp.resolve("out/digits.onnx"));

        ModelManifest m = onnx.manifest();
        assertThat(m.ref()).isEqualTo("digits-onnx:1");
        assertThat(m.runtime()).isEqualTo(ModelManifest.ONNX);
        assertThat(m.derivedFrom()).isEqualTo("digits:1");
        assertThat(m.compression()).isEmpty();
        assertThat(m.metrics().get("accuracy")).isEqualTo(source.metrics().get("accuracy"));
        assertThat(m.provenance().config()).containsEntry("operation", "export");
        assertThat(m.provenance().runtime().libraries()).containsKey("onnxruntime");
        assertThat(onnx.comparison().rows()).hasSize(2);
        assertThat(onnx.comparison().rows().get(1).maxAbsDiff()).isLessThan(1e-4);
        assertThat(tmp.resolve("out/digits.onnx")).hasSameBinaryContentAs(onnx.modelFile());
        for (String file :
                new String[] {
                    "model.onnx",
                    "manifest.json",
                    "metrics.json",
                    "report.txt",
                    "comparison.json",
                    "comparison.txt",
                    "plots/confusion-matrix.png"
                }) {
            assertThat(onnx.directory().resolve(file)).isRegularFile();
        }
        try (ImageModel loaded = pipeline.registry().loadModel("digits-onnx")) {
            assertThat(loaded).isInstanceOf(OnnxClassifier.class);
            assertThat(((OnnxClassifier) loaded).metadata().modelRef()).isEqualTo("digits:1");
        }
        assertThat(pipeline.evaluate("digits-onnx").report().accuracy())
                .isEqualTo(m.metrics().get("accuracy"));

        DerivedModel int8 =
                new ModelQuantization(
                                pipeline,
                                ProgressMonitor.silent(),
                                2,
                                TIMING,
                                QuantizationConfig.defaults())
                        .toInt8("digits-onnx", null, 300, 42);

        ModelManifest q = int8.manifest();
        assertThat(q.ref()).isEqualTo("digits-onnx-int8:1");
        assertThat(q.compression()).isEqualTo("int8");
        assertThat(q.derivedFrom()).isEqualTo("digits-onnx:1");
        assertThat(q.provenance().dataset().description())
                .contains("300 images of mnist/train drawn with seed 42");
        assertThat(q.provenance().dataset().sha256()).isEqualTo(Mnist.SPEC.contentHash());
        // fp32 DJL (found through derivedFrom), fp32 ONNX, int8 ONNX.
        assertThat(int8.comparison().rows())
                .extracting(RuntimeComparison.Row::label)
                .containsExactly("fp32 DJL", "fp32 ONNX", "int8 ONNX");
        RuntimeComparison.Row fp32 = int8.comparison().rows().get(1);
        RuntimeComparison.Row small = int8.comparison().rows().get(2);
        assertThat((double) small.fileBytes() / fp32.fileBytes()).isLessThan(0.30);
        assertThat(Math.abs(small.accuracy() - fp32.accuracy())).isLessThan(0.01);
        assertThat(small.msPerImageBatch1()).isPositive();
        assertThat(Json.read(int8.directory().resolve("comparison.json"), RuntimeComparison.class))
                .isEqualTo(int8.comparison());
        assertThat(int8.comparison().toTable()).contains("int8 ONNX").contains("digits-onnx-int8");

        assertThatThrownBy(
                        () ->
                                new ModelExport(pipeline, ProgressMonitor.silent(), 1, TIMING)
                                        .toOnnx("digits-onnx", null, null))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("already an onnx model");
    }
}
