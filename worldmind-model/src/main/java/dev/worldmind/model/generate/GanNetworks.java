package dev.worldmind.model.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;
import java.util.SplittableRandom;

/** Builds, initialises and feeds the two DCGAN networks. Stateless. */
final class GanNetworks {
    private static final float LEAK = 0.2f;
    private static final double INIT_STD = 0.02; // Radford et al.

    private GanNetworks() {}

    static SequentialBlock generator(GeneratorSpec spec) {
        int deep = spec.width() * 2;
        SequentialBlock b = new SequentialBlock();
        b.add(Linear.builder().setUnits(deep * 7 * 7L).optBias(false).build());
        b.add(BatchNorm.builder().build());
        b.add(Activation::relu);
        b.add(
                new LambdaBlock(
                        x -> new NDList(x.singletonOrThrow().reshape(-1, deep, 7, 7)), "reshape"));
        b.add(upsample());
        b.add(conv3(spec.width(), false));
        b.add(BatchNorm.builder().build());
        b.add(Activation::relu);
        b.add(upsample());
        b.add(conv3(spec.shape().channels(), true));
        b.add(Activation::tanh);
        return b;
    }

    /**
     * Doubles the height and width by repeating each pixel (nearest neighbour). DJL's PyTorch
     * engine does not implement transposed convolution ("deconvolution" is "Not implemented" in
     * 0.36), so the generator upsamples and then convolves, which also avoids the checkerboard
     * artefacts of strided transposed convolutions (Odena et al., 2016).
     */
    private static LambdaBlock upsample() {
        return new LambdaBlock(
                list -> {
                    NDArray x = list.singletonOrThrow();
                    Shape s = x.getShape();
                    long n = s.get(0);
                    long c = s.get(1);
                    long h = s.get(2);
                    long w = s.get(3);
                    return new NDList(
                            x.reshape(n, c, h, 1, w, 1)
                                    .broadcast(n, c, h, 2, w, 2)
                                    .reshape(n, c, h * 2, w * 2));
                },
                "upsample");
    }

    private static Conv2d conv3(int filters, boolean bias) {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .setFilters(filters)
                .optBias(bias)
                .build();
    }

    static SequentialBlock discriminator(GeneratorSpec spec) {
        SequentialBlock b = new SequentialBlock();
        b.add(
                Conv2d.builder()
                        .setKernelShape(new Shape(4, 4))
                        .optStride(new Shape(2, 2))
                        .optPadding(new Shape(1, 1))
                        .setFilters(spec.width())
                        .build());
        b.add(Activation.leakyReluBlock(LEAK));
        b.add(
                Conv2d.builder()
                        .setKernelShape(new Shape(4, 4))
                        .optStride(new Shape(2, 2))
                        .optPadding(new Shape(1, 1))
                        .setFilters(spec.width() * 2)
                        .optBias(false)
                        .build());
        b.add(BatchNorm.builder().build());
        b.add(Activation.leakyReluBlock(LEAK));
        b.add(Blocks.batchFlattenBlock());
        b.add(Linear.builder().setUnits(1).build());
        return b;
    }

    /**
     * Sets the weights from a Java seed, so runs repeat whatever the engine's random state: dense
     * and convolution weights from N(0, 0.02), biases 0, batch-norm scales 1 and shifts 0.
     */
    static void initialise(Block block, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter param = p.getValue();
            NDArray a = param.getArray();
            float[] values = new float[(int) a.size()];
            switch (param.getType()) {
                case WEIGHT -> {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = (float) (INIT_STD * gaussian(random));
                    }
                }
                case GAMMA, RUNNING_VAR -> java.util.Arrays.fill(values, 1f);
                default -> {} // biases, shifts and running means start at 0
            }
            a.set(values);
        }
    }

    /** The generator's input: noise with the classes' one-hot codes appended when conditional. */
    static NDArray generatorInput(
            NDManager manager, GeneratorSpec spec, float[] noise, int[] labels) {
        int n = labels.length;
        int in = spec.inputSize();
        float[] x = new float[n * in];
        for (int i = 0; i < n; i++) {
            System.arraycopy(noise, i * spec.latentSize(), x, i * in, spec.latentSize());
            if (spec.conditional()) {
                x[i * in + spec.latentSize() + labels[i]] = 1f;
            }
        }
        return manager.create(x, new Shape(n, in));
    }

    /**
     * The discriminator's input: images in [-1, 1], shape (n, 1, 28, 28), with one constant plane
     * per class (1 for the image's class, 0 elsewhere) when conditional.
     */
    static NDArray discriminatorInput(
            NDManager manager, GeneratorSpec spec, NDArray images, int[] labels) {
        if (!spec.conditional()) {
            return images;
        }
        int n = labels.length;
        int k = spec.classes().size();
        float[] onehot = new float[n * k];
        for (int i = 0; i < n; i++) {
            onehot[i * k + labels[i]] = 1f;
        }
        NDArray planes =
                manager.create(onehot, new Shape(n, k, 1, 1)).broadcast(new Shape(n, k, 28, 28));
        return images.concat(planes, 1);
    }

    /** Fills {@code out} with standard normal values. */
    static void gaussians(SplittableRandom random, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) gaussian(random);
        }
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double w = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }
}
