package dev.worldmind.model.vision;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.data.image.Normalization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A network that maps images to class probabilities, with what it needs to interpret raw pixels:
 * its architecture, its input normalisation and its class names. Owns a native DJL model, so close
 * it. Not thread-safe: use one instance per thread, or guard it.
 */
public final class ImageClassifier implements ImageModel {
    /** The name weights files are saved under inside a model folder. */
    public static final String WEIGHTS_NAME = "model";

    private static final int BATCH = 500;

    private final Model model;
    private final ArchitectureSpec spec;
    private final Normalization normalization;
    private final List<String> classes;

    private ImageClassifier(
            Model model, ArchitectureSpec spec, Normalization normalization, List<String> classes) {
        this.model = model;
        this.spec = spec;
        this.normalization = normalization;
        this.classes = List.copyOf(classes);
        if (this.classes.size() != spec.classes()) {
            throw new IllegalArgumentException(
                    spec.classes() + " outputs but " + classes.size() + " class names");
        }
    }

    /**
     * Creates a new network with freshly initialised weights; the seed fixes the initial weights.
     *
     * @param spec the architecture
     * @param classes the class names
     * @param normalization the input normalisation
     * @param seed the seed of the initial weights (and of the engine's random generator)
     * @return the untrained classifier
     */
    public static ImageClassifier create(
            ArchitectureSpec spec, List<String> classes, Normalization normalization, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        Model model = initialised(spec);
        try {
            return new ImageClassifier(model, spec, normalization, classes);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** A model holding the architecture's block with freshly initialised weights. */
    private static Model initialised(ArchitectureSpec spec) {
        Model model = Model.newInstance(spec.name());
        try {
            model.setBlock(Architectures.create(spec));
            ImageShape in = spec.input();
            model.getBlock()
                    .initialize(
                            model.getNDManager(),
                            DataType.FLOAT32,
                            new Shape(1, in.channels(), in.height(), in.width()));
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Loads weights saved by {@link #save(Path)} into a fresh network of the given architecture.
     *
     * @param weightsDir the folder the weights were saved in
     * @param spec the architecture they belong to
     * @param classes the class names
     * @param normalization the input normalisation used in training
     * @return the classifier
     */
    public static ImageClassifier load(
            Path weightsDir,
            ArchitectureSpec spec,
            List<String> classes,
            Normalization normalization) {
        // Initialised first so the block knows its input, which saving it again describes.
        Model model = initialised(spec);
        try {
            model.load(weightsDir, WEIGHTS_NAME);
            return new ImageClassifier(model, spec, normalization, classes);
        } catch (IOException | MalformedModelException e) {
            model.close();
            throw new InvalidDataException(
                    "cannot load " + spec.name() + " weights from " + weightsDir + ": " + e, e);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Saves the weights as {@code model-0000.params} in a folder.
     *
     * @param dir the folder
     */
    public void save(Path dir) {
        try {
            model.setProperty("Epoch", "0");
            model.save(dir, WEIGHTS_NAME);
        } catch (IOException e) {
            throw new WorldmindException("cannot save weights to " + dir + ": " + e, e);
        }
    }

    /**
     * Computes class probabilities for every image of a set, in batches.
     *
     * @param set the images
     * @return one probability row per image
     */
    public float[][] probabilities(ImageSet set) {
        checkShape(set.height(), set.width());
        int n = set.size();
        int size = set.imageSize();
        float[][] out = new float[n][];
        for (int start = 0; start < n; start += BATCH) {
            int count = Math.min(BATCH, n - start);
            float[] batch = new float[count * size];
            for (int k = 0; k < count; k++) {
                set.copyImage(start + k, batch, k * size);
            }
            float[][] probs = probabilities(batch, count);
            System.arraycopy(probs, 0, out, start, count);
        }
        return out;
    }

    /**
     * Computes class probabilities for images given as pixel values in [0, 1].
     *
     * @param images01 {@code count} images back to back, not yet normalised (left unchanged)
     * @param count how many images
     * @return one probability row per image
     */
    @Override
    public float[][] probabilities(float[] images01, int count) {
        return forward(images01, count, true);
    }

    /**
     * Computes the raw network outputs (before softmax) for images given as pixel values in [0, 1].
     *
     * @param images01 {@code count} images back to back, not yet normalised (left unchanged)
     * @param count how many images
     * @return one row of logits per image
     */
    public float[][] logits(float[] images01, int count) {
        return forward(images01, count, false);
    }

    private float[][] forward(float[] images01, int count, boolean softmax) {
        int size = spec.input().size();
        if (images01.length != count * size) {
            throw new InvalidDataException(
                    "expected " + count + " images of " + size + " values, got " + images01.length);
        }
        float[] x = images01.clone();
        normalization.apply(x, 0, x.length);
        try (NDManager manager = model.getNDManager().newSubManager()) {
            ImageShape in = spec.input();
            NDArray input =
                    manager.create(x, new Shape(count, in.channels(), in.height(), in.width()));
            NDArray logits =
                    model.getBlock()
                            .forward(new ParameterStore(manager, false), new NDList(input), false)
                            .singletonOrThrow();
            float[] flat = (softmax ? logits.softmax(1) : logits).toFloatArray();
            int k = spec.classes();
            float[][] out = new float[count][k];
            for (int i = 0; i < count; i++) {
                System.arraycopy(flat, i * k, out[i], 0, k);
            }
            return out;
        }
    }

    /**
     * Computes the network's image features for images given as pixel values in [0, 1]: the
     * activations that enter the last layer (for the CNNs, the ReLU of the penultimate dense
     * layer), at inference (dropout off, batch norm on running statistics). Used to compare images
     * (similar products) and distributions of images (FID).
     *
     * @param images01 {@code count} images back to back, not yet normalised (left unchanged)
     * @param count how many images
     * @return one feature row per image
     */
    public float[][] features(float[] images01, int count) {
        int size = spec.input().size();
        if (images01.length != count * size) {
            throw new InvalidDataException(
                    "expected " + count + " images of " + size + " values, got " + images01.length);
        }
        float[][] out = new float[count][];
        for (int start = 0; start < count; start += BATCH) {
            int n = Math.min(BATCH, count - start);
            float[] x = new float[n * size];
            System.arraycopy(images01, start * size, x, 0, x.length);
            normalization.apply(x, 0, x.length);
            try (NDManager manager = model.getNDManager().newSubManager()) {
                ImageShape in = spec.input();
                NDList current =
                        new NDList(
                                manager.create(
                                        x, new Shape(n, in.channels(), in.height(), in.width())));
                ParameterStore store = new ParameterStore(manager, false);
                List<Block> layers = model.getBlock().getChildren().values().stream().toList();
                for (Block layer : layers.subList(0, layers.size() - 1)) {
                    current = layer.forward(store, current, false);
                }
                NDArray features = current.singletonOrThrow().reshape(n, -1);
                int width = (int) features.getShape().get(1);
                float[] flat = features.toFloatArray();
                for (int i = 0; i < n; i++) {
                    out[start + i] = new float[width];
                    System.arraycopy(flat, i * width, out[start + i], 0, width);
                }
            }
        }
        return out;
    }

    /** Returns the DJL model, for training; it stays owned by this classifier. */
    public Model model() {
        return model;
    }

    /** Returns the architecture. */
    @Override
    public ArchitectureSpec spec() {
        return spec;
    }

    /** Returns the input normalisation. */
    @Override
    public Normalization normalization() {
        return normalization;
    }

    /** Returns the class names. */
    @Override
    public List<String> classes() {
        return classes;
    }

    /** Returns the number of trainable values in the network. */
    public long parameterCount() {
        return model.getBlock().getParameters().values().stream()
                .filter(p -> p.requiresGradient())
                .mapToLong(p -> p.getArray().size())
                .sum();
    }

    private void checkShape(int height, int width) {
        ImageShape in = spec.input();
        if (height != in.height() || width != in.width()) {
            throw new InvalidDataException(
                    "model "
                            + spec.name()
                            + " takes "
                            + in.height()
                            + "x"
                            + in.width()
                            + " images, got "
                            + height
                            + "x"
                            + width);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
