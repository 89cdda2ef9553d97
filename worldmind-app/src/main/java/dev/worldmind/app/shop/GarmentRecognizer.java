package dev.worldmind.app.shop;

import dev.worldmind.app.vision.TrainingPresets;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.catalog.FashionMnist;
import dev.worldmind.model.explain.Explainer;
import dev.worldmind.model.explain.Explanation;
import dev.worldmind.model.explain.ExplanationMethod;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.vision.ImageClassifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Recognises garments in uploads with the registered Fashion-MNIST classifier {@value #MODEL}: the
 * category with its probability and the top three, a Grad-CAM explanation, and the shop's most
 * similar products by cosine similarity of the classifier's features (the activations entering its
 * last layer; the products' are computed once). Owns the classifier: close it. Thread-safe (one
 * recognition at a time, because the classifier is not).
 */
public final class GarmentRecognizer implements AutoCloseable {
    /** The registered classifier it uses (its newest version). */
    public static final String MODEL = TrainingPresets.FASHION_MODEL;

    /** What to say when there is no such classifier yet. */
    public static final String NOT_TRAINED =
            "the garment classifier is not trained yet: run ./worldmind train --dataset"
                    + " fashion-mnist";

    private final ImageClassifier classifier;
    private final String model;
    private final List<Garment> garments;
    private final float[][] garmentFeatures;
    private boolean closed;

    /**
     * Wraps a Fashion-MNIST classifier; it is closed with this recognizer.
     *
     * @param classifier a classifier of the ten Fashion-MNIST classes
     * @param model its reference, for answers
     * @param catalogue the products to compare uploads with
     */
    public GarmentRecognizer(ImageClassifier classifier, String model, GarmentCatalogue catalogue) {
        if (!classifier.classes().equals(FashionMnist.CLASSES)) {
            classifier.close();
            throw new InvalidDataException(
                    model
                            + " does not know the Fashion-MNIST classes (it knows "
                            + classifier.classes()
                            + "); train it with ./worldmind train --dataset fashion-mnist");
        }
        this.classifier = classifier;
        this.model = model;
        this.garments = catalogue.all();
        float[] pictures = new float[garments.size() * GarmentImage.SIDE * GarmentImage.SIDE];
        for (int i = 0; i < garments.size(); i++) {
            float[] p = garments.get(i).picture();
            System.arraycopy(p, 0, pictures, i * p.length, p.length);
        }
        this.garmentFeatures = normalise(classifier.features(pictures, garments.size()));
    }

    /**
     * Loads the newest registered {@value #MODEL}.
     *
     * @param registry the model registry
     * @param catalogue the products to compare uploads with
     * @return the recognizer; close it
     * @throws NotFoundException saying how to train it when it is not registered
     */
    public static GarmentRecognizer load(ModelRegistry registry, GarmentCatalogue catalogue) {
        if (registry.latestVersion(MODEL).isEmpty()) {
            throw new NotFoundException(NOT_TRAINED);
        }
        ModelManifest m = registry.get(MODEL);
        return new GarmentRecognizer(registry.loadClassifier(m.ref()), m.ref(), catalogue);
    }

    /** The classifier's reference, e.g. {@code fashion-cnn:2}. */
    public String model() {
        return model;
    }

    /**
     * Recognises an uploaded picture.
     *
     * @param upload a PNG, JPEG or GIF file's bytes
     * @param similar how many similar products to list
     * @return the recognition
     * @throws InvalidDataException with a message for the user when the picture cannot be used
     */
    public Recognition recognize(byte[] upload, int similar) {
        return recognize(GarmentImage.read(upload), similar);
    }

    /**
     * Recognises a prepared image.
     *
     * @param image the image
     * @param similar how many similar products to list (0 to the catalogue's size)
     * @return the recognition
     */
    public synchronized Recognition recognize(GarmentImage image, int similar) {
        if (closed) {
            throw new IllegalStateException("the garment recognizer is closed");
        }
        float[] pixels = image.pixels();
        float[] p = classifier.probabilities(pixels, 1)[0];
        List<Recognition.Guess> ranked = new ArrayList<>();
        for (int c = 0; c < p.length; c++) {
            ranked.add(new Recognition.Guess(c, classifier.classes().get(c), p[c]));
        }
        ranked.sort(Comparator.comparingDouble(Recognition.Guess::probability).reversed());
        Recognition.Guess best = ranked.get(0);
        Explanation explanation = null;
        String problem = null;
        try {
            explanation =
                    Explainer.explain(
                            classifier, pixels, ExplanationMethod.GRAD_CAM, best.classIndex());
        } catch (RuntimeException e) {
            // The recognition stands without its explanation; the answer says why.
            problem = "no explanation: " + e.getMessage();
        }
        float[] f = normalise(classifier.features(pixels, 1))[0];
        List<SimilarGarment> near = new ArrayList<>();
        for (int i = 0; i < garments.size(); i++) {
            double dot = 0;
            for (int j = 0; j < f.length; j++) {
                dot += f[j] * garmentFeatures[i][j];
            }
            near.add(new SimilarGarment(garments.get(i), dot));
        }
        near.sort(Comparator.comparingDouble(SimilarGarment::similarity).reversed());
        int k = Math.max(0, Math.min(similar, near.size()));
        return new Recognition(
                model,
                image,
                best.classIndex(),
                best.category(),
                best.probability(),
                ranked.subList(0, 3),
                explanation,
                problem,
                near.subList(0, k));
    }

    private static float[][] normalise(float[][] features) {
        for (float[] v : features) {
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
            for (int i = 0; i < v.length; i++) {
                v[i] *= scale;
            }
        }
        return features;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            classifier.close();
        }
    }
}
