package dev.worldmind.model.vision;

import ai.djl.nn.Block;
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
        return layers(spec).toBlock();
    }

    /**
     * Describes a network layer by layer: what {@link #create} builds, as data that other runtimes
     * (the ONNX export) can read.
     *
     * @param spec which architecture and how many classes
     * @return the top-level sequence; its structure mirrors the DJL block tree one to one
     * @throws NotFoundException for an unknown name
     */
    public static Layer.Sequence layers(ArchitectureSpec spec) {
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

    private static Layer.Sequence mlp(int classes) {
        return Layer.Sequence.of(
                new Layer.Flatten(),
                new Layer.Dense(256, true),
                new Layer.Relu(),
                new Layer.Dropout(0.2f),
                new Layer.Dense(128, true),
                new Layer.Relu(),
                new Layer.Dense(classes, true));
    }

    private static Layer.Sequence kerasCnn(int classes) {
        return Layer.Sequence.of(
                new Layer.Conv(32, 3, 0, true),
                new Layer.Relu(),
                new Layer.MaxPool(2),
                new Layer.Conv(64, 3, 0, true),
                new Layer.Relu(),
                new Layer.MaxPool(2),
                new Layer.Conv(64, 3, 0, true),
                new Layer.Relu(),
                new Layer.Flatten(),
                new Layer.Dense(64, true),
                new Layer.Relu(),
                new Layer.Dense(classes, true));
    }

    private static Layer.Sequence strongCnn(int classes) {
        return Layer.Sequence.of(
                convBnRelu(32),
                convBnRelu(32),
                new Layer.MaxPool(2),
                new Layer.Dropout(0.1f),
                convBnRelu(64),
                convBnRelu(64),
                new Layer.MaxPool(2),
                new Layer.Dropout(0.1f),
                convBnRelu(128),
                new Layer.MaxPool(2),
                new Layer.Flatten(),
                new Layer.Dropout(0.3f),
                new Layer.Dense(128, false),
                new Layer.BatchNorm(Layer.BatchNorm.DEFAULT_EPSILON),
                new Layer.Relu(),
                new Layer.Dropout(0.3f),
                new Layer.Dense(classes, true));
    }

    /** A 3x3 "same" convolution without bias (batch norm follows), batch norm and ReLU. */
    private static Layer.Sequence convBnRelu(int filters) {
        return Layer.Sequence.of(
                new Layer.Conv(filters, 3, 1, false),
                new Layer.BatchNorm(Layer.BatchNorm.DEFAULT_EPSILON),
                new Layer.Relu());
    }

    private record Entry(String description, IntFunction<Layer.Sequence> factory) {}
}
