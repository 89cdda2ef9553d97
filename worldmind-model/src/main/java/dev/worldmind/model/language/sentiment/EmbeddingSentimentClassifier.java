package dev.worldmind.model.language.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.data.text.TextCorpus;
import dev.worldmind.model.language.TextEmbedder;
import dev.worldmind.model.language.sentiment.internal.Folds;
import dev.worldmind.model.language.sentiment.internal.ModelFiles;
import dev.worldmind.model.language.sentiment.internal.Standardizer;
import dev.worldmind.model.linear.LogisticRegression;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Logistic regression on a sentence embedding, optionally with the VADER and AFINN lexicon features
 * beside it (see {@link EmbeddingClassifierConfig}). The L2 penalty is chosen by k-fold
 * cross-validation on the training part alone. Thread-safe as long as the embedder is; the embedder
 * is borrowed, not owned, so closing it is the caller's business.
 */
public final class EmbeddingSentimentClassifier implements SentimentAnalyzer {
    /** The kind written into the manifest. */
    public static final String KIND = "embedding-logistic";

    /** The persisted format's version. */
    public static final int FORMAT_VERSION = 1;

    private final TextEmbedder embedder;
    private final LexiconFeatures lexicon;
    private final EmbeddingClassifierConfig config;
    private final Standardizer standardizer;
    private final LogisticRegression model;
    private final double l2;
    private final Provenance provenance;

    private EmbeddingSentimentClassifier(
            TextEmbedder embedder,
            LexiconFeatures lexicon,
            EmbeddingClassifierConfig config,
            Standardizer standardizer,
            LogisticRegression model,
            double l2,
            Provenance provenance) {
        this.embedder = embedder;
        this.lexicon = lexicon;
        this.config = config;
        this.standardizer = standardizer;
        this.model = model;
        this.l2 = l2;
        this.provenance = provenance;
    }

