package dev.worldmind.model.generate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a DCGAN is trained. Build one with {@link #builder()}.
 *
 * @param epochs passes over the training images
 * @param batchSize images per step (real and generated each)
 * @param learningRate Adam's step size for both networks
 * @param beta1 Adam's first-moment decay (0.5 in Radford et al.)
 * @param latentSize the noise vector's length
 * @param width the channels of the 14 x 14 layers
 * @param conditional whether both networks see the class
 * @param limitImages train on the first this many images only, 0 for all
 * @param seed the seed of the weights, the noise and the shuffling
 */
public record GanConfig(
        int epochs,
        int batchSize,
        float learningRate,
        float beta1,
        int latentSize,
        int width,
        boolean conditional,
        int limitImages,
        long seed) {

    public GanConfig {
        if (epochs < 1 || batchSize < 2 || latentSize < 1 || width < 1 || limitImages < 0) {
            throw new IllegalArgumentException(
                    "epochs, latent size and width must be positive, batches at least 2");
        }
        if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("learning rate > 0 and beta1 in [0, 1) required");
        }
    }

    /** A builder with Radford et al.'s defaults: batch 64, Adam 2e-4, beta1 0.5, z of 64. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configuration as provenance writes it. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", "dcgan");
        m.put("epochs", epochs);
        m.put("batchSize", batchSize);
        m.put("learningRate", learningRate);
        m.put("beta1", beta1);
        m.put("latentSize", latentSize);
        m.put("width", width);
        m.put("conditional", conditional);
        m.put("limitImages", limitImages);
        m.put("loss", "non-saturating");
        return m;
    }

    /** Builds a {@link GanConfig}; every value has a default. */
    public static final class Builder {
        private int epochs = 5;
        private int batchSize = 64;
        private float learningRate = 2e-4f;
        private float beta1 = 0.5f;
        private int latentSize = 64;
        private int width = 64;
        private boolean conditional = true;
        private int limitImages;
        private long seed = 42;

        private Builder() {}

        /** Sets the number of epochs. */
        public Builder optEpochs(int value) {
            epochs = value;
            return this;
        }

        /** Sets the batch size. */
        public Builder optBatchSize(int value) {
            batchSize = value;
            return this;
        }

        /** Sets Adam's learning rate. */
        public Builder optLearningRate(float value) {
            learningRate = value;
            return this;
        }

        /** Sets Adam's beta1. */
        public Builder optBeta1(float value) {
            beta1 = value;
            return this;
        }

        /** Sets the noise length. */
        public Builder optLatentSize(int value) {
            latentSize = value;
            return this;
        }

        /** Sets the channels of the 14 x 14 layers. */
        public Builder optWidth(int value) {
            width = value;
            return this;
        }

        /** Sets whether the networks see the class. */
        public Builder optConditional(boolean value) {
            conditional = value;
            return this;
        }

        /** Trains on the first {@code value} images only (0: all). */
        public Builder optLimitImages(int value) {
            limitImages = value;
            return this;
        }

        /** Sets the seed. */
        public Builder optSeed(long value) {
            seed = value;
            return this;
        }

        /** Checks and builds the configuration. */
        public GanConfig build() {
            return new GanConfig(
                    epochs,
                    batchSize,
                    learningRate,
                    beta1,
                    latentSize,
                    width,
                    conditional,
                    limitImages,
                    seed);
        }
    }
}
