package dev.worldmind.model.registry;

/**
 * Built-in kind: image classifiers (DJL or ONNX, e.g. fashion-cnn in the shop), served over HTTP
 * with batching.
 */
public final class ImageClassifierKind implements ModelKind {
    @Override
    public String id() {
        return ModelManifest.IMAGE_CLASSIFIER;
    }

    @Override
    public String description() {
        return "image classifiers (DJL or ONNX, e.g. fashion-cnn in the shop), served over HTTP with batching";
    }

    @Override
    public boolean served() {
        return true;
    }
}