    /**
     * Trains a classifier on a two-class corpus (class 1 is "positive").
     *
     * @param train the training part
     * @param embedder the sentence embedder
     * @param lexicon the lexicon scorers, used when the configuration asks for lexicon features
     * @param config how to train
     * @param progress where to report the cross-validation
     * @return the trained classifier
     */
    public static EmbeddingSentimentClassifier train(
            TextCorpus train,
            TextEmbedder embedder,
            LexiconFeatures lexicon,
            EmbeddingClassifierConfig config,
            ProgressMonitor progress) {
        if (train.classes().size() != 2) {
            throw new IllegalArgumentException("sentiment has two classes: " + train.classes());
        }
        Instant start = Instant.now();
        progress.info("embedding " + train.size() + " training sentences with " + embedder.name());
        double[][] x = features(train.texts(), embedder, lexicon, config.lexiconFeatures());
        int[] y = train.labels();
        double bestL2 = config.l2Grid().get(0);
        double bestAccuracy = -1;
        for (double candidate : config.l2Grid()) {
            double accuracy = crossValidate(x, y, candidate, config.folds(), config.seed());
            progress.info(
                    String.format(
                            "l2 %.4g: %d-fold accuracy %.4f", candidate, config.folds(), accuracy));
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                bestL2 = candidate;
            }
        }
        Standardizer standardizer = Standardizer.fit(x);
        LogisticRegression model = LogisticRegression.fit(standardize(standardizer, x), y, bestL2);
        Map<String, Object> cfg = new LinkedHashMap<>(config.asMap());
        cfg.put("embedder", embedder.name());
        cfg.put("chosenL2", bestL2);
        Provenance provenance =
                new Provenance(
                        cfg,
                        config.seed(),
                        train.ref(),
                        CodeVersion.current(),
                        RuntimeInfo.current(Map.of("embedder", embedder.name())),
                        start,
                        Instant.now(),
                        Map.of("cvAccuracy", bestAccuracy));
        return new EmbeddingSentimentClassifier(
                embedder, lexicon, config, standardizer, model, bestL2, provenance);
    }

    @Override
    public String name() {
        return config.lexiconFeatures() ? "minilm+lexicon-logistic" : "minilm-logistic";
    }

    /** Returns the L2 penalty cross-validation chose. */
    public double l2() {
        return l2;
    }

    /** Returns where this classifier came from. */
    public Provenance provenance() {
        return provenance;
    }

    /**
     * Returns the same classifier with held-out metrics added to its provenance, for saving.
     *
     * @param metrics the metrics, e.g. {@code accuracy}
     * @return the classifier with those metrics recorded
     */
    public EmbeddingSentimentClassifier withMetrics(Map<String, Double> metrics) {
        Provenance p = provenance.withMetrics(metrics);
        return new EmbeddingSentimentClassifier(
                embedder, lexicon, config, standardizer, model, l2, p);
    }

    @Override
    public Sentiment analyze(String text) {
        return analyzeAll(List.of(text)).get(0);
    }

    @Override
    public List<Sentiment> analyzeAll(List<String> texts) {
        double[][] x = features(texts, embedder, lexicon, config.lexiconFeatures());
        List<Sentiment> out = new ArrayList<>(x.length);
        for (double[] row : x) {
            out.add(Sentiment.ofProbability(model.probability(standardizer.apply(row))));
        }
        return out;
    }

    /**
     * Writes the classifier into a folder: {@code sentiment-model.json} with the format version,
     * classes, feature layout, standardisation, coefficients and provenance.
     *
     * @param dir the folder, created if missing
     */
    public void save(Path dir) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("formatVersion", FORMAT_VERSION);
        manifest.put("kind", KIND);
        manifest.put("name", name());
        manifest.put("classes", List.of("negative", "positive"));
        manifest.put("embedder", embedder.name());
        manifest.put("embeddingDimension", embedder.dimension());
        manifest.put(
                "lexiconFeatures",
                config.lexiconFeatures() ? LexiconFeatures.NAMES : List.<String>of());
        manifest.put("config", config);
        manifest.put("l2", l2);
        manifest.put("mean", standardizer.mean());
        manifest.put("scale", standardizer.scale());
        manifest.put("weights", model.weights());
        manifest.put("bias", model.bias());
        manifest.put("provenance", provenance);
        Json.write(dir.resolve(ModelFiles.MANIFEST), manifest);
    }

    /**
     * Loads a classifier that {@link #save} wrote.
     *
     * @param dir the folder
     * @param embedder the embedder it was trained with (checked by name and dimension)
     * @param lexicon the lexicon scorers
     * @return the classifier
     */
    public static EmbeddingSentimentClassifier load(
            Path dir, TextEmbedder embedder, LexiconFeatures lexicon) {
        JsonNode node = ModelFiles.readManifest(dir, KIND, FORMAT_VERSION);
        String wanted = node.path("embedder").asText();
        if (!wanted.equals(embedder.name())
                || node.path("embeddingDimension").asInt() != embedder.dimension()) {
            throw new InvalidDataException(
                    dir + " was trained on " + wanted + " embeddings, not " + embedder.name());
        }
        try {
            var mapper = Json.mapper();
            EmbeddingClassifierConfig config =
                    mapper.treeToValue(node.get("config"), EmbeddingClassifierConfig.class);
            Standardizer standardizer =
                    new Standardizer(
                            mapper.treeToValue(node.get("mean"), double[].class),
                            mapper.treeToValue(node.get("scale"), double[].class));
            LogisticRegression model =
                    new LogisticRegression(
                            mapper.treeToValue(node.get("weights"), double[].class),
                            node.path("bias").asDouble());
            Provenance provenance = mapper.treeToValue(node.get("provenance"), Provenance.class);
            return new EmbeddingSentimentClassifier(
                    embedder,
                    Objects.requireNonNull(lexicon, "lexicon"),
                    config,
                    standardizer,
                    model,
                    node.path("l2").asDouble(),
                    provenance);
        } catch (java.io.IOException | RuntimeException e) {
            throw new InvalidDataException(
                    "cannot read the sentiment model in " + dir + ": " + e, e);
        }
    }

    private static double[][] features(
            List<String> texts,
            TextEmbedder embedder,
            LexiconFeatures lexicon,
            boolean withLexicon) {
        float[][] vectors = embedder.embed(texts);
        double[][] rows = new double[texts.size()][];
        for (int i = 0; i < rows.length; i++) {
            double[] extra = withLexicon ? lexicon.of(texts.get(i)) : new double[0];
            double[] row = new double[vectors[i].length + extra.length];
            for (int j = 0; j < vectors[i].length; j++) {
                row[j] = vectors[i][j];
            }
            System.arraycopy(extra, 0, row, vectors[i].length, extra.length);
            rows[i] = row;
        }
        return rows;
    }

    private static double[][] standardize(Standardizer s, double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = s.apply(x[i]);
        }
        return out;
    }

    private static double crossValidate(double[][] x, int[] y, double l2, int folds, long seed) {
        int[] fold = Folds.assign(y, folds, seed);
        int correct = 0;
        for (int f = 0; f < folds; f++) {
            List<double[]> trainRows = new ArrayList<>();
            List<Integer> trainLabels = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (fold[i] != f) {
                    trainRows.add(x[i]);
                    trainLabels.add(y[i]);
                }
            }
            double[][] tx = trainRows.toArray(new double[0][]);
            Standardizer s = Standardizer.fit(tx);
            LogisticRegression m =
                    LogisticRegression.fit(
                            standardize(s, tx),
                            trainLabels.stream().mapToInt(Integer::intValue).toArray(),
                            l2);
            for (int i = 0; i < x.length; i++) {
                if (fold[i] == f && (m.probability(s.apply(x[i])) >= 0.5 ? 1 : 0) == y[i]) {
                    correct++;
                }
            }
        }
        return (double) correct / x.length;
    }
}
