package dev.worldmind.model.train;

import dev.worldmind.data.image.Augmentation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to train an image classifier. Build with {@link #builder()}; every field has a default except
 * the architecture.
 *
 * @param architecture the architecture name
 * @param epochs the number of passes over the training data
 * @param batchSize images per optimiser step
 * @param optimizer the optimiser
 * @param learningRate the base learning rate
 * @param schedule how the learning rate changes
 * @param weightDecay L2 weight decay (0 for none)
 * @param seed the seed of initial weights, shuffling, augmentation, dropout and the split
 * @param augmentation random shift/rotation of training images
 * @param validationFraction share of the training set held out for validation
 * @param patience stop after this many epochs without a better validation accuracy (0: never)
 * @param trainLimit use only the first this many training images (0: all), for quick runs
 */
public record TrainingConfig(
        String architecture,
        int epochs,
        int batchSize,
        OptimizerKind optimizer,
        float learningRate,
        ScheduleKind schedule,
        float weightDecay,
        long seed,
        Augmentation augmentation,
        double validationFraction,
        int patience,
        int trainLimit) {

    public TrainingConfig {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(augmentation, "augmentation");
        if (epochs < 1 || epochs > 10_000) {
            throw new IllegalArgumentException("epochs must be between 1 and 10000: " + epochs);
        }
        if (batchSize < 1 || batchSize > 65_536) {
            throw new IllegalArgumentException("batch size must be between 1 and 65536");
        }
        if (!(learningRate > 0 && learningRate < 10)) {
            throw new IllegalArgumentException("learning rate must be in (0, 10): " + learningRate);
        }
        if (weightDecay < 0) {
            throw new IllegalArgumentException("weight decay must be >= 0");
        }
        if (!(validationFraction >= 0 && validationFraction < 0.9)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 0.9)");
        }
        if (patience < 0 || trainLimit < 0) {
            throw new IllegalArgumentException("patience and train limit must be >= 0");
        }
    }

    /** Returns a builder with the defaults: 5 epochs, batch 64, Adam 1e-3, cosine, seed 42. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder that starts from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.architecture = architecture;
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.optimizer = optimizer;
        b.learningRate = learningRate;
        b.schedule = schedule;
        b.weightDecay = weightDecay;
        b.seed = seed;
        b.augmentation = augmentation;
        b.validationFraction = validationFraction;
        b.patience = patience;
        b.trainLimit = trainLimit;
        return b;
    }

    /** Returns the configuration as plain values, for provenance and checkpoint matching. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("architecture", architecture);
        m.put("epochs", epochs);
        m.put("batchSize", batchSize);
        m.put("optimizer", optimizer.name().toLowerCase(java.util.Locale.ROOT));
        m.put("learningRate", learningRate);
        m.put("schedule", schedule.name().toLowerCase(java.util.Locale.ROOT));
        m.put("weightDecay", weightDecay);
        m.put("seed", seed);
        m.put("augmentShift", augmentation.maxShift());
        m.put("augmentRotationDegrees", augmentation.maxRotationDegrees());
        if (augmentation.mirror()) {
            // Only when on, so configurations from before mirroring existed still compare equal.
            m.put("augmentMirror", true);
        }
        m.put("validationFraction", validationFraction);
        m.put("patience", patience);
        m.put("trainLimit", trainLimit);
        return m;
    }

    /** Builds a {@link TrainingConfig}: {@code setX} for required values, {@code optX} else. */
    public static final class Builder {
        private String architecture;
        private int epochs = 5;
        private int batchSize = 64;
        private OptimizerKind optimizer = OptimizerKind.ADAM;
        private float learningRate = 1e-3f;
        private ScheduleKind schedule = ScheduleKind.COSINE;
        private float weightDecay;
        private long seed = 42;
        private Augmentation augmentation = Augmentation.NONE;
        private double validationFraction = 5_000 / 60_000.0;
        private int patience;
        private int trainLimit;

        private Builder() {}

        /**
         * Sets the architecture.
         *
         * @param value the architecture name
         * @return this builder
         */
        public Builder setArchitecture(String value) {
            architecture = value;
            return this;
        }

        /**
         * Sets the number of epochs.
         *
         * @param value epochs
         * @return this builder
         */
        public Builder optEpochs(int value) {
            epochs = value;
            return this;
        }

        /**
         * Sets the batch size.
         *
         * @param value images per step
         * @return this builder
         */
        public Builder optBatchSize(int value) {
            batchSize = value;
            return this;
        }

        /**
         * Sets the optimiser.
         *
         * @param value the optimiser
         * @return this builder
         */
        public Builder optOptimizer(OptimizerKind value) {
            optimizer = value;
            return this;
        }

        /**
         * Sets the base learning rate.
         *
         * @param value the rate
         * @return this builder
         */
        public Builder optLearningRate(float value) {
            learningRate = value;
            return this;
        }

        /**
         * Sets the learning-rate schedule.
         *
         * @param value the schedule
         * @return this builder
         */
        public Builder optSchedule(ScheduleKind value) {
            schedule = value;
            return this;
        }

        /**
         * Sets L2 weight decay.
         *
         * @param value the decay
         * @return this builder
         */
        public Builder optWeightDecay(float value) {
            weightDecay = value;
            return this;
        }

        /**
         * Sets the seed.
         *
         * @param value the seed
         * @return this builder
         */
        public Builder optSeed(long value) {
            seed = value;
            return this;
        }

        /**
         * Sets the augmentation.
         *
         * @param value the augmentation
         * @return this builder
         */
        public Builder optAugmentation(Augmentation value) {
            augmentation = value;
            return this;
        }

        /**
         * Sets the validation share.
         *
         * @param value the share of training data held out
         * @return this builder
         */
        public Builder optValidationFraction(double value) {
            validationFraction = value;
            return this;
        }

        /**
         * Sets early-stopping patience.
         *
         * @param value epochs without improvement before stopping (0: never stop early)
         * @return this builder
         */
        public Builder optPatience(int value) {
            patience = value;
            return this;
        }

        /**
         * Limits the training data.
         *
         * @param value how many training images to use (0: all)
         * @return this builder
         */
        public Builder optTrainLimit(int value) {
            trainLimit = value;
            return this;
        }

        /**
         * Checks and builds the configuration.
         *
         * @return the configuration
         */
        public TrainingConfig build() {
            if (architecture == null) {
                throw new IllegalArgumentException("an architecture is required");
            }
            return new TrainingConfig(
                    architecture,
                    epochs,
                    batchSize,
                    optimizer,
                    learningRate,
                    schedule,
                    weightDecay,
                    seed,
                    augmentation,
                    validationFraction,
                    patience,
                    trainLimit);
        }
    }
}
