package dev.worldmind.model.onnx;

import dev.worldmind.data.catalog.Mnist;
import dev.worldmind.data.image.ImageSet;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a JVM of its own (started by {@link OnnxExportIT}): loads an exported model in ONNX
 * Runtime, with no DJL in the picture, and writes its logits and probabilities for the whole MNIST
 * test set as big-endian floats: count, classes, then all logits, then all probabilities.
 */
public final class OnnxOutputsMain {
    private OnnxOutputsMain() {}

    /**
     * Entry point.
     *
     * @param args the model file, the MNIST folder and the output file
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path model = Path.of(args[0]);
        Path mnist = Path.of(args[1]);
        Path out = Path.of(args[2]);
        ImageSet test =
                ImageSet.fromIdx(
                        "mnist/test",
                        mnist.resolve("t10k-images-idx3-ubyte"),
                        mnist.resolve("t10k-labels-idx1-ubyte"),
                        Mnist.CLASSES);
        int n = test.size();
        int size = test.imageSize();
        float[][] logits = new float[n][];
        float[][] probabilities = new float[n][];
        try (OnnxClassifier onnx = OnnxClassifier.load(model, 2)) {
            for (int start = 0; start < n; start += 500) {
                int count = Math.min(500, n - start);
                float[] batch = new float[count * size];
                for (int k = 0; k < count; k++) {
                    test.copyImage(start + k, batch, k * size);
                }
                OnnxClassifier.Outputs o = onnx.outputs(batch, count);
                System.arraycopy(o.logits(), 0, logits, start, count);
                System.arraycopy(o.probabilities(), 0, probabilities, start, count);
            }
        }
        try (DataOutputStream data =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            data.writeInt(n);
            data.writeInt(logits[0].length);
            for (float[][] rows : new float[][][] {logits, probabilities}) {
                for (float[] row : rows) {
                    for (float v : row) {
                        data.writeFloat(v);
                    }
                }
            }
        }
        System.out.println("wrote " + n + " rows to " + out);
    }
}
