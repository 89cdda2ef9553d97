package dev.worldmind.app.generate;

import dev.worldmind.model.generate.GanConfig;
import java.util.Objects;

/**
 * What to train and how to judge it.
 *
 * @param dataset {@code fashion-mnist} or {@code mnist}
 * @param name the registered name, e.g. {@code fashion-gan}
 * @param judge the classifier whose features FID uses, {@code name[:version]}
 * @param config the GAN training configuration
 */
public record GanRecipe(String dataset, String name, String judge, GanConfig config) {
    public GanRecipe {
        Gans.checkDataset(dataset);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(config, "config");
    }

    /**
     * The full recipe: every training image, a conditional DCGAN of width 32, 5 epochs.
     *
     * @param dataset the dataset
     * @return the recipe with the dataset's default name and judge
     */
    public static GanRecipe standard(String dataset) {
        return new GanRecipe(
                dataset,
                Gans.defaultName(dataset),
                Gans.defaultJudge(dataset),
                GanConfig.builder().optEpochs(5).optWidth(32).optSeed(42).build());
    }

    /**
     * The recipe {@code worldmind start} uses when no generator is registered: the first 20,000
     * training images, 2 epochs (a few minutes on two cores).
     *
     * @param dataset the dataset
     * @return the recipe
     */
    public static GanRecipe start(String dataset) {
        return new GanRecipe(
                dataset,
                Gans.defaultName(dataset),
                Gans.defaultJudge(dataset),
                GanConfig.builder()
                        .optEpochs(2)
                        .optWidth(32)
                        .optLimitImages(20_000)
                        .optSeed(42)
                        .build());
    }

    /** The same recipe with another configuration. */
    public GanRecipe withConfig(GanConfig value) {
        return new GanRecipe(dataset, name, judge, value);
    }

    /** The same recipe under another name. */
    public GanRecipe withName(String value) {
        return new GanRecipe(dataset, value, judge, config);
    }

    /** The same recipe with another judge. */
    public GanRecipe withJudge(String value) {
        return new GanRecipe(dataset, name, value, config);
    }
}
