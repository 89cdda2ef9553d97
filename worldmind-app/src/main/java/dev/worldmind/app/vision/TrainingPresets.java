package dev.worldmind.app.vision;

import dev.worldmind.app.dataset.DatasetDescriptors;
import dev.worldmind.app.dataset.FashionMnistDescriptor;
import dev.worldmind.model.train.TrainingConfig;

/**
 * The recipe of the default dataset, for code that works on digits without naming a dataset. Each
 * dataset's own recipe is {@link dev.worldmind.app.dataset.DatasetDescriptor#recipe(String)}.
 */
public final class TrainingPresets {
    /** The name the shop's garment classifier is registered under. */
    public static final String FASHION_MODEL = FashionMnistDescriptor.MODEL;

    private TrainingPresets() {}

    /**
     * Returns the recipe of the {@linkplain ImageModelPipeline#DEFAULT_DATASET default dataset}
     * (MNIST) for an architecture.
     *
     * @param architecture the architecture name
     * @return a builder holding the recipe
     */
    public static TrainingConfig.Builder forArchitecture(String architecture) {
        return DatasetDescriptors.installed()
                .get(ImageModelPipeline.DEFAULT_DATASET)
                .recipe(architecture);
    }
}
