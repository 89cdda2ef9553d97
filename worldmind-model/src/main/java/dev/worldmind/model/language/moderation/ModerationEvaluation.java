package dev.worldmind.model.language.moderation;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.catalog.SpamAssassin;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.data.text.TextCorpus;
import dev.worldmind.data.text.TextSplit;
import dev.worldmind.model.eval.ClassMetrics;
import dev.worldmind.model.eval.ClassificationReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Measures the spam classifier the way it is reported: SpamAssassin, duplicates dropped, a
 * stratified 20% held out with a fixed seed, hyper-parameters chosen by cross-validation on the
 * other 80% only, then precision, recall and F1 of the spam class and accuracy on the held-out
 * part.
 */
public final class ModerationEvaluation {
    /** The share of the corpus held out. */
    public static final double HELD_OUT = 0.2;

    private ModerationEvaluation() {}

    /**
     * What the evaluation measured.
     *
     * @param precision of the held-out messages called spam, the share that are
     * @param recall of the held-out spam, the share called spam
     * @param f1 the harmonic mean of the two
     * @param accuracy the share of held-out messages classified correctly
     * @param trainSize messages trained on
     * @param testSize messages held out
     * @param duplicates exact duplicates dropped before splitting
     * @param skipped unreadable messages skipped
     * @param seed the split and training seed
     * @param report the full two-class report
     * @param classifier the classifier trained on the training part, held-out metrics in its
     *     provenance
     */
    public record Result(
            double precision,
            double recall,
            double f1,
            double accuracy,
            int trainSize,
            int testSize,
            int duplicates,
            int skipped,
            long seed,
            ClassificationReport report,
            SpamClassifier classifier) {
        public Result {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(classifier, "classifier");
        }

        /** Returns a table for the terminal: the headline, then the per-class report. */
        public String toTable() {
            return String.format(
                            Locale.ROOT,
                            "spam classifier on SpamAssassin (seed %d): %d train / %d held out,"
                                    + " %d duplicates dropped, %d unreadable skipped%n"
                                    + "spam precision %.4f  recall %.4f  F1 %.4f  accuracy %.4f%n%n",
                            seed,
                            trainSize,
                            testSize,
                            duplicates,
                            skipped,
                            precision,
                            recall,
                            f1,
                            accuracy)
                    + report.toTable();
        }
    }

    /**
     * Fetches SpamAssassin if needed, trains on 80% and scores the held-out 20%.
     *
     * @param store the dataset store
     * @param seed the seed for the split, the folds and training
     * @param progress where to report loading and the grid search
     * @return the scores
     */
    public static Result run(DatasetStore store, long seed, ProgressMonitor progress) {
        SpamAssassin.Loaded loaded = SpamAssassin.load(store, progress);
        return run(
                loaded.corpus(),
                loaded.duplicates(),
                loaded.skipped(),
                SpamClassifierConfig.defaults(),
                seed,
                progress);
    }

    /**
     * Trains on 80% of a {@code [ham, spam]} corpus and scores the held-out 20%.
     *
     * @param corpus the corpus
     * @param duplicates duplicates dropped while loading it, for the report
     * @param skipped unreadable entries skipped while loading it, for the report
     * @param config the classifier configuration
     * @param seed the seed for the split, the folds and training
     * @param progress where to report the grid search
     * @return the scores
     */
    public static Result run(
            TextCorpus corpus,
            int duplicates,
            int skipped,
            SpamClassifierConfig config,
            long seed,
            ProgressMonitor progress) {
        TextSplit split = corpus.split(HELD_OUT, seed);
        SpamClassifier classifier = SpamClassifier.train(split.train(), config, seed, progress);
        List<String> texts = split.test().texts();
        float[][] probabilities = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            probabilities[i] = classifier.probabilities(texts.get(i));
        }
        ClassificationReport report =
                ClassificationReport.compute(
                        split.test().labels(), probabilities, corpus.classes());
        ClassMetrics spam = report.perClass().get(1);
        SpamClassifier measured =
                classifier.withMetrics(
                        Map.of(
                                "heldOutPrecisionSpam", spam.precision(),
                                "heldOutRecallSpam", spam.recall(),
                                "heldOutF1Spam", spam.f1(),
                                "heldOutAccuracy", report.accuracy()));
        return new Result(
                spam.precision(),
                spam.recall(),
                spam.f1(),
                report.accuracy(),
                split.train().size(),
                split.test().size(),
                duplicates,
                skipped,
                seed,
                report,
                measured);
    }
}
