package dev.worldmind.model.train;

/**
 * Training settings that tests share (here and, through this module's test jar, in the server's
 * tests).
 */
public final class TrainingFixtures {
    private TrainingFixtures() {}

    /**
     * The quickest real training: one epoch over every image given, none held out for validation;
     * for tests that need a trained model, not a good one.
     *
     * @param architecture e.g. {@code Architectures.MLP}
     * @return the settings
     */
    public static TrainingConfig oneEpoch(String architecture) {
        return TrainingConfig.builder()
                .setArchitecture(architecture)
                .optEpochs(1)
                .optValidationFraction(0)
                .build();
    }
}
