package dev.worldmind.model.train;

/**
 * What one epoch of training measured.
 *
 * @param epoch the epoch, from 1
 * @param trainLoss mean training loss over the epoch
 * @param trainAccuracy training accuracy over the epoch (with dropout and augmentation on)
 * @param validationLoss loss on the validation set, NaN without one
 * @param validationAccuracy accuracy on the validation set, NaN without one
 * @param learningRate the learning rate at the end of the epoch
 * @param trainSeconds wall time of the training pass
 * @param imagesPerSecond training throughput
 */
public record EpochStats(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        double validationLoss,
        double validationAccuracy,
        double learningRate,
        double trainSeconds,
        double imagesPerSecond) {}
