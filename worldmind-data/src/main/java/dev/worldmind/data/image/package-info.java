/**
 * Labelled image sets and their preprocessing: normalisation, augmentation, seeded splits, and
 * preparing a photographed or drawn digit like MNIST; and the one intake every outside picture
 * passes ({@link dev.worldmind.data.image.ImageIntake}: header checks before decoding, a bounded
 * number of decodes at once). Depends on core, the IDX format and the JDK's ImageIO; image sets,
 * value types and the intake are immutable or thread-safe, augmentation takes the caller's {@code
 * Random}.
 */
package dev.worldmind.data.image;
