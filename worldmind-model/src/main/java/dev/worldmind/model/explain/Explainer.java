package dev.worldmind.model.explain;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.model.vision.ImageShape;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Computes visual explanations of an image classifier's predictions.
 *
 * <p>Both methods differentiate the explained class's logit (the score before softmax, so other
 * classes do not enter the gradient) in inference mode: dropout off, batch norm on its running
 * statistics, so each image's explanation depends on that image alone and batching changes nothing.
 * The weights are frozen for the backward pass, so no gradient reaches them: explaining never
 * changes, nor leaves anything behind in, a model that serves or trains.
 */
public final class Explainer {
    /** The most images one call explains; the backward pass holds every activation. */
    public static final int MAX_BATCH = 256;

    // DJL's PyTorch engine allows one gradient collector at a time in the whole JVM.
    private static final ReentrantLock COLLECTING = new ReentrantLock();
    private static final int COLLECTOR_ATTEMPTS = 100;
    private static final long COLLECTOR_WAIT_MILLIS = 20;

    private Explainer() {}

    /**
     * Explains one prediction.
     *
     * @param classifier the classifier (not thread-safe: the caller guards it)
     * @param image01 one image, pixel values in [0, 1], not normalised
     * @param method how to attribute
     * @param classIndex the class to explain, or -1 for the predicted class
     * @return the explanation
     */
    public static Explanation explain(
            ImageClassifier classifier, float[] image01, ExplanationMethod method, int classIndex) {
        return explain(classifier, image01, 1, method, classIndex).get(0);
    }

    /**
     * Explains the predictions of several images in one forward and backward pass.
     *
     * @param classifier the classifier (not thread-safe: the caller guards it)
     * @param images01 {@code count} images back to back, pixel values in [0, 1], not normalised
     * @param count how many images, at most {@link #MAX_BATCH}
     * @param method how to attribute
     * @param classIndex the class to explain for every image, or -1 for each image's predicted
     *     class
     * @return one explanation per image
     * @throws InvalidDataException for a bad class or image size, or Grad-CAM on a network without
     *     convolutions
     */
    public static List<Explanation> explain(
            ImageClassifier classifier,
            float[] images01,
            int count,
            ExplanationMethod method,
            int classIndex) {
        ImageShape in = classifier.spec().input();
        int classes = classifier.classes().size();
        if (count < 1 || count > MAX_BATCH || images01.length != (long) count * in.size()) {
            throw new InvalidDataException(
                    "expected 1-"
                            + MAX_BATCH
                            + " images of "
                            + in.size()
                            + " values, got "
                            + images01.length
                            + " values for "
                            + count);
        }
        if (classIndex < -1 || classIndex >= classes) {
            throw new InvalidDataException(
                    "class index must be -1 (predicted) or 0-" + (classes - 1) + ": " + classIndex);
        }
        int cut =
                method == ExplanationMethod.GRAD_CAM ? GradCam.featureLayer(classifier.spec()) : -1;
        float[] x = images01.clone();
        classifier.normalization().apply(x, 0, x.length);
        Model model = classifier.model();
        List<Block> layers = model.getBlock().getChildren().values().stream().toList();
        List<Parameter> frozen = new ArrayList<>();
        COLLECTING.lock();
        try (NDManager manager = model.getNDManager().newSubManager();
                GradientCollector collector = collector(model)) {
            freeze(model.getBlock(), frozen);
            NDArray input =
                    manager.create(x, new Shape(count, in.channels(), in.height(), in.width()));
            if (method == ExplanationMethod.SALIENCY) {
                input.setRequiresGradient(true);
            }
            ParameterStore store = new ParameterStore(manager, false);
            NDList current = new NDList(input);
            NDArray features = null;
            for (int i = 0; i < layers.size(); i++) {
                current = layers.get(i).forward(store, current, false);
                if (i == cut) {
                    // Nothing before it needs a gradient: this is a leaf the backward pass ends at.
                    features = current.singletonOrThrow();
                    features.setRequiresGradient(true);
                }
            }
            NDArray logits = current.singletonOrThrow();
            float[] probs = logits.softmax(1).toFloatArray();
            int[] explained = new int[count];
            float[] mask = new float[count * classes];
            for (int i = 0; i < count; i++) {
                explained[i] = classIndex >= 0 ? classIndex : argmax(probs, i * classes, classes);
                mask[i * classes + explained[i]] = 1f;
            }
            // Images are independent at inference, so the sum's gradient is each one's own.
            NDArray target = logits.mul(manager.create(mask, logits.getShape())).sum();
            collector.backward(target);
            float[][] maps =
                    method == ExplanationMethod.SALIENCY
                            ? Saliency.maps(input.getGradient(), count, in)
                            : GradCam.maps(
                                    features,
                                    features.getGradient(),
                                    count,
                                    in,
                                    GradCam.Geometry.of(classifier.spec(), cut));
            List<Explanation> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int c = explained[i];
                out.add(
                        new Explanation(
                                method.id(),
                                c,
                                classifier.classes().get(c),
                                probs[i * classes + c],
                                in.height(),
                                in.width(),
                                maps[i]));
            }
            return out;
        } finally {
            for (Parameter p : frozen) {
                p.freeze(false);
            }
            COLLECTING.unlock();
        }
    }

    /** Stops gradients at the weights, noting each parameter to unfreeze afterwards. */
    private static void freeze(Block block, List<Parameter> frozen) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter param = p.getValue();
            if (param.requiresGradient() && param.isInitialized()) {
                param.freeze(true);
                frozen.add(param);
            }
        }
    }

    /**
     * Opens a gradient collector, waiting a little while another one is open elsewhere in the JVM
     * (a training step in another thread holds it for one batch).
     */
    private static GradientCollector collector(Model model) {
        try {
            return dev.worldmind.model.train.GradientTapes.open(
                    () -> model.getNDManager().getEngine().newGradientCollector(),
                    java.time.Duration.ofMillis(COLLECTOR_ATTEMPTS * COLLECTOR_WAIT_MILLIS));
        } catch (dev.worldmind.model.train.GradientTapes.EngineBusyException e) {
            throw new EngineBusyException(
                    "the engine is busy training; explanations need it briefly, retry");
        }
    }

    private static int argmax(float[] values, int from, int n) {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (values[from + k] > values[from + best]) {
                best = k;
            }
        }
        return best;
    }

    /** Scales a map to [0, 1] by its maximum; an all-zero map stays zero. */
    static void normalise(float[] map) {
        float max = 0f;
        for (float v : map) {
            max = Math.max(max, v);
        }
        if (max > 0f) {
            for (int i = 0; i < map.length; i++) {
                map[i] = map[i] / max; // division, not a reciprocal: the maximum becomes exactly 1
            }
        }
    }
}
