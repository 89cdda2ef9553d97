package dev.worldmind.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.data.catalog.Mnist;
import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.data.image.Normalization;
import dev.worldmind.model.train.ClassifierTrainer;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.train.TrainingListener;
import dev.worldmind.model.vision.ArchitectureSpec;
import dev.worldmind.model.vision.Architectures;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.model.vision.ImageShape;
import dev.worldmind.testing.TestHome;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of the ONNX export: a briefly trained Keras CNN, exported, gives the same
 * logits and probabilities in ONNX Runtime, in a JVM that never loaded DJL, for every one of the
 * 10,000 MNIST test images.
 */
class OnnxExportIT {
    private static final double TOLERANCE = 1e-4;

    @TempDir Path tmp;

    @Test
    void onnxRuntimeInAFreshJvmAgreesWithDjlOnTheWholeTestSet() throws Exception {
        TrainTest mnist = TestHome.mnist();
        ImageSet train = mnist.train().head(3_000);
        ImageSet test = mnist.test();
        TrainingConfig config =
                TrainingConfig.builder()
                        .setArchitecture(Architectures.KERAS_CNN)
                        .optEpochs(2)
                        .optValidationFraction(0)
                        .build();
        Path model = tmp.resolve("keras-cnn.onnx");
        float[][] djlLogits = new float[test.size()][];
        float[][] djlProbabilities;
        try (ImageClassifier c =
                ImageClassifier.create(
                        new ArchitectureSpec(Architectures.KERAS_CNN, ImageShape.MNIST, 10),
                        Mnist.CLASSES,
                        Normalization.fit(train),
                        11)) {
            new ClassifierTrainer(config, tmp.resolve("run"), new TrainingListener() {})
                    .fit(c, train, train.head(0));
            OnnxExporter.export(
                    c,
                    OnnxExporter.metadata(
                            c,
                            "",
                            Optional.of(OnnxClassifierTest.provenance(Architectures.KERAS_CNN))),
                    model);
            djlProbabilities = c.probabilities(test);
            int size = test.imageSize();
            for (int start = 0; start < test.size(); start += 500) {
                float[] batch = new float[500 * size];
                for (int k = 0; k < 500; k++) {
                    test.copyImage(start + k, batch, k * size);
                }
                System.arraycopy(c.logits(batch, 500), 0, djlLogits, start, 500);
            }
        }

        Path outputs = tmp.resolve("onnx-outputs.bin");
        Path log = tmp.resolve("child.log");
        Process child =
                new ProcessBuilder(
                                List.of(
                                        Path.of(System.getProperty("java.home"), "bin", "java")
                                                .toString(),
                                        "-Xmx512m",
                                        "-cp",
                                        testClassPath(),
                                        OnnxOutputsMain.class.getName(),
                                        model.toString(),
                                        TestHome.get().datasets().resolve("mnist").toString(),
                                        outputs.toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("child finished").isTrue();
        assertThat(child.exitValue()).as(Files.readString(log)).isZero();

        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(outputs)))) {
            int n = in.readInt();
            int classes = in.readInt();
            assertThat(n).isEqualTo(10_000);
            assertThat(classes).isEqualTo(10);
            double logitDiff = maxAbsDiff(in, djlLogits);
            double probabilityDiff = maxAbsDiff(in, djlProbabilities);
            System.out.printf(
                    "DJL vs ONNX Runtime over %d images: max |logit diff| %.3g, max |p diff| %.3g%n",
                    n, logitDiff, probabilityDiff);
            assertThat(logitDiff).isLessThanOrEqualTo(TOLERANCE);
            assertThat(probabilityDiff).isLessThanOrEqualTo(TOLERANCE);
        }
    }

    private static double maxAbsDiff(DataInputStream in, float[][] expected) throws IOException {
        double max = 0;
        for (float[] row : expected) {
            for (float v : row) {
                max = Math.max(max, Math.abs(in.readFloat() - v));
            }
        }
        return max;
    }

    /** The test class path, also when the test JVM was started from a manifest-only jar. */
    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        assertThat(cp).contains(File.pathSeparator);
        return cp;
    }
}
