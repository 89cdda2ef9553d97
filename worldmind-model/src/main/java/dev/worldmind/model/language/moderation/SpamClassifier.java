package dev.worldmind.model.language.moderation;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.data.interaction.SparseVector;
import dev.worldmind.data.text.TextCorpus;
import dev.worldmind.model.language.moderation.internal.CrossValidation;
import dev.worldmind.model.language.moderation.internal.TextHashing;
import dev.worldmind.model.language.moderation.internal.TfIdf;
import dev.worldmind.model.linear.LogisticRegression;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells spam from ham: hashed word unigram and bigram TF-IDF features plus a few shape features
 * (capitals, {@code !}, {@code $}, digits, links, length), scored by logistic regression trained in
 * Worldmind with seeded AdaGrad; its L2 penalty and step are chosen by cross-validation on the
 * training part only. Immutable and thread-safe; scoring a chat line takes microseconds.
 */
public final class SpamClassifier {
    /** The version of the saved format; loading any other fails with a clear message. */
    public static final int FORMAT_VERSION = 1;

    static final String MANIFEST = "spam-classifier.json";
    static final String WEIGHTS = "weights.bin";
    private static final int MAGIC = 0x574d5350; // "WMSP"

    private final TfIdf tfidf;
    private final LogisticRegression weights;
    private final List<String> classes;
    private final Provenance provenance;

    private SpamClassifier(
            TfIdf tfidf, LogisticRegression weights, List<String> classes, Provenance provenance) {
        this.tfidf = tfidf;
        this.weights = weights;
        this.classes = List.copyOf(classes);
        this.provenance = provenance;
    }

