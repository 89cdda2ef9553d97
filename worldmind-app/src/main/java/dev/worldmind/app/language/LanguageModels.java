package dev.worldmind.app.language;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.catalog.UciSentiment;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.data.text.TextSplit;
import dev.worldmind.model.language.TextEmbedder;
import dev.worldmind.model.language.moderation.ModerationEvaluation;
import dev.worldmind.model.language.moderation.SpamClassifier;
import dev.worldmind.model.language.sentiment.EmbeddingClassifierConfig;
import dev.worldmind.model.language.sentiment.EmbeddingSentimentClassifier;
import dev.worldmind.model.language.sentiment.LexiconFeatures;
import dev.worldmind.model.language.sentiment.SentimentAnalyzer;
import dev.worldmind.model.language.sentiment.SentimentEvaluation;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The text models the world runs on, trained, registered and loaded by name: {@value #SENTIMENT}
 * (MiniLM embeddings plus VADER/AFINN features, logistic regression, on the UCI sentences) and
 * {@value #SPAM_FILTER} (hashed TF-IDF logistic regression on SpamAssassin). Both are trained on 80
 * % of their dataset and carry their held-out scores in the registry. Stateless.
 */
public final class LanguageModels {
    /** The registry name of the sentiment classifier. */
    public static final String SENTIMENT = "sentiment";

    /** The registry name of the spam classifier. */
    public static final String SPAM_FILTER = "spam-filter";

    /** The seed of the splits and training, so registered figures match the evaluation's. */
    public static final long SEED = 42;

    private LanguageModels() {}

    /**
     * Trains the sentiment classifier on 80 % of the UCI sentences and registers it with its scores
     * on the other 20 %.
     *
     * @param home the Worldmind home
     * @param embedder the sentence embedder (borrowed)
     * @param progress where to report
     * @return the registered manifest
     */
    public static ModelManifest trainSentiment(
            WorldmindHome home, TextEmbedder embedder, ProgressMonitor progress) {
        DatasetStore store = new DatasetStore(home.datasets());
        TextSplit split =
                UciSentiment.load(store, progress)
                        .corpus()
                        .split(SentimentEvaluation.HELD_OUT, SEED);
        LexiconFeatures lexicon = LexiconFeatures.load(store, progress);
        long start = System.nanoTime();
        EmbeddingSentimentClassifier trained =
                EmbeddingSentimentClassifier.train(
                        split.train(),
                        embedder,
                        lexicon,
                        EmbeddingClassifierConfig.defaults(true, SEED),
                        progress);
        SentimentEvaluation.Row row =
                SentimentEvaluation.score(
                        trained, split.test(), Duration.ofNanos(System.nanoTime() - start));
        Map<String, Double> metrics =
                Map.of(
                        "accuracy", row.report().accuracy(),
                        "macroF1", row.report().macroF1(),
                        "rocAuc", row.report().macroRocAuc());
        EmbeddingSentimentClassifier measured = trained.withMetrics(metrics);
        ModelManifest m =
                new ModelRegistry(home.models())
                        .registerFiles(
                                ModelManifest.artifact(
                                        SENTIMENT,
                                        ModelManifest.TEXT_CLASSIFIER,
                                        ModelManifest.JAVA,
                                        UciSentiment.CLASSES,
                                        metrics,
                                        measured.provenance()),
                                measured::save);
        progress.info(
                String.format(
                        java.util.Locale.ROOT,
                        "registered %s: held-out accuracy %.4f, macro F1 %.4f",
                        m.ref(),
                        row.report().accuracy(),
                        row.report().macroF1()));
        return m;
    }

    /**
     * Trains the spam classifier on 80 % of SpamAssassin and registers it with its scores on the
     * other 20 %.
     *
     * @param home the Worldmind home
     * @param progress where to report
     * @return the registered manifest
     */
    public static ModelManifest trainSpamFilter(WorldmindHome home, ProgressMonitor progress) {
        ModerationEvaluation.Result r =
                ModerationEvaluation.run(new DatasetStore(home.datasets()), SEED, progress);
        SpamClassifier c = r.classifier();
        ModelManifest m =
                new ModelRegistry(home.models())
                        .registerFiles(
                                ModelManifest.artifact(
                                        SPAM_FILTER,
                                        ModelManifest.TEXT_CLASSIFIER,
                                        ModelManifest.JAVA,
                                        c.classes(),
                                        Map.of(
                                                "precision", r.precision(),
                                                "recall", r.recall(),
                                                "f1", r.f1(),
                                                "accuracy", r.accuracy()),
                                        c.provenance()),
                                c::save);
        progress.info(
                String.format(
                        java.util.Locale.ROOT,
                        "registered %s: held-out spam precision %.4f, recall %.4f, F1 %.4f",
                        m.ref(),
                        r.precision(),
                        r.recall(),
                        r.f1()));
        return m;
    }

    /**
     * Trains whichever of the two models is not registered yet.
     *
     * @param home the Worldmind home
     * @param embedder the sentence embedder (borrowed)
     * @param progress where to report
     */
    public static void ensure(WorldmindHome home, TextEmbedder embedder, ProgressMonitor progress) {
        ModelRegistry registry = new ModelRegistry(home.models());
        if (registry.latestVersion(SPAM_FILTER).isEmpty()) {
            progress.info("training the spam filter (SpamAssassin, about a minute)");
            trainSpamFilter(home, progress);
        }
        if (registry.latestVersion(SENTIMENT).isEmpty()) {
            progress.info("training the sentiment classifier (UCI sentences, about a minute)");
            trainSentiment(home, embedder, progress);
        }
    }

    /**
     * Loads the registered sentiment classifier, or VADER when none is registered.
     *
     * @param home the Worldmind home
     * @param embedder the embedder the classifier was trained with (borrowed)
     * @param progress where to report fetching the lexicons
     * @return the analyzer
     */
    public static SentimentAnalyzer loadSentiment(
            WorldmindHome home, TextEmbedder embedder, ProgressMonitor progress) {
        DatasetStore store = new DatasetStore(home.datasets());
        LexiconFeatures lexicon = LexiconFeatures.load(store, progress);
        ModelRegistry registry = new ModelRegistry(home.models());
        if (registry.latestVersion(SENTIMENT).isEmpty()) {
            progress.info(
                    "no " + SENTIMENT + " model registered; characters sense mood with VADER");
            return lexicon.vader();
        }
        return EmbeddingSentimentClassifier.load(registry.directory(SENTIMENT), embedder, lexicon);
    }

    /**
     * Loads the registered spam classifier, if there is one.
     *
     * @param home the Worldmind home
     * @return the classifier, or empty
     */
    public static Optional<SpamClassifier> loadSpamFilter(WorldmindHome home) {
        ModelRegistry registry = new ModelRegistry(home.models());
        try {
            return Optional.of(SpamClassifier.load(registry.directory(SPAM_FILTER)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
