package dev.worldmind.app.vision;

import dev.worldmind.data.image.ImageSet;
import dev.worldmind.model.vision.ImageModel;
import dev.worldmind.model.vision.Prediction;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Side by side, the same model in different runtimes and precisions: file size, test accuracy,
 * agreement with the reference, and latency through the {@link ImageModel} API (raw pixels in,
 * probabilities out) at batch 1 and batch 64. Written as {@code comparison.json} and {@code
 * comparison.txt} into a derived model's folder.
 *
 * @param formatVersion the format of this report
 * @param model the model the rows were derived from, {@code name:version}
 * @param testImages how many test images accuracy was measured on
 * @param threads the CPU threads each runtime was given
 * @param rows one row per runtime and precision, the reference first
 */
public record RuntimeComparison(
        int formatVersion, String model, int testImages, int threads, List<Row> rows) {
    /** The format this build writes. */
    public static final int FORMAT_VERSION = 1;

    /** The report's JSON file name. */
    public static final String JSON = "comparison.json";

    /** The report's text file name. */
    public static final String TEXT = "comparison.txt";

    public RuntimeComparison {
        Objects.requireNonNull(model, "model");
        rows = List.copyOf(rows);
    }

    /**
     * One runtime and precision.
     *
     * @param label e.g. {@code fp32 DJL}
     * @param ref the registered model measured, or empty if it was measured before registration
     * @param fileBytes the size of its model file(s)
     * @param accuracy test accuracy
     * @param maxAbsDiff largest absolute difference of any probability from the reference row's,
     *     over the test set (0 for the reference itself)
     * @param msPerImageBatch1 mean latency per image, one image per call
     * @param msPerImageBatch64 mean latency per image, 64 images per call
     */
    public record Row(
            String label,
            String ref,
            long fileBytes,
            double accuracy,
            double maxAbsDiff,
            double msPerImageBatch1,
            double msPerImageBatch64) {}

    /**
     * Measures one row.
     *
     * @param label the row's label
     * @param ref the registered model, or empty
     * @param fileBytes the size of its model file(s)
     * @param model the loaded model
     * @param probabilities its probabilities on the whole test set (already computed)
     * @param reference the reference row's probabilities, or the same array for the reference
     * @param test the test set
     * @param budget how long to time each batch size
     * @return the row
     */
    public static Row measure(
            String label,
            String ref,
            long fileBytes,
            ImageModel model,
            float[][] probabilities,
            float[][] reference,
            ImageSet test,
            Duration budget) {
        return new Row(
                label,
                ref,
                fileBytes,
                accuracy(probabilities, test),
                maxAbsDiff(probabilities, reference),
                InferenceTiming.msPerImage(model, test, 1, budget),
                InferenceTiming.msPerImage(model, test, 64, budget));
    }

    /** Returns the report as an aligned text table. */
    public String toTable() {
        StringBuilder b = new StringBuilder();
        b.append(
                String.format(
                        Locale.ROOT,
                        "%s on %,d test images, %d thread%s per runtime%n",
                        model,
                        testImages,
                        threads,
                        threads == 1 ? "" : "s"));
        b.append(
                String.format(
                        Locale.ROOT,
                        "%-10s %-22s %11s %7s %9s %10s %12s %12s%n",
                        "",
                        "MODEL",
                        "SIZE",
                        "VS REF",
                        "ACCURACY",
                        "MAX |dP|",
                        "MS/IMG @1",
                        "MS/IMG @64"));
        long refBytes = rows.isEmpty() ? 1 : rows.get(0).fileBytes();
        for (Row r : rows) {
            b.append(
                    String.format(
                            Locale.ROOT,
                            "%-10s %-22s %,11d %6.1f%% %8.2f%% %10.2e %12.4f %12.4f%n",
                            r.label(),
                            r.ref().isEmpty() ? "-" : r.ref(),
                            r.fileBytes(),
                            100.0 * r.fileBytes() / refBytes,
                            r.accuracy() * 100,
                            r.maxAbsDiff(),
                            r.msPerImageBatch1(),
                            r.msPerImageBatch64()));
        }
        return b.toString();
    }

    private static double accuracy(float[][] p, ImageSet test) {
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += Prediction.argMax(p[i]) == test.label(i) ? 1 : 0;
        }
        return (double) right / p.length;
    }

    private static double maxAbsDiff(float[][] a, float[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a[i].length; k++) {
                max = Math.max(max, Math.abs(a[i][k] - b[i][k]));
            }
        }
        return max;
    }
}
