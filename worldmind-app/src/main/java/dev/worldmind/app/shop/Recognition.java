package dev.worldmind.app.shop;

import dev.worldmind.model.explain.Explanation;
import java.util.List;
import java.util.Optional;

/**
 * What the shop's classifier made of an upload.
 *
 * @param model the classifier's reference, e.g. {@code fashion-cnn:2}
 * @param image the upload as the classifier saw it
 * @param classIndex the recognised category's index
 * @param category the recognised category, e.g. {@code Dress}
 * @param probability the classifier's probability of it
 * @param top the three most likely categories, best first
 * @param explanation the Grad-CAM heatmap of the recognised category, when it could be computed
 * @param explanationProblem why there is no explanation, or null
 * @param similar the most similar products, most similar first
 */
public record Recognition(
        String model,
        GarmentImage image,
        int classIndex,
        String category,
        float probability,
        List<Guess> top,
        Explanation explanation,
        String explanationProblem,
        List<SimilarGarment> similar) {
    public Recognition {
        top = List.copyOf(top);
        similar = List.copyOf(similar);
    }

    /**
     * What the shop's assistant says about it, e.g. {@code That looks like a dress to me (87 %
     * sure).}
     */
    public String assistantLine() {
        String thing =
                switch (category) {
                    case "T-shirt/top" -> "a T-shirt or top";
                    case "Trouser" -> "a pair of trousers";
                    case "Pullover" -> "a pullover";
                    case "Dress" -> "a dress";
                    case "Coat" -> "a coat";
                    case "Sandal" -> "a sandal";
                    case "Shirt" -> "a shirt";
                    case "Sneaker" -> "a sneaker";
                    case "Bag" -> "a bag";
                    case "Ankle boot" -> "an ankle boot";
                    default -> category;
                };
        int percent = Math.round(probability * 100);
        String hedge = probability >= 0.8f ? "to me" : "to me, though I am not certain";
        return "That looks like "
                + thing
                + " "
                + hedge
                + " ("
                + percent
                + " % sure). The rack has similar pieces"
                + (similar.isEmpty() ? "." : ", like the " + similar.get(0).garment().name() + ".");
    }

    /** The explanation, when there is one. */
    public Optional<Explanation> explained() {
        return Optional.ofNullable(explanation);
    }

    /**
     * One of the likely categories.
     *
     * @param classIndex its index
     * @param category its name
     * @param probability its probability
     */
    public record Guess(int classIndex, String category, float probability) {}
}
