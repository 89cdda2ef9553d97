/**
 * Training image classifiers on DJL: configuration, learning-rate schedules, the training loop with
 * validation, checkpoints, resume and early stopping. Compiles against DJL's API only. Configs and
 * statistics are immutable; a trainer runs one training at a time on the calling thread.
 */
package dev.worldmind.model.train;
