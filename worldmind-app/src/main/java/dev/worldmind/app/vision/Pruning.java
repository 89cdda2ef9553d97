package dev.worldmind.app.vision;

import dev.worldmind.app.dataset.DatasetDescriptor;
import dev.worldmind.core.ContentHash;
import dev.worldmind.core.Folders;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.model.compress.MagnitudePruning;
import dev.worldmind.model.compress.PruningFineTuner;
import dev.worldmind.model.compress.PruningSchedule;
import dev.worldmind.model.compress.SparsityReport;
import dev.worldmind.model.eval.ClassificationReport;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.train.EngineInfo;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.train.TrainingHistory;
import dev.worldmind.model.train.TrainingListener;
import dev.worldmind.model.vision.ImageClassifier;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Magnitude pruning as one job: load a registered image classifier, measure it, prune and fine-tune
 * it on the training split of the dataset it was trained on, measure it again and register it as a
 * new model derived from the original, with a side-by-side report. Runs on the calling thread.
 */
public final class Pruning {
    private static final int TIMED_IMAGES = 256;

    private final WorldmindHome home;
    private final ImageModelPipeline pipeline;
    private final ProgressMonitor progress;

    /**
     * Creates the job runner.
     *
     * @param home the Worldmind home
     * @param progress where to report long work
     */
    public Pruning(WorldmindHome home, ProgressMonitor progress) {
        this.home = home;
        this.pipeline = new ImageModelPipeline(home, progress);
        this.progress = progress;
    }

    /** Returns the model registry. */
    public ModelRegistry registry() {
        return pipeline.registry();
    }

    /**
     * Returns the fine-tuning recipe for a model: its architecture's training recipe (batch size,
     * optimiser, augmentation) at half the learning rate for 3 epochs, with the model's own seed,
     * validation share and training limit, so its validation images stay unseen.
     *
     * @param source the model to prune
     * @return a builder holding the recipe
     */
    public static TrainingConfig.Builder fineTuningRecipe(ModelManifest source) {
        TrainingConfig preset =
                TrainingPresets.forArchitecture(source.architecture().name()).build();
        Map<String, Object> trained = source.provenance().config();
        TrainingConfig.Builder b =
                preset.toBuilder().optEpochs(3).optLearningRate(preset.learningRate() / 2);
        if (trained.get("seed") instanceof Number n) {
            b.optSeed(n.longValue());
        }
        if (trained.get("validationFraction") instanceof Number n) {
            b.optValidationFraction(n.doubleValue());
        }
        if (trained.get("trainLimit") instanceof Number n) {
            b.optTrainLimit(n.intValue());
        }
        return b;
    }

    /**
     * Returns the default name of a pruned model: the original's name with {@code -pruned}.
     *
     * @param source the original's name
     */
    public static String defaultName(String source) {
        return source + "-pruned";
    }

    /**
     * Prunes, fine-tunes, evaluates and registers a model.
     *
     * @param ref the model to prune, {@code name[:version]}
     * @param request what to make
     * @param listener follows fine-tuning
     * @return the registered model and its reports
     */
    public Outcome prune(String ref, Request request, TrainingListener listener) {
        ModelManifest source = registry().get(ref);
        if (!source.runtime().equals(ModelManifest.DJL)) {
            throw new InvalidDataException(
                    source.ref() + " is an " + source.runtime() + " model; pruning needs DJL");
        }
        DatasetDescriptor dataset = ImageModelPipeline.datasetOf(source);
        // Checks the name now rather than after minutes of fine-tuning.
        registry().latestVersion(request.name());
        TrainTest data = pipeline.data(dataset);
        TrainingConfig config = request.fineTuning();
        ImageSet train = data.train();
        if (config.trainLimit() > 0) {
            train = train.head(config.trainLimit());
        }
        ImageSet.Split split = train.split(config.validationFraction(), config.seed());
        Path runDir = runDirectory(request.name(), source, request);
        Instant started = Instant.now();
        try (ImageClassifier classifier = registry().loadClassifier(source.ref())) {
            progress.info(
                    "measuring " + source.ref() + " on the " + data.test().size() + " test images");
            Measured original =
                    new Measured(
                            ImageModelPipeline.evaluate(classifier, data.test()).accuracy(),
                            MagnitudePruning.measure(classifier),
                            sizes(
                                    registry()
                                            .directory(source.ref())
                                            .resolve(ModelRegistry.WEIGHTS)));
            progress.info(
                    String.format(
                            "pruning %s to %s of its conv and dense weights (%s), fine-tuning on"
                                    + " %,d images, validating on %,d",
                            source.ref(),
                            PruningSchedule.percent(request.schedule().target()),
                            request.schedule().describe(),
                            split.train().size(),
                            split.validation().size()));
            PruningFineTuner.Result tuned =
                    new PruningFineTuner(config, request.schedule(), runDir, listener)
                            .run(classifier, split.train(), split.validation());
            Instant ended = Instant.now();
            progress.info(
                    "evaluating the pruned model on the " + data.test().size() + " test images");
            ClassificationReport report = ImageModelPipeline.evaluate(classifier, data.test());
            SparsityReport sparsity = MagnitudePruning.measure(classifier);
            Map<String, Double> metrics = new LinkedHashMap<>(report.headline());
            metrics.put("sparsity", sparsity.prunableSparsity());
            metrics.put("overallSparsity", sparsity.sparsity());
            metrics.put("nonZeroParameters", (double) sparsity.nonZero());
            Provenance provenance =
                    new Provenance(
                            provenanceConfig(source, request),
                            config.seed(),
                            ImageModelPipeline.trainedOn(
                                    dataset, data, split, "fine-tuned on train"),
                            CodeVersion.current(),
                            RuntimeInfo.current(EngineInfo.libraries()),
                            started,
                            ended,
                            metrics);
            ModelManifest draft =
                    source.derive(
                            request.name(),
                            ModelManifest.DJL,
                            "pruned-" + PruningSchedule.percent(request.schedule().target()),
                            metrics,
                            provenance);
            Measured pruned = new Measured(report.accuracy(), sparsity, null);
            PruningReport[] written = new PruningReport[1];
            ModelManifest registered =
                    registry()
                            .register(
                                    classifier,
                                    draft,
                                    dir -> {
                                        ImageModelPipeline.writeReports(
                                                request.name(), dir, report, tuned.history());
                                        written[0] =
                                                report(
                                                        source,
                                                        request,
                                                        original,
                                                        pruned,
                                                        classifier,
                                                        data.test(),
                                                        dir);
                                    });
            try {
                Folders.deleteTree(runDir);
            } catch (IOException e) {
                // Leftover checkpoints only cost disk space; the model is registered.
            }
            return new Outcome(
                    registered,
                    registry().directory(registered.ref()),
                    report,
                    tuned.history(),
                    written[0]);
        }
    }

