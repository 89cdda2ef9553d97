package dev.worldmind.model.vision;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import dev.worldmind.core.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The named image-classification networks. Each outputs raw logits, one per class; softmax is
 * applied by the loss during training and by the classifier at prediction time.
 */
public final class Architectures {
    /** A small fully connected baseline. */
    public static final String MLP = "mlp";

    /** Exactly the Keras tutorial CNN of the source document. */
    public static final String KERAS_CNN = "keras-cnn";

    /** Worldmind's stronger CNN: VGG-style blocks with batch norm and dropout. */
    public static final String STRONG_CNN = "strong-cnn";

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        ENTRIES.put(
                MLP,
                new Entry("784-256-128-10 perceptron with ReLU and dropout", Architectures::mlp));
        ENTRIES.put(
                KERAS_CNN,
                new Entry(
                        "Conv32 3x3 ReLU, MaxPool 2, Conv64 3x3 ReLU, MaxPool 2, Conv64 3x3 ReLU,"
                                + " Flatten, Dense64 ReLU, Dense (the source's Keras model)",
                        Architectures::kerasCnn));
        ENTRIES.put(
                STRONG_CNN,
                new Entry(
                        "2x Conv32, 2x Conv64, Conv128 (3x3, batch norm, ReLU, max pool),"
                                + " dropout, Dense128 with batch norm; trained with augmentation",
                        Architectures::strongCnn));
    }

    private Architectures() {}

    /** Returns the known architecture names. */
    public static List<String> names() {
        return List.copyOf(ENTRIES.keySet());
    }

    /**
     * Describes an architecture in one line.
     *
     * @param name the architecture
     */
    public static String describe(String name) {
        return entry(name).description();
    }

    /**
     * Builds a fresh, uninitialised network.
     *
     * @param spec which architecture and how many classes
     * @return the block
     * @throws NotFoundException for an unknown name
     */
    public static Block create(ArchitectureSpec spec) {
        return entry(spec.name()).factory().apply(spec.classes());
    }

    private static Entry entry(String name) {
        Entry e = ENTRIES.get(name);
        if (e == null) {
            throw new NotFoundException(
                    "unknown architecture '" + name + "'; known: " + String.join(", ", names()));
        }
        return e;
    }

    private static Block mlp(int classes) {
        return new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(256).build())
                .add(Activation::relu)
                .add(Dropout.builder().optRate(0.2f).build())
                .add(Linear.builder().setUnits(128).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(classes).build());
    }

    private static Block kerasCnn(int classes) {
        return new SequentialBlock()
                .add(conv(32, false))
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(conv(64, false))
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(conv(64, false))
                .add(Activation::relu)
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(64).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(classes).build());
    }

    private static Block strongCnn(int classes) {
        return new SequentialBlock()
                .add(convBnRelu(32))
                .add(convBnRelu(32))
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Dropout.builder().optRate(0.1f).build())
                .add(convBnRelu(64))
                .add(convBnRelu(64))
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Dropout.builder().optRate(0.1f).build())
                .add(convBnRelu(128))
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Dropout.builder().optRate(0.3f).build())
                .add(Linear.builder().setUnits(128).optBias(false).build())
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(Dropout.builder().optRate(0.3f).build())
                .add(Linear.builder().setUnits(classes).build());
    }

    private static Block convBnRelu(int filters) {
        return new SequentialBlock()
                .add(conv(filters, true))
                .add(BatchNorm.builder().build())
                .add(Activation::relu);
    }

    /** A 3x3 convolution; "same" padding and no bias when batch norm follows. */
    private static Block conv(int filters, boolean sameAndNoBias) {
        Conv2d.Builder b = Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters);
        if (sameAndNoBias) {
            b.optPadding(new Shape(1, 1)).optBias(false);
        }
        return b.build();
    }

    private record Entry(String description, IntFunction<Block> factory) {}
}
