package dev.worldmind.model.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.data.image.Normalization;
import dev.worldmind.model.onnx.internal.ModelProtos;
import dev.worldmind.model.vision.ArchitectureSpec;
import dev.worldmind.model.vision.ImageModel;
import dev.worldmind.model.vision.ImageShape;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An image classifier run by ONNX Runtime from a Worldmind ONNX file ({@link OnnxFormat}): raw
 * pixels in, probabilities out, the normalisation inside the graph. Everything it needs to know
 * (classes, input shape) comes from the file's own metadata. Owns a native session, so close it.
 * Thread-safe: ONNX Runtime sessions may run from several threads at once.
 */
public final class OnnxClassifier implements ImageModel {
    /**
     * Intra-op threads by default: one, so that several sessions or request threads share the cores
     * instead of oversubscribing them.
     */
    public static final int DEFAULT_THREADS = 1;

    private final OrtSession session;
    private final OnnxMetadata metadata;
    private final String source;

    private OnnxClassifier(OrtSession session, OnnxMetadata metadata, String source) {
        this.session = session;
        this.metadata = metadata;
        this.source = source;
    }

    /**
     * Loads a model file with {@link #DEFAULT_THREADS}.
     *
     * @param file the {@code .onnx} file
     * @return the classifier; close it
     * @throws InvalidDataException if the file is missing, not ONNX, not Worldmind's or its input
     *     does not match its metadata
     */
    public static OnnxClassifier load(Path file) {
        return load(file, DEFAULT_THREADS);
    }

    /**
     * Loads a model file.
     *
     * @param file the {@code .onnx} file
     * @param threads intra-op threads for one inference
     * @return the classifier; close it
     * @throws InvalidDataException if the file is missing, not ONNX, not Worldmind's or its input
     *     does not match its metadata
     */
    public static OnnxClassifier load(Path file, int threads) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidDataException("ONNX model not found: " + file, e);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read ONNX model " + file + ": " + e, e);
        }
        return fromBytes(bytes, threads, file.toString());
    }

    /**
     * Loads a model from its serialised form.
     *
     * @param model the ONNX model's bytes
     * @param threads intra-op threads for one inference
     * @param source where it came from, for messages
     * @return the classifier; close it
     */
    public static OnnxClassifier fromBytes(byte[] model, int threads, String source) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        OnnxMetadata metadata =
                OnnxMetadata.fromProperties(
                        ModelProtos.properties(ModelProtos.parse(model, source)), source);
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = OrtEnvironment.getEnvironment().createSession(model, options);
        } catch (OrtException e) {
            throw new InvalidDataException(
                    "ONNX Runtime cannot load " + source + ": " + e.getMessage(), e);
        }
        try {
            checkInput(session, metadata.architecture().input(), source);
            return new OnnxClassifier(session, metadata, source);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /** Returns the version of the ONNX Runtime library in use, for provenance. */
    public static String runtimeVersion() {
        return OrtEnvironment.getEnvironment().getVersion();
    }

    /** Returns what the file says about itself. */
    public OnnxMetadata metadata() {
        return metadata;
    }

    @Override
    public ArchitectureSpec spec() {
        return metadata.architecture();
    }

    @Override
    public Normalization normalization() {
        return metadata.normalization();
    }

    @Override
    public List<String> classes() {
        return metadata.classes();
    }

    @Override
    public float[][] probabilities(float[] images01, int count) {
        return run(images01, count, false).probabilities();
    }

    /**
     * Runs the network and returns both outputs.
     *
     * @param images01 {@code count} images back to back, channels first, pixels in [0, 1]
     * @param count how many images
     * @return logits and probabilities, one row per image
     */
    public Outputs outputs(float[] images01, int count) {
        return run(images01, count, true);
    }

    private Outputs run(float[] images01, int count, boolean withLogits) {
        ImageShape in = spec().input();
        if (count < 1 || images01.length != (long) count * in.size()) {
            throw new InvalidDataException(
                    "expected "
                            + count
                            + " images of "
                            + in.size()
                            + " values ("
                            + in.channels()
                            + "x"
                            + in.height()
                            + "x"
                            + in.width()
                            + "), got "
                            + images01.length
                            + " values");
        }
        long[] shape = {count, in.channels(), in.height(), in.width()};
        Set<String> wanted =
                withLogits
                        ? Set.of(OnnxFormat.LOGITS, OnnxFormat.PROBABILITIES)
                        : Set.of(OnnxFormat.PROBABILITIES);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(images01), shape);
                OrtSession.Result result = session.run(Map.of(OnnxFormat.INPUT, input), wanted)) {
            float[][] probabilities = rows(result, OnnxFormat.PROBABILITIES, count);
            float[][] logits = withLogits ? rows(result, OnnxFormat.LOGITS, count) : null;
            return new Outputs(logits, probabilities);
        } catch (OrtException e) {
            throw new WorldmindException("ONNX Runtime failed on " + source + ": " + e, e);
        }
    }

    private float[][] rows(OrtSession.Result result, String name, int count) {
        OnnxValue value =
                result.get(name)
                        .orElseThrow(
                                () -> new InvalidDataException(source + " has no output " + name));
        FloatBuffer flat = ((OnnxTensor) value).getFloatBuffer();
        int k = spec().classes();
        if (flat.remaining() != count * k) {
            throw new InvalidDataException(
                    source + " gave " + flat.remaining() + " values for " + count + "x" + k);
        }
        float[][] out = new float[count][k];
        for (float[] row : out) {
            flat.get(row);
        }
        return out;
    }

    private static void checkInput(OrtSession session, ImageShape in, String source) {
        NodeInfo info;
        try {
            info = session.getInputInfo().get(OnnxFormat.INPUT);
        } catch (OrtException e) {
            throw new InvalidDataException("cannot read the inputs of " + source, e);
        }
        long[] expected = {-1, in.channels(), in.height(), in.width()};
        if (info == null
                || !(info.getInfo() instanceof TensorInfo t)
                || t.type != ai.onnxruntime.OnnxJavaType.FLOAT
                || !Arrays.equals(t.getShape(), expected)) {
            throw new InvalidDataException(
                    source
                            + " must take float input '"
                            + OnnxFormat.INPUT
                            + "' of shape "
                            + Arrays.toString(expected)
                            + " (batch, channels, height, width), as its metadata says; it takes "
                            + (info == null ? "no such input" : info.getInfo()));
        }
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Already failing; the first error is the one to report.
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new WorldmindException("cannot close the ONNX session of " + source, e);
        }
    }

    /**
     * Both outputs of one run.
     *
     * @param logits the raw scores, one row per image (null when not asked for)
     * @param probabilities the softmax of the logits, one row per image
     */
    public record Outputs(float[][] logits, float[][] probabilities) {}
}