    /** Sizes the saved weights, times both models side by side, writes the pruning report. */
    private PruningReport report(
            ModelManifest source,
            Request request,
            Measured original,
            Measured pruned,
            ImageClassifier classifier,
            ImageSet test,
            Path dir) {
        // The version number is only known once registered; the next free one is what it gets.
        String ref =
                request.name() + ":" + (registry().latestVersion(request.name()).orElse(0) + 1);
        progress.info("timing " + source.ref() + " and " + ref + " side by side");
        double[] batch1;
        double[] batch64;
        try (ImageClassifier before = registry().loadClassifier(source.ref())) {
            batch1 = InferenceTiming.msPerImage(before, classifier, test, 1, TIMED_IMAGES);
            batch64 = InferenceTiming.msPerImage(before, classifier, test, 64, TIMED_IMAGES * 4);
        }
        PruningReport r =
                new PruningReport(
                        source.ref(),
                        ref,
                        request.schedule().describe(),
                        request.schedule().target(),
                        original.side(source.ref(), batch1[0], batch64[0]),
                        pruned.withSizes(sizes(dir.resolve(ModelRegistry.WEIGHTS)))
                                .side(ref, batch1[1], batch64[1]),
                        pruned.sparsity(),
                        PruningReport.DENSE_NOTE);
        Json.write(dir.resolve("pruning.json"), r);
        try {
            Files.writeString(dir.resolve("pruning.txt"), r.toTable());
        } catch (IOException e) {
            throw new WorldmindException("cannot write the pruning report: " + e, e);
        }
        return r;
    }

    /** Returns the plain and the gzipped size of the files in a folder. */
    private static long[] sizes(Path folder) {
        long plain = 0;
        long zipped = 0;
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(f);
                plain += bytes.length;
                CountingStream counter = new CountingStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(counter)) {
                    gz.write(bytes);
                }
                zipped += counter.count;
            }
        } catch (IOException e) {
            throw new WorldmindException("cannot read the weights in " + folder + ": " + e, e);
        }
        return new long[] {plain, zipped};
    }

    private static Map<String, Object> provenanceConfig(ModelManifest source, Request request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", "global magnitude pruning + fine-tuning");
        m.put("source", source.ref());
        m.put("sourceTrainedAt", source.provenance().endedAt().toString());
        m.put("pruned", "convolution and dense weights, ranked together; biases, batch norm kept");
        m.put("targetSparsity", request.schedule().target());
        m.put("schedule", request.schedule().describe());
        m.put("maskReapplied", "after every optimiser step");
        m.put("fineTuning", request.fineTuning().toMap());
        return m;
    }

    private Path runDirectory(String name, ModelManifest source, Request request) {
        Map<String, Object> key = new HashMap<>(provenanceConfig(source, request));
        String hash =
                ContentHash.of(Json.write(key).getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        return home.runs().resolve(name + "-" + hash);
    }

    /**
     * What to make.
     *
     * @param name the name to register the pruned model under
     * @param schedule the sparsity steps and their fine-tuning epochs
     * @param fineTuning how to fine-tune (its epoch count is replaced by the schedule's)
     */
    public record Request(String name, PruningSchedule schedule, TrainingConfig fineTuning) {
        public Request {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(fineTuning, "fineTuning");
        }
    }

    /**
     * A registered pruned model with its reports.
     *
     * @param manifest the registered model
     * @param directory where its files are
     * @param report its evaluation on the test set
     * @param history its fine-tuning, over all steps
     * @param pruning the side-by-side comparison with the original
     */
    public record Outcome(
            ModelManifest manifest,
            Path directory,
            ClassificationReport report,
            TrainingHistory history,
            PruningReport pruning) {}

    /** What is known of one model before it is timed; sizes are plain and gzip bytes. */
    private record Measured(double accuracy, SparsityReport sparsity, long[] sizes) {
        Measured withSizes(long[] plainAndGzip) {
            return new Measured(accuracy, sparsity, plainAndGzip);
        }

        PruningReport.Side side(String ref, double msBatch1, double msBatch64) {
            return new PruningReport.Side(
                    ref,
                    accuracy,
                    sparsity.parameters(),
                    sparsity.nonZero(),
                    sparsity.prunableSparsity(),
                    sparsity.sparsity(),
                    sizes[0],
                    sizes[1],
                    msBatch1,
                    msBatch64);
        }
    }

    /** Counts bytes and throws them away. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
