package dev.worldmind.model.language.sentiment;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.Folders;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.data.text.TextCorpus;
import dev.worldmind.data.text.TextSplit;
import dev.worldmind.model.language.sentiment.internal.ModelFiles;
import dev.worldmind.model.language.sentiment.internal.SequenceBlock;
import dev.worldmind.model.language.sentiment.internal.WordVocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A sentiment classifier trained from scratch on DJL: a word vocabulary from the training part, a
 * trained embedding, and an LSTM or Transformer encoder (see {@link SequenceConfig}). Training
 * holds back part of the training corpus and keeps the epoch that scored best on it.
 *
 * <p>Owns a DJL model: close it. Scoring is serialised, so one instance may be shared by threads.
 */
public final class SequenceSentimentClassifier implements SentimentAnalyzer, AutoCloseable {
    /** The kind written into the manifest. */
    public static final String KIND = "sequence";

    /** The persisted format's version. */
    public static final int FORMAT_VERSION = 1;

    private static final String PARAMS = "sequence";
    private static final String VOCABULARY = "vocabulary.txt";

    private final Model model;
    private final WordVocabulary vocabulary;
    private final SequenceConfig config;
    private final Provenance provenance;

    private SequenceSentimentClassifier(
            Model model, WordVocabulary vocabulary, SequenceConfig config, Provenance provenance) {
        this.model = model;
        this.vocabulary = vocabulary;
        this.config = config;
        this.provenance = provenance;
    }

    /**
     * Trains a classifier on a two-class corpus (class 1 is "positive").
     *
     * @param train the training part; a validation share of it is held back
     * @param config how to build and train
     * @param progress where to report each epoch
     * @return the trained classifier; close it
     */
    public static SequenceSentimentClassifier train(
            TextCorpus train, SequenceConfig config, ProgressMonitor progress) {
        if (train.classes().size() != 2) {
            throw new IllegalArgumentException("sentiment has two classes: " + train.classes());
        }
        Instant start = Instant.now();
        TextSplit parts = train.split(config.validationShare(), config.seed());
        WordVocabulary vocabulary = WordVocabulary.build(parts.train().texts(), config.minCount());
        Engine.getInstance().setRandomSeed((int) config.seed());
        Model model =
                Model.newInstance(
                        "sentiment-" + config.architecture().name().toLowerCase(Locale.ROOT));
        model.setBlock(block(config, vocabulary.size()));
        Path best = null;
        try {
            best = Files.createTempDirectory("worldmind-sentiment-");
            double bestAccuracy = fit(model, parts, vocabulary, config, best, progress);
            model.load(best, PARAMS);
            Provenance provenance =
                    new Provenance(
                            config.asMap(),
                            config.seed(),
                            train.ref(),
                            CodeVersion.current(),
                            RuntimeInfo.current(
                                    Map.of(
                                            "djl",
                                            Engine.getDjlVersion(),
                                            "engine",
                                            Engine.getInstance().getEngineName()
                                                    + " "
                                                    + Engine.getInstance().getVersion())),
                            start,
                            Instant.now(),
                            Map.of("validationAccuracy", bestAccuracy));
            return new SequenceSentimentClassifier(model, vocabulary, config, provenance);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw e instanceof RuntimeException re
                    ? re
                    : new WorldmindException("training failed: " + e.getMessage(), e);
        } finally {
            if (best != null) {
                try {
                    Folders.deleteTree(best);
                } catch (IOException e) {
                    // A leftover temporary folder is harmless.
                }
            }
        }
    }

    private static double fit(
            Model model,
            TextSplit parts,
            WordVocabulary vocabulary,
            SequenceConfig config,
            Path best,
            ProgressMonitor progress) {
        List<String> texts = parts.train().texts();
        int[] labels = parts.train().labels();
        DefaultTrainingConfig tc =
                new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                        .optOptimizer(
                                Optimizer.adam()
                                        .optLearningRateTracker(
                                                Tracker.fixed(config.learningRate()))
                                        .optWeightDecays(1e-4f)
                                        .build());
        double bestAccuracy = -1;
        try (Trainer trainer = model.newTrainer(tc)) {
            trainer.initialize(new Shape(config.batchSize(), config.maxTokens()));
            Random random = new Random(config.seed());
            int[] order = new int[texts.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                shuffle(order, random);
                double lossSum = 0;
                int batches = 0;
                for (int from = 0; from < order.length; from += config.batchSize()) {
                    int to = Math.min(order.length, from + config.batchSize());
                    try (NDManager batch = trainer.getManager().newSubManager()) {
                        List<String> bt = new ArrayList<>();
                        int[] by = new int[to - from];
                        for (int k = from; k < to; k++) {
                            bt.add(texts.get(order[k]));
                            by[k - from] = labels[order[k]];
                        }
                        NDArray x = ids(batch, vocabulary, bt, config.maxTokens());
                        NDArray y = batch.create(by);
                        try (GradientCollector gc =
                                dev.worldmind.model.train.GradientTapes.forTraining(
                                        trainer::newGradientCollector)) {
                            NDList out = trainer.forward(new NDList(x));
                            NDArray loss = trainer.getLoss().evaluate(new NDList(y), out);
                            lossSum += loss.getFloat();
                            gc.backward(loss);
                        }
                        trainer.step();
                        batches++;
                    }
                }
                double accuracy =
                        accuracy(
                                model,
                                vocabulary,
                                config,
                                parts.test().texts(),
                                parts.test().labels());
                progress.info(
                        String.format(
                                Locale.ROOT,
                                "%s epoch %d: loss %.4f, validation accuracy %.4f",
                                config.architecture().name().toLowerCase(Locale.ROOT),
                                epoch,
                                lossSum / batches,
                                accuracy));
                if (accuracy > bestAccuracy) {
                    bestAccuracy = accuracy;
                    model.save(best, PARAMS);
                }
            }
        } catch (IOException e) {
            throw new WorldmindException("cannot keep the best epoch: " + e.getMessage(), e);
        }
        return bestAccuracy;
    }

