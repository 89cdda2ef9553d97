package dev.worldmind.model.explain;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.model.vision.ImageShape;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures whether explanations point at what the classifier uses (a deletion test): for each
 * image, the square window with the most attribution is set to zero and the drop of the predicted
 * class's probability is compared with the drop when a random window of the same size is zeroed.
 * Zero is the black background of the greyscale datasets, so masking removes ink rather than adding
 * a grey patch the network never saw. Two random baselines are reported: a window anywhere (the
 * acceptance test's), and a window placed where the image has ink (harder to beat, since windows on
 * empty background change nothing).
 *
 * @param method the explanation method measured
 * @param images how many images
 * @param window the masked square's side in pixels
 * @param topDrop mean probability drop when the top-attributed window is masked
 * @param randomDrop mean drop for a uniformly placed random window
 * @param inkRandomDrop mean drop for a random window holding at least one inked pixel
 */
public record Faithfulness(
        String method,
        int images,
        int window,
        double topDrop,
        double randomDrop,
        double inkRandomDrop) {
    private static final int CHUNK = 500;

    /**
     * Runs the test. The classifier's state is unchanged afterwards.
     *
     * @param classifier the classifier (not thread-safe: the caller guards it)
     * @param images01 {@code count} greyscale images back to back, pixel values in [0, 1]
     * @param count how many images
     * @param method the explanation method
     * @param window the side of the masked square, in pixels
     * @param draws random windows per image and baseline, averaged
     * @param seed the seed of the random windows
     * @return the mean drops
     */
    public static Faithfulness measure(
            ImageClassifier classifier,
            float[] images01,
            int count,
            ExplanationMethod method,
            int window,
            int draws,
            long seed) {
        ImageShape in = classifier.spec().input();
        if (in.channels() != 1 || window < 1 || window > Math.min(in.height(), in.width())) {
            throw new InvalidDataException(
                    "the deletion test takes greyscale images and a window inside them");
        }
        int size = in.size();
        int h = in.height();
        int w = in.width();
        int positions = (h - window + 1) * (w - window + 1);
        SplittableRandom random = new SplittableRandom(seed);
        double top = 0;
        double uniform = 0;
        double ink = 0;
        for (int start = 0; start < count; start += Explainer.MAX_BATCH) {
            int n = Math.min(Explainer.MAX_BATCH, count - start);
            float[] batch = new float[n * size];
            System.arraycopy(images01, start * size, batch, 0, batch.length);
            List<Explanation> explanations = Explainer.explain(classifier, batch, n, method, -1);
            // Row 0: the top window; then draws uniform windows; then draws inked windows.
            int perImage = 1 + 2 * draws;
            float[] masked = new float[n * perImage * size];
            for (int i = 0; i < n; i++) {
                float[] image = new float[size];
                System.arraycopy(batch, i * size, image, 0, size);
                int base = i * perImage;
                int best = bestWindow(explanations.get(i).heatmap(), h, w, window);
                mask(image, w, window, best, masked, base * size, w - window + 1);
                int[] inked = inkedWindows(image, h, w, window);
                for (int d = 0; d < draws; d++) {
                    int p = random.nextInt(positions);
                    mask(image, w, window, p, masked, (base + 1 + d) * size, w - window + 1);
                    int q = inked.length == 0 ? p : inked[random.nextInt(inked.length)];
                    mask(
                            image,
                            w,
                            window,
                            q,
                            masked,
                            (base + 1 + draws + d) * size,
                            w - window + 1);
                }
            }
            float[][] probs = probabilities(classifier, masked, n * perImage, size);
            for (int i = 0; i < n; i++) {
                Explanation e = explanations.get(i);
                int c = e.classIndex();
                int base = i * perImage;
                top += e.probability() - probs[base][c];
                for (int d = 0; d < draws; d++) {
                    uniform += (e.probability() - probs[base + 1 + d][c]) / draws;
                    ink += (e.probability() - probs[base + 1 + draws + d][c]) / draws;
                }
            }
        }
        return new Faithfulness(
                method.id(), count, window, top / count, uniform / count, ink / count);
    }

    private static float[][] probabilities(
            ImageClassifier classifier, float[] images, int count, int size) {
        float[][] out = new float[count][];
        for (int start = 0; start < count; start += CHUNK) {
            int n = Math.min(CHUNK, count - start);
            float[] chunk = Arrays.copyOfRange(images, start * size, (start + n) * size);
            System.arraycopy(classifier.probabilities(chunk, n), 0, out, start, n);
        }
        return out;
    }

    /** Returns the top-left position index of the window with the largest attribution sum. */
    static int bestWindow(float[] heatmap, int h, int w, int window) {
        int cols = w - window + 1;
        int best = 0;
        double bestSum = -1;
        for (int y = 0; y + window <= h; y++) {
            for (int x = 0; x + window <= w; x++) {
                double sum = 0;
                for (int dy = 0; dy < window; dy++) {
                    for (int dx = 0; dx < window; dx++) {
                        sum += heatmap[(y + dy) * w + x + dx];
                    }
                }
                if (sum > bestSum) {
                    bestSum = sum;
                    best = y * cols + x;
                }
            }
        }
        return best;
    }

    private static int[] inkedWindows(float[] image, int h, int w, int window) {
        int cols = w - window + 1;
        int[] out = new int[(h - window + 1) * cols];
        int n = 0;
        for (int y = 0; y + window <= h; y++) {
            for (int x = 0; x + window <= w; x++) {
                boolean any = false;
                for (int dy = 0; dy < window && !any; dy++) {
                    for (int dx = 0; dx < window && !any; dx++) {
                        any = image[(y + dy) * w + x + dx] > 0.1f;
                    }
                }
                if (any) {
                    out[n++] = y * cols + x;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static void mask(
            float[] image, int w, int window, int position, float[] dst, int at, int cols) {
        System.arraycopy(image, 0, dst, at, image.length);
        int y0 = position / cols;
        int x0 = position % cols;
        for (int y = y0; y < y0 + window; y++) {
            Arrays.fill(dst, at + y * w + x0, at + y * w + x0 + window, 0f);
        }
    }
}
