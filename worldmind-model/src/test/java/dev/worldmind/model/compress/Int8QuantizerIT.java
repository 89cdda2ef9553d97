package dev.worldmind.model.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.data.catalog.Mnist;
import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.data.image.Normalization;
import dev.worldmind.model.onnx.OnnxClassifier;
import dev.worldmind.model.onnx.OnnxExporter;
import dev.worldmind.model.onnx.internal.GraphBuilder;
import dev.worldmind.model.onnx.internal.ModelProtos;
import dev.worldmind.model.train.ClassifierTrainer;
import dev.worldmind.model.train.EngineInfo;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.train.TrainingListener;
import dev.worldmind.model.vision.ArchitectureSpec;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.model.vision.ImageShape;
import dev.worldmind.testing.TestHome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * int8 quantisation of briefly trained networks: the file shrinks to under 30 % and the accuracy on
 * 2,000 test images stays within a point of the fp32 model's.
 */
class Int8QuantizerIT {
    @TempDir Path tmp;

    private byte[] trainAndExport(String architecture, int images, int epochs) {
        TrainTest mnist = TestHome.mnist();
        ImageSet train = mnist.train().head(images);
        TrainingConfig config =
                TrainingConfig.builder()
                        .setArchitecture(architecture)
                        .optEpochs(epochs)
                        .optValidationFraction(0)
                        .build();
        try (ImageClassifier c =
                ImageClassifier.create(
                        new ArchitectureSpec(architecture, ImageShape.MNIST, 10),
                        Mnist.CLASSES,
                        Normalization.fit(train),
                        5)) {
            new ClassifierTrainer(config, tmp.resolve("run-" + architecture), listener())
                    .fit(c, train, train.head(0));
            Instant now = Instant.now();
            Provenance provenance =
                    new Provenance(
                            config.toMap(),
                            config.seed(),
                            new Provenance.DatasetRef("mnist", Mnist.SPEC.contentHash(), "head"),
                            "test",
                            RuntimeInfo.current(EngineInfo.libraries()),
                            now,
                            now,
                            Map.of());
            return OnnxExporter.export(c, OnnxExporter.metadata(c, "", Optional.of(provenance)));
        }
    }

    private static TrainingListener listener() {
        return new TrainingListener() {};
    }

    static CalibrationSet calibration(int count) {
        ImageSet train = TestHome.mnist().train();
        // Images the short training runs did not see.
        int from = train.size() - count;
        float[] pixels = new float[count * train.imageSize()];
        for (int i = 0; i < count; i++) {
            train.copyImage(from + i, pixels, i * train.imageSize());
        }
        return new CalibrationSet(pixels, count, "last " + count + " of mnist/train");
    }

    static double accuracy(byte[] model, ImageSet test) {
        try (OnnxClassifier c = OnnxClassifier.fromBytes(model, 2, "model")) {
            float[][] p = c.probabilities(test);
            int right = 0;
            for (int i = 0; i < p.length; i++) {
                int best = 0;
                for (int k = 1; k < p[i].length; k++) {
                    if (p[i][k] > p[i][best]) {
                        best = k;
                    }
                }
                right += best == test.label(i) ? 1 : 0;
            }
            return (double) right / p.length;
        }
    }

    private static byte[] foldedOnly(byte[] fp32) {
        ModelProto m = ModelProtos.parse(fp32, "fp32");
        GraphBuilder g = GraphBuilder.of(m.getGraph());
        assertThat(BatchNormFolding.fold(g)).isEqualTo(6);
        assertThat(g.nodes()).noneMatch(n -> n.getOpType().equals("BatchNormalization"));
        return m.toBuilder().setGraph(g.build()).build().toByteArray();
    }

    private static double maxLogitDiff(byte[] a, byte[] b, ImageSet test) {
        float[] pixels = new float[test.size() * test.imageSize()];
        for (int i = 0; i < test.size(); i++) {
            test.copyImage(i, pixels, i * test.imageSize());
        }
        try (OnnxClassifier x = OnnxClassifier.fromBytes(a, 2, "a");
                OnnxClassifier y = OnnxClassifier.fromBytes(b, 2, "b")) {
            float[][] la = x.outputs(pixels, test.size()).logits();
            float[][] lb = y.outputs(pixels, test.size()).logits();
            double max = 0;
            for (int i = 0; i < la.length; i++) {
                for (int k = 0; k < la[i].length; k++) {
                    max = Math.max(max, Math.abs(la[i][k] - lb[i][k]));
                }
            }
            return max;
        }
    }

    @Test
    void kerasCnnShrinksToUnderThirtyPercentAndKeepsItsAccuracy() {
        byte[] fp32 = trainAndExport(Architectures.KERAS_CNN, 4_000, 3);
        Quantized int8 =
                new Int8Quantizer(QuantizationConfig.defaults()).quantize(fp32, calibration(1_000));
        ImageSet test = TestHome.mnist().test().head(2_000);
        double before = accuracy(fp32, test);
        double after = accuracy(int8.model(), test);
        double ratio = (double) int8.size() / fp32.length;
        System.out.printf(
                "keras-cnn: fp32 %,d B, int8 %,d B (%.1f %%); accuracy %.4f -> %.4f%n",
                fp32.length, int8.size(), ratio * 100, before, after);

        assertThat(ratio).isLessThanOrEqualTo(0.30);
        assertThat(before).isGreaterThan(0.85);
        assertThat(Math.abs(after - before)).isLessThanOrEqualTo(0.01);
        assertThat(int8.quantizedLayers()).isEqualTo(5);
        assertThat(int8.activations()).hasSize(5);
        ModelProto proto = ModelProtos.parse(int8.model(), "int8");
        assertThat(proto.getGraph().getInitializerList())
                .filteredOn(t -> t.getDataType() == TensorProto.DataType.INT8_VALUE)
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(ModelProtos.properties(proto))
                .containsEntry("worldmind.compression", "int8")
                .hasEntrySatisfying(
                        "worldmind.detail.quantization",
                        v -> assertThat(v).contains("last 1000 of mnist/train"));

        assertThatThrownBy(
                        () ->
                                new Int8Quantizer(QuantizationConfig.defaults())
                                        .quantize(int8.model(), calibration(10)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("already compressed");
    }

    @Test
    void strongCnnFoldsItsBatchNormsAndKeepsItsAccuracy() {
        byte[] fp32 = trainAndExport(Architectures.STRONG_CNN, 2_000, 1);
        Quantized int8 =
                new Int8Quantizer(QuantizationConfig.defaults()).quantize(fp32, calibration(500));
        ImageSet test = TestHome.mnist().test().head(2_000);
        double before = accuracy(fp32, test);
        double after = accuracy(int8.model(), test);
        double ratio = (double) int8.size() / fp32.length;
        System.out.printf(
                "strong-cnn: fp32 %,d B, int8 %,d B (%.1f %%); accuracy %.4f -> %.4f%n",
                fp32.length, int8.size(), ratio * 100, before, after);

        assertThat(int8.foldedBatchNorms()).isEqualTo(6);
        assertThat(maxLogitDiff(fp32, foldedOnly(fp32), test)).isLessThan(1e-4);
        assertThat(ratio).isLessThanOrEqualTo(0.30);
        assertThat(Math.abs(after - before)).isLessThanOrEqualTo(0.01);
    }
}