    private static double accuracy(
            Model model,
            WordVocabulary vocabulary,
            SequenceConfig config,
            List<String> texts,
            int[] labels) {
        float[] p = positive(model, vocabulary, config, texts);
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            if ((p[i] > 0.5f ? 1 : 0) == labels[i]) {
                correct++;
            }
        }
        return (double) correct / p.length;
    }

    private static float[] positive(
            Model model, WordVocabulary vocabulary, SequenceConfig config, List<String> texts) {
        float[] out = new float[texts.size()];
        try (NDManager manager = model.getNDManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(manager, false);
            for (int from = 0; from < texts.size(); from += 256) {
                int to = Math.min(texts.size(), from + 256);
                NDArray x = ids(manager, vocabulary, texts.subList(from, to), config.maxTokens());
                NDArray probs =
                        model.getBlock().forward(ps, new NDList(x), false).head().softmax(1);
                float[] flat = probs.toFloatArray();
                for (int i = 0; i < to - from; i++) {
                    out[from + i] = flat[2 * i + 1];
                }
            }
        }
        return out;
    }

    private static NDArray ids(
            NDManager manager, WordVocabulary vocabulary, List<String> texts, int max) {
        int longest = 1;
        List<int[]> rows = new ArrayList<>(texts.size());
        for (String text : texts) {
            int[] row = vocabulary.encode(text, max);
            int n = 0;
            for (int i = 0; i < row.length; i++) {
                if (row[i] != WordVocabulary.PAD) {
                    n = i + 1;
                }
            }
            longest = Math.max(longest, n);
            rows.add(row);
        }
        // Batches are cut to their longest text; masking makes the padding length irrelevant.
        int[] flat = new int[texts.size() * longest];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, flat, i * longest, longest);
        }
        return manager.create(flat, new Shape(texts.size(), longest));
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static SequenceBlock block(SequenceConfig c, int vocabularySize) {
        return new SequenceBlock(
                c.architecture() == SequenceConfig.Architecture.TRANSFORMER,
                vocabularySize,
                c.embeddingSize(),
                c.hiddenSize(),
                c.layers(),
                c.heads(),
                c.dropout(),
                c.maxTokens());
    }

    @Override
    public String name() {
        return config.architecture() == SequenceConfig.Architecture.LSTM ? "bilstm" : "transformer";
    }

    /** Returns where this classifier came from. */
    public Provenance provenance() {
        return provenance;
    }

    /** Returns the configuration it was built with. */
    public SequenceConfig config() {
        return config;
    }

    @Override
    public Sentiment analyze(String text) {
        return analyzeAll(List.of(text)).get(0);
    }

    @Override
    public synchronized List<Sentiment> analyzeAll(List<String> texts) {
        float[] p = positive(model, vocabulary, config, texts);
        List<Sentiment> out = new ArrayList<>(p.length);
        for (float v : p) {
            out.add(Sentiment.ofProbability(Math.min(1, Math.max(0, v))));
        }
        return out;
    }

    /**
     * Writes the classifier into a folder: {@code sentiment-model.json} (format version, classes,
     * configuration, provenance), {@code vocabulary.txt} (one word per line, in id order) and the
     * DJL parameters.
     *
     * @param dir the folder, created if missing
     */
    public synchronized void save(Path dir) {
        try {
            Files.createDirectories(dir);
            model.save(dir, PARAMS);
            Files.write(dir.resolve(VOCABULARY), vocabulary.words(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WorldmindException("cannot save the sentiment model to " + dir + ": " + e, e);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("formatVersion", FORMAT_VERSION);
        manifest.put("kind", KIND);
        manifest.put("name", name());
        manifest.put("classes", List.of("negative", "positive"));
        manifest.put("vocabularySize", vocabulary.size());
        manifest.put("config", config);
        manifest.put("provenance", provenance);
        Json.write(dir.resolve(ModelFiles.MANIFEST), manifest);
    }

    /**
     * Loads a classifier that {@link #save} wrote.
     *
     * @param dir the folder
     * @return the classifier; close it
     */
    public static SequenceSentimentClassifier load(Path dir) {
        JsonNode node = ModelFiles.readManifest(dir, KIND, FORMAT_VERSION);
        SequenceConfig config;
        Provenance provenance;
        WordVocabulary vocabulary;
        try {
            config = Json.mapper().treeToValue(node.get("config"), SequenceConfig.class);
            provenance = Json.mapper().treeToValue(node.get("provenance"), Provenance.class);
            vocabulary =
                    new WordVocabulary(
                            Files.readAllLines(dir.resolve(VOCABULARY), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidDataException(
                    "cannot read the sentiment model in " + dir + ": " + e, e);
        }
        if (vocabulary.size() != node.path("vocabularySize").asInt()) {
            throw new InvalidDataException(dir + ": the vocabulary does not match the manifest");
        }
        Model model =
                Model.newInstance(
                        "sentiment-" + config.architecture().name().toLowerCase(Locale.ROOT));
        model.setBlock(block(config, vocabulary.size()));
        try {
            model.load(dir, PARAMS);
        } catch (IOException | MalformedModelException e) {
            model.close();
            throw new InvalidDataException("cannot load the weights in " + dir + ": " + e, e);
        }
        return new SequenceSentimentClassifier(model, vocabulary, config, provenance);
    }

    @Override
    public void close() {
        model.close();
    }
}
