package dev.worldmind.app.vision;

import dev.worldmind.model.compress.SparsityReport;
import java.util.Locale;
import java.util.Objects;

/**
 * What pruning a model bought and cost, the original and the pruned model side by side: size in
 * values and on disk, test accuracy and inference latency. Written as {@code pruning.json} and
 * {@code pruning.txt} into the pruned model's folder.
 *
 * @param source the original model, {@code name:version}
 * @param pruned the pruned model, {@code name:version}
 * @param schedule the sparsity steps, e.g. {@code 80% x3 epochs}
 * @param targetSparsity the requested share of zero convolution and dense weights
 * @param original the original model's measurements
 * @param result the pruned model's measurements
 * @param tensors the pruned model's zeros, tensor by tensor
 * @param note what the numbers mean
 */
public record PruningReport(
        String source,
        String pruned,
        String schedule,
        double targetSparsity,
        Side original,
        Side result,
        SparsityReport tensors,
        String note) {

    /** Why a pruned model is no faster and no smaller in its own files. */
    public static final String DENSE_NOTE =
            "Weights are stored and run dense: a zero takes the same 4 bytes and the same"
                    + " multiply as any other value, so the weights file keeps its size and"
                    + " latency does not improve (differences are noise). What sparsity buys"
                    + " shows where a format knows about zeros: the gzip size. Speed would need"
                    + " sparse kernels or structured (whole-channel) pruning.";

    public PruningReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pruned, "pruned");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(tensors, "tensors");
        Objects.requireNonNull(note, "note");
    }

    /** Returns the side-by-side table, the tensor table and the note, as plain text. */
    public String toTable() {
        StringBuilder b = new StringBuilder();
        int width = Math.max(16, Math.max(source.length(), pruned.length()));
        String row = "%-30s %" + width + "s %" + width + "s %10s%n";
        b.append(String.format(Locale.ROOT, row, "", source, pruned, "change"));
        b.append(
                line(
                        row,
                        "parameters",
                        count(original.parameters()),
                        count(result.parameters()),
                        ""));
        b.append(
                line(
                        row,
                        "non-zero parameters",
                        count(original.nonZero()),
                        count(result.nonZero()),
                        relative(original.nonZero(), result.nonZero())));
        b.append(
                line(
                        row,
                        "sparsity, conv + dense weights",
                        pct(original.sparsity()),
                        pct(result.sparsity()),
                        ""));
        b.append(
                line(
                        row,
                        "sparsity, all parameters",
                        pct(original.overallSparsity()),
                        pct(result.overallSparsity()),
                        ""));
        b.append(
                line(
                        row,
                        "weights file (dense)",
                        bytes(original.weightsBytes()),
                        bytes(result.weightsBytes()),
                        relative(original.weightsBytes(), result.weightsBytes())));
        b.append(
                line(
                        row,
                        "weights file, gzip -6",
                        bytes(original.gzipBytes()),
                        bytes(result.gzipBytes()),
                        relative(original.gzipBytes(), result.gzipBytes())));
        b.append(
                line(
                        row,
                        "test accuracy",
                        pct2(original.accuracy()),
                        pct2(result.accuracy()),
                        String.format(
                                Locale.ROOT,
                                "%+.2f pt",
                                (result.accuracy() - original.accuracy()) * 100)));
        b.append(
                line(
                        row,
                        "latency, batch 1 (ms/image)",
                        ms(original.msPerImageBatch1()),
                        ms(result.msPerImageBatch1()),
                        relative(original.msPerImageBatch1(), result.msPerImageBatch1())));
        b.append(
                line(
                        row,
                        "latency, batch 64 (ms/image)",
                        ms(original.msPerImageBatch64()),
                        ms(result.msPerImageBatch64()),
                        relative(original.msPerImageBatch64(), result.msPerImageBatch64())));
        b.append(System.lineSeparator())
                .append("schedule: ")
                .append(schedule)
                .append(System.lineSeparator())
                .append(System.lineSeparator())
                .append(tensors.toTable())
                .append(System.lineSeparator())
                .append(note)
                .append(System.lineSeparator());
        return b.toString();
    }

    private static String line(String format, String label, String a, String b, String c) {
        return String.format(Locale.ROOT, format, label, a, b, c);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d B", n);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String pct2(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String relative(double before, double after) {
        return before == 0
                ? ""
                : String.format(Locale.ROOT, "%+.1f%%", (after - before) / before * 100);
    }

    /**
     * One model's measurements.
     *
     * @param ref the model, {@code name:version}
     * @param accuracy accuracy on the test set
     * @param parameters trainable values
     * @param nonZero trainable values that are not zero
     * @param sparsity zero share of the convolution and dense weights
     * @param overallSparsity zero share of all trainable values
     * @param weightsBytes size of the weights files
     * @param gzipBytes size of the weights files after gzip (level 6)
     * @param msPerImageBatch1 mean inference time per image, one image at a time
     * @param msPerImageBatch64 mean inference time per image, 64 images at a time
     */
    public record Side(
            String ref,
            double accuracy,
            long parameters,
            long nonZero,
            double sparsity,
            double overallSparsity,
            long weightsBytes,
            long gzipBytes,
            double msPerImageBatch1,
            double msPerImageBatch64) {
        public Side {
            Objects.requireNonNull(ref, "ref");
        }
    }
}
