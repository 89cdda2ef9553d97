package dev.worldmind.model.generate;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.model.vision.ImageShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A DCGAN generator: turns seeded noise (and, when conditional, a class) into 28 x 28 gray images.
 * Owns a native DJL model, so close it. Not thread-safe: guard it.
 */
public final class Generator implements AutoCloseable {
    /** The name the weights are saved under (DJL adds {@code -0000.params}). */
    public static final String WEIGHTS = "generator";

    private static final int BATCH = 500;

    private final GeneratorSpec spec;
    private final Model model;

    private Generator(GeneratorSpec spec, Model model) {
        this.spec = spec;
        this.model = model;
    }

    /**
     * Creates an untrained generator whose weights come from a seed.
     *
     * @param spec its shape
     * @param seed the initial weights' seed
     * @return the generator; close it
     */
    public static Generator create(GeneratorSpec spec, long seed) {
        Model model = blank(spec);
        GanNetworks.initialise(model.getBlock(), seed);
        return new Generator(spec, model);
    }

    /**
     * Loads weights saved by {@link #save} into a generator of the given shape.
     *
     * @param spec its shape
     * @param dir the folder holding {@code generator-0000.params}
     * @return the generator; close it
     */
    public static Generator load(GeneratorSpec spec, Path dir) {
        if (!Files.isRegularFile(dir.resolve(WEIGHTS + "-0000.params"))) {
            throw new InvalidDataException(
                    "no generator weights in " + dir + ": " + WEIGHTS + "-0000.params is missing");
        }
        Model model = blank(spec);
        try {
            model.load(dir, WEIGHTS);
            return new Generator(spec, model);
        } catch (IOException | MalformedModelException e) {
            model.close();
            throw new InvalidDataException(
                    "cannot load generator weights from " + dir + ": " + e, e);
        }
    }

    private static Model blank(GeneratorSpec spec) {
        Model model = Model.newInstance(WEIGHTS);
        try {
            model.setBlock(GanNetworks.generator(spec));
            model.getBlock()
                    .initialize(
                            model.getNDManager(), DataType.FLOAT32, new Shape(1, spec.inputSize()));
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Draws images. The same seed, count and class always give the same images.
     *
     * @param count how many images
     * @param classIndex the class to draw, or -1 for any (a conditional generator then draws the
     *     classes at random from the seed)
     * @param seed the noise's seed
     * @return {@code count} images of 28 x 28 values in [0, 1], back to back, row-major
     */
    public float[] sample(int count, int classIndex, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        if (classIndex < -1 || classIndex >= Math.max(spec.classes().size(), 1)) {
            throw new IllegalArgumentException(
                    "class " + classIndex + " is not in 0.." + (spec.classes().size() - 1));
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] =
                    classIndex >= 0
                            ? classIndex
                            : spec.conditional() ? random.nextInt(spec.classes().size()) : 0;
        }
        float[] noise = new float[count * spec.latentSize()];
        GanNetworks.gaussians(random, noise);
        return sample(noise, labels);
    }

    /**
     * Draws images from given noise and classes (the trainer's fixed evaluation batch).
     *
     * @param noise {@code labels.length} noise vectors back to back
     * @param labels one class per image (ignored when unconditional)
     * @return the images, values in [0, 1]
     */
    public float[] sample(float[] noise, int[] labels) {
        int size = spec.shape().size();
        int latent = spec.latentSize();
        float[] out = new float[labels.length * size];
        for (int start = 0; start < labels.length; start += BATCH) {
            int n = Math.min(BATCH, labels.length - start);
            float[] z = new float[n * latent];
            System.arraycopy(noise, start * latent, z, 0, z.length);
            int[] y = java.util.Arrays.copyOfRange(labels, start, start + n);
            try (NDManager m = model.getNDManager().newSubManager()) {
                NDArray x = GanNetworks.generatorInput(m, spec, z, y);
                NDArray images =
                        model.getBlock()
                                .forward(new ParameterStore(m, false), new NDList(x), false)
                                .singletonOrThrow();
                float[] flat = images.add(1f).div(2f).clip(0f, 1f).toFloatArray();
                System.arraycopy(flat, 0, out, start * size, flat.length);
            }
        }
        return out;
    }

    /**
     * Saves the weights as {@code generator-0000.params}.
     *
     * @param dir the folder, created if needed
     */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            model.save(dir, WEIGHTS);
        } catch (IOException e) {
            throw new WorldmindException("cannot save the generator in " + dir + ": " + e, e);
        }
    }

    /** Whether {@link #sample} takes a class. */
    public boolean conditional() {
        return spec.conditional();
    }

    /** The class names of the data it learnt from, in label order. */
    public List<String> classes() {
        return spec.classes();
    }

    /** The images' shape. */
    public ImageShape shape() {
        return spec.shape();
    }

    /** The network's shape. */
    public GeneratorSpec spec() {
        return spec;
    }

    /** The DJL model, for training; it stays owned by this generator. */
    Model model() {
        return model;
    }

    @Override
    public void close() {
        model.close();
    }
}
