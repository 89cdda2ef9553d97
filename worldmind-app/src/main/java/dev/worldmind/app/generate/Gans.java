package dev.worldmind.app.generate;

import dev.worldmind.app.dataset.DatasetDescriptor;
import dev.worldmind.app.dataset.DatasetDescriptors;
import dev.worldmind.app.dataset.GanDefaults;
import dev.worldmind.core.ContentHash;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.CodeVersion;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.core.provenance.RuntimeInfo;
import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.model.generate.FeatureStatistics;
import dev.worldmind.model.generate.Fid;
import dev.worldmind.model.generate.FrechetDistance;
import dev.worldmind.model.generate.GanHistory;
import dev.worldmind.model.generate.GanListener;
import dev.worldmind.model.generate.GanTrainer;
import dev.worldmind.model.generate.Generator;
import dev.worldmind.model.generate.GeneratorArtifact;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.train.EngineInfo;
import dev.worldmind.model.vision.ImageClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Trains, measures, registers and loads Worldmind's generators. FID follows one protocol so numbers
 * compare across runs (docs/models/generators.md): the judge classifier's features (the activations
 * entering its last layer) of {@value #FID_GENERATED} generated images (noise seed {@value
 * #FID_SEED}, classes in turn) against the dataset's {@value #FID_REAL} test images, beside the
 * same judge's real-vs-real distance (the first {@value #FID_REAL} training images against the test
 * images). Stateless.
 */
public final class Gans {
    /** How many generated images FID is computed on. */
    public static final int FID_GENERATED = 10_000;

    /** How many real images (the test split) FID compares with. */
    public static final int FID_REAL = 10_000;

    /** The noise seed of the fixed generated set FID uses. */
    public static final long FID_SEED = 20_261_129;

    /** The sample grid's noise seed. */
    public static final long GRID_SEED = 7;

    private Gans() {}

    /**
     * Returns a dataset's generator defaults.
     *
     * @param dataset the dataset's name
     * @return its generator's name, judge and place in the job queue
     * @throws InvalidDataException for a name no installed dataset has
     */
    public static GanDefaults defaults(String dataset) {
        return descriptor(dataset).gan();
    }

    static DatasetDescriptor descriptor(String dataset) {
        DatasetDescriptors installed = DatasetDescriptors.installed();
        return installed
                .find(dataset)
                .orElseThrow(
                        () ->
                                new InvalidDataException(
                                        "unknown dataset '"
                                                + dataset
                                                + "': use "
                                                + either(installed.ids())));
    }

    /** {@code fashion-mnist or mnist}: the names in order, the last after "or". */
    private static String either(java.util.Collection<String> names) {
        List<String> sorted = names.stream().sorted().toList();
        int last = sorted.size() - 1;
        return last <= 0
                ? String.join("", sorted)
                : String.join(", ", sorted.subList(0, last)) + " or " + sorted.get(last);
    }

    static void checkDataset(String dataset) {
        descriptor(dataset);
    }

    /** The default registered name for a dataset's generator. */
    public static String defaultName(String dataset) {
        return defaults(dataset).name();
    }

    /** The default judge classifier for a dataset. */
    public static String defaultJudge(String dataset) {
        return defaults(dataset).judge();
    }

