/**
 * The labelled image datasets that classifiers and generators train on, as plugins: each is a
 * {@link dev.worldmind.app.dataset.DatasetDescriptor} found through {@link
 * java.util.ServiceLoader}, carrying its files, classes, training recipe, default model names and
 * GAN judge, so adding one touches no switch elsewhere. Depends on the data and model layers only;
 * descriptors are immutable and thread-safe.
 */
package dev.worldmind.app.dataset;
