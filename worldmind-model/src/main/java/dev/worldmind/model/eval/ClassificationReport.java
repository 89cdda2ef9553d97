package dev.worldmind.model.eval;

import dev.worldmind.model.vision.Prediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well a classifier did on held-out data: accuracy, per-class precision, recall, F1 and
 * one-vs-rest ROC-AUC, their macro averages, and the confusion matrix.
 *
 * @param samples the number of images scored
 * @param accuracy the share classified correctly
 * @param macroF1 the unweighted mean of the per-class F1 scores
 * @param macroRocAuc the unweighted mean of the per-class ROC-AUCs
 * @param perClass the per-class scores, in class order
 * @param confusion {@code confusion[true][predicted]} counts
 */
public record ClassificationReport(
        int samples,
        double accuracy,
        double macroF1,
        double macroRocAuc,
        List<ClassMetrics> perClass,
        int[][] confusion) {

    public ClassificationReport {
        perClass = List.copyOf(perClass);
        confusion = Arrays.stream(confusion).map(int[]::clone).toArray(int[][]::new);
    }

    /**
     * Scores predicted probabilities against the true labels.
     *
     * @param labels the true class of each sample
     * @param probabilities each sample's class probabilities
     * @param classNames the class names
     * @return the report
     */
    public static ClassificationReport compute(
            int[] labels, float[][] probabilities, List<String> classNames) {
        int k = classNames.size();
        int n = labels.length;
        if (probabilities.length != n) {
            throw new IllegalArgumentException("one probability row per label is needed");
        }
        if (n == 0) {
            throw new IllegalArgumentException("cannot score an empty set");
        }
        int[][] confusion = new int[k][k];
        int correct = 0;
        for (int i = 0; i < n; i++) {
            int predicted = Prediction.argMax(probabilities[i]);
            confusion[labels[i]][predicted]++;
            if (predicted == labels[i]) {
                correct++;
            }
        }
        List<ClassMetrics> perClass = new ArrayList<>(k);
        double f1Sum = 0;
        double aucSum = 0;
        int aucClasses = 0;
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            int support = Arrays.stream(confusion[c]).sum();
            int predictedAs = 0;
            for (int[] row : confusion) {
                predictedAs += row[c];
            }
            double precision = predictedAs == 0 ? 0 : (double) tp / predictedAs;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            double[] scores = new double[n];
            boolean[] positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = probabilities[i][c];
                positive[i] = labels[i] == c;
            }
            double auc = RocAuc.compute(scores, positive);
            perClass.add(new ClassMetrics(classNames.get(c), precision, recall, f1, auc, support));
            f1Sum += f1;
            if (!Double.isNaN(auc)) {
                aucSum += auc;
                aucClasses++;
            }
        }
        return new ClassificationReport(
                n,
                (double) correct / n,
                f1Sum / k,
                aucClasses == 0 ? Double.NaN : aucSum / aucClasses,
                perClass,
                confusion);
    }

    /** Returns the headline numbers, for provenance and listings. */
    public Map<String, Double> headline() {
        return Map.of("accuracy", accuracy, "macroF1", macroF1, "macroRocAuc", macroRocAuc);
    }

    /** Returns a table for the terminal: per-class scores, then the confusion matrix. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(
                String.format(
                        Locale.ROOT,
                        "%-12s %9s %9s %9s %9s %8s%n",
                        "class",
                        "precision",
                        "recall",
                        "f1",
                        "roc-auc",
                        "support"));
        for (ClassMetrics m : perClass) {
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "%-12s %9.4f %9.4f %9.4f %9.5f %8d%n",
                            m.label(),
                            m.precision(),
                            m.recall(),
                            m.f1(),
                            m.rocAuc(),
                            m.support()));
        }
        sb.append(
                String.format(
                        Locale.ROOT,
                        "%-12s %9s %9s %9.4f %9.5f %8d%n",
                        "macro",
                        "",
                        "",
                        macroF1,
                        macroRocAuc,
                        samples));
        sb.append(
                String.format(
                        Locale.ROOT,
                        "accuracy %.4f (%d of %d)%n%n",
                        accuracy,
                        Math.round(accuracy * samples),
                        samples));
        sb.append("confusion matrix (rows: true class, columns: predicted)\n");
        sb.append(String.format(Locale.ROOT, "%8s", ""));
        for (ClassMetrics m : perClass) {
            sb.append(String.format(Locale.ROOT, "%6.6s", m.label()));
        }
        sb.append('\n');
        for (int r = 0; r < confusion.length; r++) {
            sb.append(String.format(Locale.ROOT, "%8.8s", perClass.get(r).label()));
            for (int v : confusion[r]) {
                sb.append(String.format(Locale.ROOT, "%6d", v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public int[][] confusion() {
        return Arrays.stream(confusion).map(int[]::clone).toArray(int[][]::new);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassificationReport r
                && samples == r.samples
                && accuracy == r.accuracy
                && perClass.equals(r.perClass)
                && Arrays.deepEquals(confusion, r.confusion);
    }

    @Override
    public int hashCode() {
        return 31 * perClass.hashCode() + Arrays.deepHashCode(confusion);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT, "accuracy %.4f, macro-F1 %.4f on %d", accuracy, macroF1, samples);
    }
}
