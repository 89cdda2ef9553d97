package dev.worldmind.app.vision;

import dev.worldmind.app.dataset.DatasetDescriptor;
import dev.worldmind.app.dataset.DatasetDescriptors;
import dev.worldmind.app.dataset.FashionMnistDescriptor;
import dev.worldmind.app.dataset.JobPlacement;
import dev.worldmind.app.job.Blocker;
import dev.worldmind.app.job.DatasetBlockers;
import dev.worldmind.app.job.JobContext;
import dev.worldmind.app.job.JobKind;
import dev.worldmind.app.job.JobPlan;
import dev.worldmind.app.job.JobProgress;
import dev.worldmind.app.job.JobSettings;
import dev.worldmind.app.job.ServedVersions;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.model.train.TrainingConfig;
import dev.worldmind.model.vision.Architectures;
import java.util.Optional;
import java.util.Set;

/**
 * Job kind {@code train}: trains, evaluates and registers an image classifier with its dataset's
 * recipe. Settings: {@code dataset} (required), {@code architecture}, {@code name}, {@code epochs},
 * {@code limit} (first N training images), {@code ifMissing} (do nothing when the same recipe is
 * registered already). An interrupted job resumes from its last epoch checkpoint.
 */
public final class TrainJob implements JobKind {
    /** What the shop's fitting room waits for. */
    public static final String GARMENTS = FashionMnistDescriptor.GARMENTS;

    @Override
    public String id() {
        return "train";
    }

    @Override
    public String describe() {
        return "train an image classifier: dataset ("
                + String.join(", ", DatasetDescriptors.installed().ids())
                + "), architecture, name, epochs, limit, ifMissing";
    }

    @Override
    public JobPlan plan(JobSettings s, WorldmindHome home) {
        s.allowOnly(
                id(), Set.of("dataset", "architecture", "name", "epochs", "limit", "ifMissing"));
        DatasetDescriptor dataset = dataset(s);
        String architecture = s.string("architecture").orElse(dataset.defaultArchitecture());
        if (!Architectures.names().contains(architecture)) {
            throw new InvalidDataException(
                    "unknown architecture '" + architecture + "'; known: " + Architectures.names());
        }
        String name = s.string("name").orElse(dataset.modelName(architecture));
        if (!name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new InvalidDataException("a model name is 1-40 of a-z, 0-9 and '-': " + name);
        }
        checkName(home, name, dataset);
        s.integer("epochs", 1, 200);
        s.integer("limit", 100, 60_000);
        JobSettings planned =
                s.with("dataset", dataset.id())
                        .with("architecture", architecture)
                        .with("name", name);
        JobPlacement place =
                name.equals(dataset.defaultModelName())
                        ? dataset.classifierJob()
                        : JobPlacement.CLASSIFIER;
        return new JobPlan(
                planned,
                name + ": " + architecture + " on " + dataset.id(),
                place.feature(),
                place.priority());
    }

    @Override
    public Optional<Blocker> blocker(JobSettings s, WorldmindHome home) {
        return DatasetBlockers.of(home, dataset(s).spec());
    }

    @Override
    public Optional<String> satisfied(JobSettings s, WorldmindHome home) {
        if (!s.flag("ifMissing", false)) {
            return Optional.empty();
        }
        return new ImageModelPipeline(home, dev.worldmind.core.progress.ProgressMonitor.silent())
                .findTrained(s.require("name"), dataset(s), config(s))
                .map(ModelManifest::ref);
    }

    private static TrainingConfig config(JobSettings s) {
        TrainingConfig.Builder recipe = dataset(s).recipe(s.require("architecture"));
        s.integer("epochs", 1, 200).ifPresent(recipe::optEpochs);
        s.integer("limit", 100, 60_000).ifPresent(recipe::optTrainLimit);
        return recipe.build();
    }

    @Override
    public String run(JobContext ctx) {
        JobSettings s = ctx.settings();
        DatasetDescriptor dataset = dataset(s);
        String name = s.require("name");
        TrainingConfig config = config(s);
        ImageModelPipeline pipeline = new ImageModelPipeline(ctx.home(), ctx);
        pipeline.ensureDataset(dataset);
        if (s.flag("ifMissing", false)) {
            Optional<ModelManifest> trained = pipeline.findTrained(name, dataset, config);
            if (trained.isPresent()) {
                ctx.info(trained.get().ref() + " is already trained with this recipe");
                return trained.get().ref();
            }
        }
        ServedVersions.keep(pipeline.registry(), name, ctx);
        ctx.progress(0, "starting");
        ImageModelPipeline.Outcome o =
                pipeline.train(name, dataset, config, JobProgress.training(ctx));
        ctx.info(
                String.format(
                        java.util.Locale.ROOT,
                        "%s: test accuracy %.4f, macro-F1 %.4f on %d images",
                        o.manifest().ref(),
                        o.report().accuracy(),
                        o.report().macroF1(),
                        o.report().samples()));
        return o.manifest().ref();
    }

    /**
     * Refuses a name that belongs to another kind of model or to a classifier of other classes: a
     * training job must not register an image classifier as the world's spam filter.
     */
    private static void checkName(WorldmindHome home, String name, DatasetDescriptor dataset) {
        if (OTHER_KINDS.contains(name)
                || DatasetDescriptors.installed().all().stream()
                        .anyMatch(d -> d.gan().name().equals(name))) {
            throw new InvalidDataException(
                    "'"
                            + name
                            + "' is the name of one of the world's other models; choose another");
        }
        ModelRegistry registry = new ModelRegistry(home.models());
        if (registry.latestVersion(name).isEmpty()) {
            return;
        }
        ModelManifest m;
        try {
            m = registry.get(name);
        } catch (RuntimeException e) {
            return; // an unreadable version does not say what the name is for
        }
        if (!m.isImageClassifier() || !dataset.classes().equals(m.classes())) {
            throw new InvalidDataException(
                    "'"
                            + name
                            + "' is already "
                            + (m.isImageClassifier()
                                    ? "a classifier of other classes"
                                    : "a " + m.kind())
                            + "; choose another name");
        }
    }

    /** The names of the world's models that are not image classifiers, besides generators. */
    private static final Set<String> OTHER_KINDS =
            Set.of(
                    dev.worldmind.app.language.LanguageModels.SPAM_FILTER,
                    dev.worldmind.app.language.LanguageModels.SENTIMENT,
                    dev.worldmind.app.reinforce.MuseumNavigator.NAME,
                    dev.worldmind.app.recommend.WorldRecommendations.NAME);

    static DatasetDescriptor dataset(JobSettings s) {
        try {
            return DatasetDescriptors.installed().get(s.require("dataset"));
        } catch (NotFoundException e) {
            throw new InvalidDataException(e.getMessage());
        }
    }
}
