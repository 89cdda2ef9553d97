/**
 * Labelled image sets and their preprocessing: normalisation, augmentation, seeded splits, and
 * preparing a photographed or drawn digit like MNIST. Depends on core and the IDX format; image
 * sets and value types are immutable and thread-safe, augmentation takes the caller's {@code
 * Random}.
 */
package dev.worldmind.data.image;
