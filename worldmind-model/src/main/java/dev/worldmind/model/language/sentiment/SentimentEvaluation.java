package dev.worldmind.model.language.sentiment;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.catalog.UciSentiment;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.data.text.TextCorpus;
import dev.worldmind.data.text.TextSplit;
import dev.worldmind.model.eval.ClassificationReport;
import dev.worldmind.model.language.TextEmbedder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Scores every sentiment analyzer on one held-out split of the UCI sentences: the AFINN and VADER
 * lexicons, logistic regression on MiniLM embeddings with and without lexicon features, and a
 * bidirectional LSTM and a Transformer trained from scratch.
 *
 * @param dataset what was split, e.g. {@code uci-sentiment (2982 sentences, seed 42, 20% held out)}
 * @param rows one row per analyzer
 */
public record SentimentEvaluation(String dataset, List<Row> rows) {
    /** The held-out share. */
    public static final double HELD_OUT = 0.2;

    /**
     * One analyzer's scores.
     *
     * @param model the analyzer's name
     * @param report its scores on the held-out part
     * @param trainTime how long training took (zero for lexicons)
     */
    public record Row(String model, ClassificationReport report, Duration trainTime) {
        public Row {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(trainTime, "trainTime");
        }

        /** Returns the held-out accuracy. */
        public double accuracy() {
            return report.accuracy();
        }
    }

    public SentimentEvaluation {
        rows = List.copyOf(rows);
    }

    /**
     * Fetches the data and lexicons, trains every classifier on one split and scores all.
     *
     * @param store the dataset store
     * @param embedder the sentence embedder (borrowed, not closed)
     * @param seed the split and training seed
     * @param progress where to report
     * @return the evaluation
     */
    public static SentimentEvaluation run(
            DatasetStore store, TextEmbedder embedder, long seed, ProgressMonitor progress) {
        return run(
                store,
                embedder,
                List.of(SequenceConfig.lstm(seed), SequenceConfig.transformer(seed)),
                seed,
                progress);
    }

    /**
     * Like {@link #run(DatasetStore, TextEmbedder, long, ProgressMonitor)} without the sequence
     * models trained from scratch, which take minutes.
     *
     * @param store the dataset store
     * @param embedder the sentence embedder (borrowed, not closed)
     * @param seed the split and training seed
     * @param progress where to report
     * @return the evaluation
     */
    public static SentimentEvaluation runWithoutSequenceModels(
            DatasetStore store, TextEmbedder embedder, long seed, ProgressMonitor progress) {
        return run(store, embedder, List.of(), seed, progress);
    }

    private static SentimentEvaluation run(
            DatasetStore store,
            TextEmbedder embedder,
            List<SequenceConfig> sequenceModels,
            long seed,
            ProgressMonitor progress) {
        TextCorpus corpus = UciSentiment.load(store, progress).corpus();
        return run(
                corpus.split(HELD_OUT, seed),
                embedder,
                LexiconFeatures.load(store, progress),
                sequenceModels,
                seed,
                progress);
    }

    /**
     * Trains and scores every analyzer on a given split.
     *
     * @param split the split
     * @param embedder the sentence embedder (borrowed, not closed)
     * @param lexicon the lexicon scorers
     * @param sequenceModels the sequence models to train from scratch
     * @param seed the training seed
     * @param progress where to report
     * @return the evaluation
     */
    public static SentimentEvaluation run(
            TextSplit split,
            TextEmbedder embedder,
            LexiconFeatures lexicon,
            List<SequenceConfig> sequenceModels,
            long seed,
            ProgressMonitor progress) {
        TextCorpus test = split.test();
        List<Row> rows = new ArrayList<>();
        rows.add(score(lexicon.afinn(), test, Duration.ZERO));
        rows.add(score(lexicon.vader(), test, Duration.ZERO));
        for (boolean withLexicon : new boolean[] {false, true}) {
            long start = System.nanoTime();
            EmbeddingSentimentClassifier c =
                    EmbeddingSentimentClassifier.train(
                            split.train(),
                            embedder,
                            lexicon,
                            EmbeddingClassifierConfig.defaults(withLexicon, seed),
                            progress);
            rows.add(score(c, test, Duration.ofNanos(System.nanoTime() - start)));
        }
        for (SequenceConfig config : sequenceModels) {
            long start = System.nanoTime();
            try (SequenceSentimentClassifier c =
                    SequenceSentimentClassifier.train(split.train(), config, progress)) {
                rows.add(score(c, test, Duration.ofNanos(System.nanoTime() - start)));
            }
        }
        return new SentimentEvaluation(test.ref().description(), rows);
    }

    /**
     * Scores one analyzer on a held-out corpus.
     *
     * @param analyzer the analyzer
     * @param test the held-out corpus
     * @param trainTime how long its training took
     * @return the row
     */
    public static Row score(SentimentAnalyzer analyzer, TextCorpus test, Duration trainTime) {
        List<Sentiment> predicted = analyzer.analyzeAll(test.texts());
        float[][] probabilities = new float[predicted.size()][];
        for (int i = 0; i < probabilities.length; i++) {
            float p = (float) predicted.get(i).positive();
            probabilities[i] = new float[] {1 - p, p};
        }
        return new Row(
                analyzer.name(),
                ClassificationReport.compute(test.labels(), probabilities, test.classes()),
                trainTime);
    }

    /**
     * Returns the named row.
     *
     * @param model the analyzer's name
     * @return its row
     */
    public Row row(String model) {
        return rows.stream()
                .filter(r -> r.model().equals(model))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + model));
    }

    /** Returns a table for the terminal. */
    public String toTable() {
        StringBuilder sb = new StringBuilder("held out: " + dataset + "\n");
        sb.append(
                String.format(
                        Locale.ROOT,
                        "%-26s %8s %8s %8s %8s %8s %9s%n",
                        "model",
                        "accuracy",
                        "F1 neg",
                        "F1 pos",
                        "macro F1",
                        "ROC-AUC",
                        "train s"));
        for (Row r : rows) {
            ClassificationReport rep = r.report();
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "%-26s %8.4f %8.4f %8.4f %8.4f %8.4f %9.1f%n",
                            r.model(),
                            rep.accuracy(),
                            rep.perClass().get(0).f1(),
                            rep.perClass().get(1).f1(),
                            rep.macroF1(),
                            rep.perClass().get(1).rocAuc(),
                            r.trainTime().toMillis() / 1000.0));
        }
        return sb.toString();
    }
}