    /**
     * Trains a generator, measures it and (optionally) registers it.
     *
     * @param home the Worldmind home (datasets, runs, models)
     * @param recipe what to train
     * @param listener hears the training
     * @param progress hears the other steps
     * @param register whether to register the result
     * @return what happened
     */
    public static GanReport train(
            WorldmindHome home,
            GanRecipe recipe,
            GanListener listener,
            ProgressMonitor progress,
            boolean register) {
        Instant startedAt = Instant.now();
        ModelRegistry registry = new ModelRegistry(home.models());
        TrainTest data = load(home, recipe.dataset(), progress);
        try (ImageClassifier judge = judge(registry, recipe.dataset(), recipe.judge())) {
            progress.info("FID judge: " + judgeId(registry, recipe.judge()));
            Fid fid = Fid.of(judge, data.test(), FID_REAL);
            FeatureStatistics trainStats = Fid.statistics(judge, data.train(), FID_REAL);
            double realVsReal = FrechetDistance.between(trainStats, fid.real());
            progress.info(String.format("real-vs-real FID (train vs test): %.3f", realVsReal));
            GanTrainer trainer = new GanTrainer(recipe.config(), listener);
            Path run =
                    home.runs()
                            .resolve(
                                    recipe.name()
                                            + "-"
                                            + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                                                    .withZone(ZoneOffset.UTC)
                                                    .format(startedAt));
            try (Generator g =
                    Generator.create(
                            trainer.spec(data.train().classNames()), recipe.config().seed())) {
                GanHistory history =
                        trainer.fit(
                                g, data.train(), gen -> fid.score(gen, FID_GENERATED, FID_SEED));
                Map<String, Double> metrics = new LinkedHashMap<>();
                metrics.put("fid", history.finalScore());
                metrics.put("untrainedFid", history.initialScore());
                metrics.put("realVsRealFid", realVsReal);
                metrics.putAll(confidence(judge, g));
                metrics.put("epochs", (double) history.epochs().size());
                metrics.put("trainingSeconds", history.seconds());
                FidCurve.write(recipe.name(), history, realVsReal, run);
                SampleGrid.write(grid(g), 100, 10, run.resolve("samples.png"));
                Map<String, Object> config = new LinkedHashMap<>(recipe.config().toMap());
                config.put("dataset", recipe.dataset());
                config.put("fidJudge", judgeId(registry, recipe.judge()));
                config.put("fidJudgeWeightsSha256", judgeWeightsHash(registry, recipe.judge()));
                config.put("fidGenerated", FID_GENERATED);
                config.put("fidReal", FID_REAL + " test images");
                config.put("fidSeed", FID_SEED);
                Provenance provenance =
                        new Provenance(
                                config,
                                recipe.config().seed(),
                                new Provenance.DatasetRef(
                                        recipe.dataset(),
                                        specHash(recipe.dataset()),
                                        recipe.config().limitImages() > 0
                                                ? "first "
                                                        + recipe.config().limitImages()
                                                        + " training images"
                                                : "all training images"),
                                CodeVersion.current(),
                                RuntimeInfo.current(EngineInfo.libraries()),
                                startedAt,
                                Instant.now(),
                                metrics);
                GeneratorArtifact artifact =
                        new GeneratorArtifact(
                                GeneratorArtifact.FORMAT_VERSION,
                                recipe.dataset(),
                                g.spec(),
                                recipe.config().toMap(),
                                provenance);
                artifact.save(run, g);
                ModelManifest manifest = null;
                if (register) {
                    manifest =
                            registry.registerFiles(
                                    ModelManifest.artifact(
                                            recipe.name(),
                                            ModelManifest.GENERATOR,
                                            ModelManifest.DJL,
                                            g.classes(),
                                            metrics,
                                            provenance),
                                    dir -> copy(run, dir));
                    progress.info("registered " + manifest.ref());
                }
                return new GanReport(manifest, run, history, metrics);
            }
        }
    }

    /**
     * Returns the newest registered generator for a dataset, training one with the {@link
     * GanRecipe#start start recipe} first if there is none (for {@code worldmind start}). The judge
     * classifier must be registered already.
     *
     * @param home the Worldmind home
     * @param dataset {@code fashion-mnist} or {@code mnist}
     * @param progress hears what happens
     * @return the registered manifest
     */
    public static ModelManifest ensure(
            WorldmindHome home, String dataset, ProgressMonitor progress) {
        String name = defaultName(dataset);
        ModelRegistry registry = new ModelRegistry(home.models());
        Optional<Integer> latest = registry.latestVersion(name);
        if (latest.isPresent()) {
            return registry.get(name + ":" + latest.get());
        }
        progress.info("training " + name + " (start recipe: about three minutes)");
        return train(home, GanRecipe.start(dataset), GanListener.SILENT, progress, true).manifest();
    }

    /**
     * Loads a registered generator.
     *
     * @param registry the model registry
     * @param ref {@code name}, {@code name:latest} or {@code name:version}
     * @return the generator; close it
     */
    public static Generator load(ModelRegistry registry, String ref) {
        ModelManifest m = registry.get(ref);
        if (!ModelManifest.GENERATOR.equals(m.kind())) {
            throw new InvalidDataException(m.ref() + " is a " + m.kind() + ", not a generator");
        }
        return GeneratorArtifact.load(registry.directory(ref));
    }

