package dev.worldmind.app.shop;

/**
 * A product that looks like an upload.
 *
 * @param garment the product
 * @param similarity cosine similarity of the classifier's features, in [-1, 1]
 */
public record SimilarGarment(Garment garment, double similarity) {}
