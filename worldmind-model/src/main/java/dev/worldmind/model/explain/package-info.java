/**
 * Visual explanations of image-classifier predictions: Grad-CAM and gradient saliency maps, as
 * heatmaps at the input's resolution. The serving API returns them on request and the web client
 * draws them over the image.
 */
package dev.worldmind.model.explain;
