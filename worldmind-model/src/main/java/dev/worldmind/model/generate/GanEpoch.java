package dev.worldmind.model.generate;

/**
 * What one epoch of GAN training did.
 *
 * @param epoch the epoch, from 1
 * @param discriminatorLoss the discriminator's mean loss over the epoch's batches
 * @param generatorLoss the generator's mean (non-saturating) loss
 * @param imagesPerSecond real images trained on per second
 * @param seconds the epoch's training time, without evaluation
 * @param score the quality measured after the epoch (FID: lower is better), NaN when not measured
 */
public record GanEpoch(
        int epoch,
        double discriminatorLoss,
        double generatorLoss,
        double imagesPerSecond,
        double seconds,
        double score) {}
