package dev.worldmind.model.generate;

import dev.worldmind.data.image.ImageSet;
import dev.worldmind.model.vision.ImageClassifier;
import java.util.SplittableRandom;

/**
 * Fréchet Inception Distance with a Worldmind classifier in Inception's place: the Fréchet distance
 * between the Gaussians of the judge's {@link ImageClassifier#features features} (the activations
 * entering its last layer) on real images and on generated ones. Holds the real images' statistics;
 * uses the judge without owning it. Not thread-safe (the judge is not).
 */
public final class Fid {
    private final ImageClassifier judge;
    private final FeatureStatistics real;

    private Fid(ImageClassifier judge, FeatureStatistics real) {
        this.judge = judge;
        this.real = real;
    }

    /**
     * Fits the real images' statistics.
     *
     * @param judge the classifier whose features are compared
     * @param real the reference images (e.g. a dataset's test split)
     * @param count how many of them, from the first
     * @return the measure
     */
    public static Fid of(ImageClassifier judge, ImageSet real, int count) {
        return new Fid(judge, statistics(judge, real, count));
    }

    /**
     * The judge's feature statistics on the first {@code count} images of a set.
     *
     * @param judge the classifier
     * @param images the images
     * @param count how many
     * @return the statistics
     */
    public static FeatureStatistics statistics(ImageClassifier judge, ImageSet images, int count) {
        int n = Math.min(count, images.size());
        int size = images.imageSize();
        float[] pixels = new float[n * size];
        for (int i = 0; i < n; i++) {
            images.copyImage(i, pixels, i * size);
        }
        return statistics(judge, pixels, n);
    }

    /**
     * The judge's feature statistics on images given as [0, 1] pixels.
     *
     * @param judge the classifier
     * @param images01 the images back to back
     * @param count how many
     * @return the statistics
     */
    public static FeatureStatistics statistics(ImageClassifier judge, float[] images01, int count) {
        return FeatureStatistics.of(judge.features(images01, count));
    }

    /**
     * Scores a generator on a fixed set of its samples: {@code count} images from noise drawn with
     * {@code seed}, classes in turn (0, 1, ..., k-1, 0, ...) when it is conditional, so the classes
     * are as balanced as in a balanced test split.
     *
     * @param generator the generator
     * @param count how many images to generate
     * @param seed the noise's seed
     * @return the FID (lower is better)
     */
    public double score(Generator generator, int count, long seed) {
        return score(fixedSamples(generator, count, seed), count);
    }

    /**
     * Scores images given as [0, 1] pixels.
     *
     * @param images01 the images back to back
     * @param count how many
     * @return the FID
     */
    public double score(float[] images01, int count) {
        return FrechetDistance.between(real, statistics(judge, images01, count));
    }

    /** The real images' statistics. */
    public FeatureStatistics real() {
        return real;
    }

    /**
     * The fixed evaluation samples {@link #score(Generator, int, long)} uses.
     *
     * @param generator the generator
     * @param count how many images
     * @param seed the noise's seed
     * @return the images, [0, 1] pixels back to back
     */
    public static float[] fixedSamples(Generator generator, int count, long seed) {
        GeneratorSpec spec = generator.spec();
        int[] labels = labels(spec, count);
        float[] noise = new float[count * spec.latentSize()];
        GanNetworks.gaussians(new SplittableRandom(seed), noise);
        return generator.sample(noise, labels);
    }

    /** The classes of the fixed samples: in turn when conditional, else all 0. */
    public static int[] labels(GeneratorSpec spec, int count) {
        int[] labels = new int[count];
        if (spec.conditional()) {
            for (int i = 0; i < count; i++) {
                labels[i] = i % spec.classes().size();
            }
        }
        return labels;
    }
}
