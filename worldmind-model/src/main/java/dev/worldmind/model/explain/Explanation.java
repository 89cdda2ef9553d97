package dev.worldmind.model.explain;

/**
 * Why a classifier chose a class for one image: a heatmap over the image's pixels.
 *
 * @param method how the heatmap was computed ({@code grad-cam} or {@code saliency})
 * @param classIndex the explained class
 * @param className its name
 * @param probability the classifier's probability of that class for this image
 * @param height heatmap rows (the input's height)
 * @param width heatmap columns (the input's width)
 * @param heatmap {@code height * width} values in [0, 1], row-major, 1 = most responsible
 */
public record Explanation(
        String method,
        int classIndex,
        String className,
        float probability,
        int height,
        int width,
        float[] heatmap) {}
