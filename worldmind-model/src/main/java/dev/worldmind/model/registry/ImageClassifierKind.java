package dev.worldmind.model.registry;

/**
 * Built-in kind: image classifiers (DJL or ONNX, e.g. fashion-cnn in the shop), served over HTTP
 * with batching.
 */
public final class ImageClassifierKind extends DeclaredModelKind {
    /** The kind, as {@code ServiceLoader} makes it. */
    public ImageClassifierKind() {
        super(
                ModelManifest.IMAGE_CLASSIFIER,
                "image classifiers (DJL or ONNX, e.g. fashion-cnn in the shop), served over HTTP with batching",
                true);
    }
}
