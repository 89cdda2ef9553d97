package dev.worldmind.app.vision;

import dev.worldmind.app.dataset.DatasetDescriptor;
import dev.worldmind.app.dataset.DatasetDescriptors;
import dev.worldmind.app.dataset.MnistDescriptor;
import dev.worldmind.core.Folders;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.Provenance.DatasetRef;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.data.image.Normalization;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.model.eval.Charts;
import dev.worldmind.model.eval.ClassificationReport;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.train.ClassifierTrainer;
import dev.worldmind.model.train.EngineInfo;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.train.TrainingHistory;
import dev.worldmind.model.train.TrainingListener;
import dev.worldmind.model.vision.ArchitectureSpec;
import dev.worldmind.model.vision.ImageClassifier;
import dev.worldmind.model.vision.ImageModel;
import dev.worldmind.model.vision.ImageShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The image-model lifecycle end to end: fetch the dataset, train with checkpoints, evaluate on the
 * held-out test set, draw the plots and register the model with its provenance. One instance per
 * Worldmind home; runs one job at a time on the calling thread.
 */
public final class ImageModelPipeline {
    /** The name of the dataset models train on unless told otherwise. */
    public static final String DEFAULT_DATASET = MnistDescriptor.ID;

    private final WorldmindHome home;
    private final ModelRegistry registry;
    private final DatasetStore datasets;
    private final ProgressMonitor progress;
    private final Map<String, TrainTest> loaded = new HashMap<>();

    /**
     * Creates the pipeline.
     *
     * @param home the Worldmind home
     * @param progress where to report long work
     */
    public ImageModelPipeline(WorldmindHome home, ProgressMonitor progress) {
        this.home = home;
        this.registry = new ModelRegistry(home.models());
        this.datasets = new DatasetStore(home.datasets());
        this.progress = progress;
    }

    /** Returns the model registry. */
    public ModelRegistry registry() {
        return registry;
    }

    /** Returns the dataset store. */
    public DatasetStore datasets() {
        return datasets;
    }

    /**
     * Fetches MNIST if it is missing or damaged, without loading it.
     *
     * @return its folder
     */
    public Path ensureDataset() {
        return ensureDataset(DatasetDescriptors.installed().get(DEFAULT_DATASET));
    }

    /**
     * Fetches a dataset if it is missing or damaged, without loading it.
     *
     * @param dataset which
     * @return its folder
     */
    public Path ensureDataset(DatasetDescriptor dataset) {
        return datasets.ensure(dataset.spec(), progress);
    }

    /** Fetches MNIST if needed and loads it, once per pipeline. */
    public TrainTest mnist() {
        return data(DatasetDescriptors.installed().get(DEFAULT_DATASET));
    }

    /**
     * Fetches a dataset if needed and loads it, once per pipeline.
     *
     * @param dataset which
     * @return its training and test sets
     */
    public TrainTest data(DatasetDescriptor dataset) {
        TrainTest d = loaded.get(dataset.id());
        if (d == null) {
            d = dataset.load(ensureDataset(dataset));
            loaded.put(dataset.id(), d);
        }
        return d;
    }

    /**
     * Returns the dataset a registered model was trained on, to evaluate or fine-tune it on.
     *
     * @param m the model
     * @return the dataset
     * @throws NotFoundException if the model was trained on data that is not an image dataset
     */
    public static DatasetDescriptor datasetOf(ModelManifest m) {
        String name = m.provenance().dataset().name();
        try {
            return DatasetDescriptors.installed().get(name);
        } catch (NotFoundException e) {
            throw new NotFoundException(
                    m.ref() + " was trained on " + name + ", which is not an image dataset");
        }
    }

