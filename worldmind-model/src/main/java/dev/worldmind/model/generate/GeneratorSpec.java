package dev.worldmind.model.generate;

import dev.worldmind.model.vision.ImageShape;
import java.util.List;

/**
 * The shape of a DCGAN generator: {@code z (latent) [+ one-hot class] -> dense -> 2w x 7 x 7 (BN,
 * ReLU) -> upsample x2, 3x3 conv -> w x 14 x 14 (BN, ReLU) -> upsample x2, 3x3 conv -> 1 x 28 x 28
 * -> tanh}, where {@code w} is the width. The discriminator mirrors it ({@code conv w /2 -> conv 2w
 * /2 -> dense 1}), with the class as extra constant input planes when conditional.
 *
 * @param latentSize how many numbers the noise vector has
 * @param width the channels of the 14 x 14 layer (the 7 x 7 layer has twice as many)
 * @param classes the class names of the training data, in label order
 * @param conditional whether the generator takes a class
 * @param shape the image shape (28 x 28 gray)
 */
public record GeneratorSpec(
        int latentSize, int width, List<String> classes, boolean conditional, ImageShape shape) {

    public GeneratorSpec {
        if (latentSize < 1 || width < 1) {
            throw new IllegalArgumentException("latent size and width must be positive");
        }
        classes = List.copyOf(classes);
        if (conditional && classes.isEmpty()) {
            throw new IllegalArgumentException("a conditional generator needs class names");
        }
        if (!shape.equals(ImageShape.MNIST)) {
            throw new IllegalArgumentException(
                    "only 28x28 gray images are supported, got " + shape);
        }
    }

    /** The generator's input width: the noise plus, when conditional, a one-hot class. */
    public int inputSize() {
        return latentSize + (conditional ? classes.size() : 0);
    }

    /**
     * The discriminator's input channels: the image plus, when conditional, one plane per class.
     */
    public int discriminatorChannels() {
        return 1 + (conditional ? classes.size() : 0);
    }
}
