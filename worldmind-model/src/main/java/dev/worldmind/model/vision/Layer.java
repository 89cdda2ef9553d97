package dev.worldmind.model.vision;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * One layer of a named architecture, described as data. The DJL block is built from it, and so is
 * anything else that must know the network's structure (the ONNX export), since DJL's activation,
 * pooling and flattening blocks are opaque lambdas. {@link #toBlock()} builds exactly the block
 * tree that saved weights expect: do not change what an existing layer builds.
 */
public sealed interface Layer {
    /** Builds the DJL block of this layer, uninitialised. */
    Block toBlock();

    /**
     * A 2-D convolution with a square kernel, stride 1.
     *
     * @param filters output channels
     * @param kernel kernel height and width
     * @param padding zero padding on each side
     * @param bias whether it adds a learned bias
     */
    record Conv(int filters, int kernel, int padding, boolean bias) implements Layer {
        public Conv {
            if (filters < 1 || kernel < 1 || padding < 0) {
                throw new IllegalArgumentException("bad convolution " + filters + "/" + kernel);
            }
        }

        @Override
        public Block toBlock() {
            Conv2d.Builder b =
                    Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters);
            // Only the options that differ from DJL's defaults, as the architectures always set.
            if (padding > 0) {
                b.optPadding(new Shape(padding, padding));
            }
            if (!bias) {
                b.optBias(false);
            }
            return b.build();
        }
    }

    /**
     * Batch normalisation over the channel axis (axis 1), with running statistics at inference.
     *
     * @param epsilon added to the variance
     */
    record BatchNorm(float epsilon) implements Layer {
        /** DJL's default epsilon, which every architecture uses. */
        public static final float DEFAULT_EPSILON = 1e-5f;

        public BatchNorm {
            if (!(epsilon > 0)) {
                throw new IllegalArgumentException("epsilon must be positive");
            }
        }

        @Override
        public Block toBlock() {
            return ai.djl.nn.norm.BatchNorm.builder().optEpsilon(epsilon).build();
        }
    }

    /** The rectified linear unit. */
    record Relu() implements Layer {
        @Override
        public Block toBlock() {
            // What SequentialBlock.add(Activation::relu) makes: an anonymous lambda block.
            return new LambdaBlock(Activation::relu);
        }
    }

    /**
     * Max pooling with a square window and the same stride, no padding, rounding down.
     *
     * @param size window height, width and stride
     */
    record MaxPool(int size) implements Layer {
        public MaxPool {
            if (size < 1) {
                throw new IllegalArgumentException("pool size must be positive");
            }
        }

        @Override
        public Block toBlock() {
            return Pool.maxPool2dBlock(new Shape(size, size));
        }
    }

    /** Flattens each example to a vector (keeps the batch axis). */
    record Flatten() implements Layer {
        @Override
        public Block toBlock() {
            return Blocks.batchFlattenBlock();
        }
    }

    /**
     * A fully connected layer.
     *
     * @param units output values
     * @param bias whether it adds a learned bias
     */
    record Dense(int units, boolean bias) implements Layer {
        public Dense {
            if (units < 1) {
                throw new IllegalArgumentException("units must be positive");
            }
        }

        @Override
        public Block toBlock() {
            Linear.Builder b = Linear.builder().setUnits(units);
            if (!bias) {
                b.optBias(false);
            }
            return b.build();
        }
    }

    /**
     * Dropout in training; the identity at inference.
     *
     * @param rate the share of values dropped
     */
    record Dropout(float rate) implements Layer {
        public Dropout {
            if (!(rate >= 0 && rate < 1)) {
                throw new IllegalArgumentException("dropout rate must be in [0, 1)");
            }
        }

        @Override
        public Block toBlock() {
            return ai.djl.nn.norm.Dropout.builder().optRate(rate).build();
        }
    }

    /**
     * Layers applied one after the other, built as one DJL {@code SequentialBlock}.
     *
     * @param layers the layers, in order
     */
    record Sequence(List<Layer> layers) implements Layer {
        public Sequence {
            layers = List.copyOf(layers);
        }

        /**
         * Creates a sequence.
         *
         * @param layers the layers, in order
         * @return the sequence
         */
        public static Sequence of(Layer... layers) {
            return new Sequence(List.of(layers));
        }

        @Override
        public Block toBlock() {
            SequentialBlock block = new SequentialBlock();
            for (Layer layer : layers) {
                block.add(layer.toBlock());
            }
            return block;
        }
    }
}