    /**
     * Trains on a two-class corpus whose second class is spam, choosing hyper-parameters by
     * cross-validation on that corpus.
     *
     * @param train the training corpus, classes {@code [ham, spam]}
     * @param config features and grid
     * @param seed the seed for folds and example order
     * @param progress where to report the grid search
     * @return the classifier
     */
    public static SpamClassifier train(
            TextCorpus train, SpamClassifierConfig config, long seed, ProgressMonitor progress) {
        if (train.classes().size() != 2) {
            throw new IllegalArgumentException("spam classification has two classes: ham, spam");
        }
        Instant started = Instant.now();
        List<String> texts = new ArrayList<>(train.texts());
        List<Integer> parentList = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            parentList.add(i);
        }
        if (config.snippetWords() > 0) {
            addSnippets(train.texts(), config.snippetWords(), texts, parentList);
        }
        int[] parents = parentList.stream().mapToInt(Integer::intValue).toArray();
        int[] originalLabels = train.labels();
        int[] labels = new int[parents.length];
        for (int i = 0; i < parents.length; i++) {
            labels[i] = originalLabels[parents[i]];
        }
        List<SparseVector> counts = new ArrayList<>(texts.size());
        List<float[]> shapes = new ArrayList<>(texts.size());
        for (String text : texts) {
            counts.add(TextHashing.counts(text, config.hashBits(), config.bigrams()));
            shapes.add(TextHashing.shape(text));
        }
        double bestL2 = config.l2Candidates().get(0);
        double bestRate = config.learningRateCandidates().get(0);
        double bestF1 = Double.NaN;
        boolean grid = config.l2Candidates().size() * config.learningRateCandidates().size() > 1;
        if (grid) {
            bestF1 = -1;
            for (double l2 : config.l2Candidates()) {
                for (double rate : config.learningRateCandidates()) {
                    double f1 =
                            CrossValidation.meanF1(
                                    counts,
                                    shapes,
                                    labels,
                                    parents,
                                    config.folds(),
                                    config.hashBits(),
                                    config.bigrams(),
                                    new LogisticRegression.AdaGrad(l2, config.epochs(), rate, seed),
                                    seed);
                    progress.info(
                            String.format(
                                    java.util.Locale.ROOT,
                                    "spam classifier: l2 %.0e, step %.2f: %d-fold F1 %.4f",
                                    l2,
                                    rate,
                                    config.folds(),
                                    f1));
                    if (f1 > bestF1) {
                        bestF1 = f1;
                        bestL2 = l2;
                        bestRate = rate;
                    }
                }
            }
        }
        TfIdf tfidf = TfIdf.fit(counts, config.hashBits(), config.bigrams());
        List<SparseVector> xs = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            xs.add(tfidf.weigh(counts.get(i), shapes.get(i)));
        }
        LogisticRegression weights =
                new LogisticRegression.AdaGrad(bestL2, config.epochs(), bestRate, seed)
                        .fit(xs, labels, tfidf.dimension());
        Map<String, Object> settings = new LinkedHashMap<>(config.toMap());
        settings.put("l2", bestL2);
        settings.put("learningRate", bestRate);
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (grid) {
            metrics.put("cvF1Spam", bestF1);
        }
        Provenance provenance =
                new Provenance(
                        settings,
                        seed,
                        train.ref(),
                        CodeVersion.current(),
                        RuntimeInfo.current(Map.of()),
                        started,
                        Instant.now(),
                        metrics);
        return new SpamClassifier(tfidf, weights, train.classes(), provenance);
    }

    /** Adds each text's first line and its next words as extra examples of the same class. */
    private static void addSnippets(
            List<String> originals, int words, List<String> texts, List<Integer> parents) {
        for (int i = 0; i < originals.size(); i++) {
            String text = originals.get(i);
            int newline = text.indexOf('\n');
            String first = newline < 0 ? text : text.substring(0, newline);
            String rest = newline < 0 ? "" : text.substring(newline + 1);
            if (newline >= 0 && !first.isBlank()) {
                texts.add(first);
                parents.add(i);
            }
            String[] split = rest.strip().split(" ", words + 1);
            String snippet =
                    String.join(
                            " ",
                            java.util.Arrays.asList(split)
                                    .subList(0, Math.min(words, split.length)));
            if (!snippet.isBlank() && split.length > words) {
                texts.add(snippet);
                parents.add(i);
            }
        }
    }

    /**
     * Returns the probability that a text is spam.
     *
     * @param text any text
     * @return a probability in [0, 1]
     */
    public double spamProbability(String text) {
        return weights.probability(tfidf.features(text));
    }

    /**
     * Returns the class probabilities of a text, in class order.
     *
     * @param text any text
     */
    public float[] probabilities(String text) {
        float spam = (float) spamProbability(text);
        return new float[] {1 - spam, spam};
    }

    /** Returns the class names, {@code [ham, spam]}. */
    public List<String> classes() {
        return classes;
    }

    /** Returns where the classifier came from. */
    public Provenance provenance() {
        return provenance;
    }

    /**
     * Returns the same classifier with more metrics in its provenance (e.g. held-out scores).
     *
     * @param more the metrics to add or replace
     */
    public SpamClassifier withMetrics(Map<String, Double> more) {
        Provenance p = provenance.withMetrics(more);
        return new SpamClassifier(tfidf, weights, classes, p);
    }

    /** What {@link #MANIFEST} holds. */
    record Manifest(
            int formatVersion,
            String kind,
            List<String> classes,
            int hashBits,
            boolean bigrams,
            float bias,
            Provenance provenance) {}

    /**
     * Saves the classifier into a folder: {@value #MANIFEST} (format version, classes, feature
     * settings, provenance) and {@value #WEIGHTS} (IDF and weights, big-endian floats).
     *
     * @param dir the folder, created if needed
     */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + WEIGHTS, ".tmp");
            try (DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT_VERSION);
                writeFloats(out, tfidf.idf());
                writeFloats(out, floats(weights.weights()));
            }
            Files.move(
                    tmp,
                    dir.resolve(WEIGHTS),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorldmindException("cannot save the spam classifier to " + dir + ": " + e, e);
        }
        Json.write(
                dir.resolve(MANIFEST),
                new Manifest(
                        FORMAT_VERSION,
                        "spam-classifier",
                        classes,
                        tfidf.bits(),
                        tfidf.bigrams(),
                        (float) weights.bias(),
                        provenance));
    }

    /**
     * Loads a classifier saved by {@link #save}.
     *
     * @param dir the folder
     * @return the classifier
     * @throws UnsupportedFormatVersionException when it was saved in another format version
     * @throws InvalidDataException when the files are missing or damaged
     */
    public static SpamClassifier load(Path dir) {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new InvalidDataException(
                    "no spam classifier in " + dir + ": " + MANIFEST + " is missing");
        }
        Manifest m = Json.read(manifestFile, Manifest.class);
        if (m.formatVersion() != FORMAT_VERSION) {
            throw new UnsupportedFormatVersionException(
                    "spam classifier " + dir, m.formatVersion(), FORMAT_VERSION);
        }
        int buckets = 1 << m.hashBits();
        try (DataInputStream in =
                new DataInputStream(
                        new BufferedInputStream(Files.newInputStream(dir.resolve(WEIGHTS))))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT_VERSION) {
                throw new InvalidDataException(
                        dir.resolve(WEIGHTS) + " is not a spam classifier's weights file");
            }
            float[] idf = readFloats(in, buckets);
            TfIdf tfidf = new TfIdf(m.hashBits(), m.bigrams(), idf);
            float[] w = readFloats(in, tfidf.dimension());
            if (in.read() != -1) {
                throw new InvalidDataException(
                        dir.resolve(WEIGHTS) + " is longer than its manifest says");
            }
            return new SpamClassifier(
                    tfidf,
                    new LogisticRegression(doubles(w), m.bias()),
                    m.classes(),
                    m.provenance());
        } catch (IOException e) {
            throw new InvalidDataException(
                    "cannot read " + dir.resolve(WEIGHTS) + ": " + e.getMessage(), e);
        }
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static double[] doubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static float[] readFloats(DataInputStream in, int expected) throws IOException {
        int n = in.readInt();
        if (n != expected) {
            throw new InvalidDataException(
                    "the weights file holds " + n + " values where " + expected + " belong");
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}