    /**
     * Measures a registered generator with the FID protocol, against the judge it was trained with
     * (or another).
     *
     * @param home the Worldmind home
     * @param ref the generator
     * @param judgeRef the judge, or null for the one in its provenance
     * @param progress hears what happens
     * @return {@code fid} and {@code realVsRealFid}, plus the confidences
     */
    public static Map<String, Double> fid(
            WorldmindHome home, String ref, String judgeRef, ProgressMonitor progress) {
        ModelRegistry registry = new ModelRegistry(home.models());
        GeneratorArtifact artifact = GeneratorArtifact.read(registry.directory(ref));
        String dataset = artifact.dataset();
        String judgeName =
                judgeRef != null
                        ? judgeRef
                        : artifact.provenance() != null
                                        && artifact.provenance().config().get("fidJudge") != null
                                ? String.valueOf(artifact.provenance().config().get("fidJudge"))
                                : defaultJudge(dataset);
        TrainTest data = load(home, dataset, progress);
        try (ImageClassifier judge = judge(registry, dataset, judgeName);
                Generator g = load(registry, ref)) {
            progress.info("FID judge: " + judgeId(registry, judgeName));
            Fid fid = Fid.of(judge, data.test(), FID_REAL);
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("fid", fid.score(g, FID_GENERATED, FID_SEED));
            out.put(
                    "realVsRealFid",
                    FrechetDistance.between(
                            Fid.statistics(judge, data.train(), FID_REAL), fid.real()));
            out.putAll(confidence(judge, g));
            return out;
        }
    }

    /**
     * The judge's mean confidence on the fixed FID samples: the mean highest class probability and,
     * when the generator is conditional, the mean probability of the class asked for.
     */
    static Map<String, Double> confidence(ImageClassifier judge, Generator g) {
        float[] images = Fid.fixedSamples(g, FID_GENERATED, FID_SEED);
        int[] asked = Fid.labels(g.spec(), FID_GENERATED);
        float[][] p = judge.probabilities(images, FID_GENERATED);
        double max = 0;
        double requested = 0;
        int agree = 0;
        for (int i = 0; i < p.length; i++) {
            int best = 0;
            for (int k = 1; k < p[i].length; k++) {
                if (p[i][k] > p[i][best]) {
                    best = k;
                }
            }
            max += p[i][best];
            requested += p[i][asked[i]];
            agree += best == asked[i] ? 1 : 0;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("meanMaxConfidence", max / p.length);
        if (g.conditional()) {
            out.put("meanRequestedClassProbability", requested / p.length);
            out.put("requestedClassAccuracy", agree / (double) p.length);
        }
        return out;
    }

    /** Ten samples per class in rows (conditional), or 100 samples. */
    static float[] grid(Generator g) {
        if (!g.conditional()) {
            return g.sample(100, -1, GRID_SEED);
        }
        int size = g.shape().size();
        float[] out = new float[100 * size];
        for (int c = 0; c < 10 && c < g.classes().size(); c++) {
            System.arraycopy(g.sample(10, c, GRID_SEED), 0, out, c * 10 * size, 10 * size);
        }
        return out;
    }

    /**
     * Loads a registered judge classifier for a dataset.
     *
     * @throws NotFoundException naming the command that trains it when it is missing
     */
    static ImageClassifier judge(ModelRegistry registry, String dataset, String ref) {
        if (registry.latestVersion(ref.split(":")[0]).isEmpty()) {
            GanDefaults known = defaults(dataset);
            String how =
                    ref.split(":")[0].equals(known.judge())
                            ? "train it with `" + known.judgeCommand() + "`"
                            : "train or register it first (the default judge "
                                    + known.judge()
                                    + " is trained by `"
                                    + known.judgeCommand()
                                    + "`)";
            throw new NotFoundException(
                    "the FID judge classifier '" + ref + "' is not registered: " + how);
        }
        ImageClassifier c = registry.loadClassifier(ref);
        List<String> expected = descriptor(dataset).classes();
        if (!c.classes().equals(expected)) {
            c.close();
            throw new InvalidDataException(
                    "the judge " + ref + " classifies " + c.classes() + ", not " + dataset);
        }
        return c;
    }

    /** The judge's exact {@code name:version}. */
    static String judgeId(ModelRegistry registry, String ref) {
        return registry.get(ref).ref();
    }

    /** The SHA-256 of the judge's weights file, so FID numbers can name the exact features. */
    static String judgeWeightsHash(ModelRegistry registry, String ref) {
        Path weights =
                registry.directory(ref)
                        .resolve(ModelRegistry.WEIGHTS)
                        .resolve(ImageClassifier.WEIGHTS_NAME + "-0000.params");
        return Files.isRegularFile(weights) ? ContentHash.of(weights) : "";
    }

    static TrainTest load(WorldmindHome home, String dataset, ProgressMonitor progress) {
        DatasetDescriptor d = descriptor(dataset);
        return d.load(new DatasetStore(home.datasets()).ensure(d.spec(), progress));
    }

    private static String specHash(String dataset) {
        return descriptor(dataset).spec().contentHash();
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new WorldmindException("cannot copy the generator from " + from + ": " + e, e);
        }
    }
}