    /**
     * Finds the newest registered version of a name that was trained with exactly this
     * configuration on the same data, so it need not be trained again.
     *
     * @param name the model name
     * @param dataset the data it must have been trained on
     * @param config the configuration
     * @return the manifest, if there is such a version
     */
    public Optional<ModelManifest> findTrained(
            String name, DatasetDescriptor dataset, TrainingConfig config) {
        Optional<Integer> latest = registry.latestVersion(name);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        ModelManifest m;
        try {
            m = registry.get(name + ":" + latest.get());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        boolean sameConfig = Json.sameContent(config.toMap(), m.provenance().config());
        boolean sameData =
                dataset.id().equals(m.provenance().dataset().name())
                        && m.provenance().dataset().sha256().equals(dataset.spec().contentHash());
        return sameConfig && sameData ? Optional.of(m) : Optional.empty();
    }

    /**
     * Trains, evaluates and registers a model.
     *
     * @param name the name to register it under
     * @param dataset the data to train and evaluate on
     * @param config how to train
     * @param listener follows training
     * @return the registered model and its evaluation
     */
    public Outcome train(
            String name,
            DatasetDescriptor dataset,
            TrainingConfig config,
            TrainingListener listener) {
        TrainTest data = data(dataset);
        ImageSet train = data.train();
        if (config.trainLimit() > 0) {
            train = train.head(config.trainLimit());
        }
        ImageSet.Split split = train.split(config.validationFraction(), config.seed());
        Normalization normalization = Normalization.fit(split.train());
        ArchitectureSpec spec =
                new ArchitectureSpec(
                        config.architecture(), ImageShape.MNIST, dataset.classes().size());
        Path runDir = runDirectory(name, config);
        Instant started = Instant.now();
        try (ImageClassifier classifier =
                ImageClassifier.create(spec, dataset.classes(), normalization, config.seed())) {
            progress.info(
                    String.format(
                            "training %s (%s, %,d parameters) on %,d images, validating on %,d",
                            name,
                            config.architecture(),
                            classifier.parameterCount(),
                            split.train().size(),
                            split.validation().size()));
            TrainingHistory history =
                    new ClassifierTrainer(config, runDir, listener)
                            .fit(classifier, split.train(), split.validation());
            Instant ended = Instant.now();
            progress.info("evaluating on the " + data.test().size() + " test images");
            ClassificationReport report = evaluate(classifier, data.test());
            DatasetRef trainedOn = trainedOn(dataset, data, split, "train");
            Provenance provenance =
                    new Provenance(
                            config.toMap(),
                            config.seed(),
                            trainedOn,
                            CodeVersion.current(),
                            RuntimeInfo.current(EngineInfo.libraries()),
                            started,
                            ended,
                            report.headline());
            ModelManifest draft =
                    ModelManifest.draft(
                            name,
                            ModelManifest.IMAGE_CLASSIFIER,
                            spec,
                            dataset.classes(),
                            normalization,
                            report.headline(),
                            provenance);
            ModelManifest registered =
                    registry.register(
                            classifier, draft, dir -> writeReports(name, dir, report, history));
            try {
                Folders.deleteTree(runDir);
            } catch (IOException e) {
                // Leftover checkpoints only cost disk space; the model is registered.
            }
            return new Outcome(
                    registered, registry.directory(registered.ref()), report, history, false);
        }
    }

    /**
     * Evaluates a registered model (DJL or ONNX) on the test set of its dataset and writes the
     * report and confusion matrix into {@code <home>/evaluations/<name>-<version>/}.
     *
     * @param ref the model, {@code name[:version]}
     * @return the registered model and its evaluation
     */
    public Outcome evaluate(String ref) {
        ModelManifest m = registry.get(ref);
        TrainTest data = data(datasetOf(m));
        ClassificationReport report;
        try (ImageModel model = registry.loadModel(m.ref())) {
            report = Derivation.report(model.probabilities(data.test()), data.test());
        }
        Path out = home.root().resolve("evaluations").resolve(m.name() + "-" + m.version());
        Json.write(out.resolve("metrics.json"), report);
        Charts.confusionMatrix(m.ref(), report, out.resolve("confusion-matrix.png"));
        return new Outcome(m, out, report, null, false);
    }

    /**
     * Wraps an already registered model as an outcome, with its stored report.
     *
     * @param manifest the model
     * @return the outcome
     */
    public Outcome existing(ModelManifest manifest) {
        Path dir = registry.directory(manifest.ref());
        ClassificationReport report =
                Json.read(dir.resolve("metrics.json"), ClassificationReport.class);
        return new Outcome(manifest, dir, report, null, true);
    }

    static ClassificationReport evaluate(ImageClassifier classifier, ImageSet test) {
        int[] labels = new int[test.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = test.label(i);
        }
        return ClassificationReport.compute(
                labels, classifier.probabilities(test), test.classNames());
    }

    static void writeReports(
            String name, Path dir, ClassificationReport report, TrainingHistory history) {
        Json.write(dir.resolve("metrics.json"), report);
        Json.write(dir.resolve("history.json"), history);
        Path plots = dir.resolve("plots");
        if (!history.epochs().isEmpty()) {
            Charts.trainingCurves(name, history.epochs(), plots);
        }
        Charts.confusionMatrix(name, report, plots.resolve("confusion-matrix.png"));
        try {
            Files.writeString(dir.resolve("report.txt"), report.toTable());
        } catch (IOException e) {
            throw new dev.worldmind.core.WorldmindException("cannot write report: " + e, e);
        }
    }

    /**
     * Describes the data a model was trained or fine-tuned on: the dataset, its content hash and
     * the sizes of the seeded split and the test set.
     */
    static DatasetRef trainedOn(
            DatasetDescriptor dataset, TrainTest data, ImageSet.Split split, String what) {
        return new DatasetRef(
                dataset.id(),
                data.ref().sha256(),
                String.format(
                        "%s %,d / validation %,d (seeded split of %s/train), test %,d (%s/test)",
                        what,
                        split.train().size(),
                        split.validation().size(),
                        dataset.id(),
                        data.test().size(),
                        dataset.id()));
    }

    private Path runDirectory(String name, TrainingConfig config) {
        String hash =
                dev.worldmind.core.ContentHash.of(
                                Json.write(config.toMap())
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .substring(0, 12);
        return home.runs().resolve(name + "-" + hash);
    }

    /**
     * A registered model with its evaluation.
     *
     * @param manifest the registered model
     * @param directory where its files are
     * @param report its evaluation on the test set
     * @param history its training history, when it was trained just now
     * @param reused whether it was found already trained instead of trained now
     */
    public record Outcome(
            ModelManifest manifest,
            Path directory,
            ClassificationReport report,
            TrainingHistory history,
            boolean reused) {}
}
