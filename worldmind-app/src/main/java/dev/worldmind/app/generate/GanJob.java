package dev.worldmind.app.generate;

import dev.worldmind.app.dataset.FashionMnistDescriptor;
import dev.worldmind.app.dataset.GanDefaults;
import dev.worldmind.app.dataset.MnistDescriptor;
import dev.worldmind.app.job.Blocker;
import dev.worldmind.app.job.DatasetBlockers;
import dev.worldmind.app.job.JobContext;
import dev.worldmind.app.job.JobKind;
import dev.worldmind.app.job.JobPlan;
import dev.worldmind.app.job.JobProgress;
import dev.worldmind.app.job.JobSettings;
import dev.worldmind.app.job.ServedVersions;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.model.generate.GanConfig;
import dev.worldmind.model.registry.ModelRegistry;
import java.util.Optional;
import java.util.Set;

/**
 * Job kind {@code gan}: trains a conditional GAN on a dataset, measures its FID with the dataset's
 * registered classifier and registers it. Settings: {@code dataset} (required), {@code epochs} and
 * {@code limitImages} (default: the start recipe, 2 epochs on 20,000 images), {@code ifMissing}. It
 * is blocked while its data or its FID judge is missing.
 */
public final class GanJob implements JobKind {
    /** What the shop's display of new designs waits for. */
    public static final String SHOP_DESIGNS = FashionMnistDescriptor.SHOP_DESIGNS;

    /** What the museum's gallery of generated digits waits for. */
    public static final String GALLERY = MnistDescriptor.GALLERY;

    @Override
    public String id() {
        return "gan";
    }

    @Override
    public String describe() {
        return "train a conditional GAN and measure its FID: dataset, epochs, limitImages,"
                + " ifMissing";
    }

    @Override
    public JobPlan plan(JobSettings s, WorldmindHome home) {
        s.allowOnly(id(), Set.of("dataset", "epochs", "limitImages", "ifMissing"));
        String dataset = s.require("dataset");
        GanDefaults defaults = Gans.defaults(dataset);
        GanConfig start = GanRecipe.start(dataset).config();
        int epochs = s.integer("epochs", 1, 100).orElse(start.epochs());
        int limit = s.integer("limitImages", 100, 60_000).orElse(start.limitImages());
        return new JobPlan(
                s.with("epochs", epochs).with("limitImages", limit),
                defaults.name() + ": " + epochs + " epochs on " + limit + " images",
                defaults.job().feature(),
                defaults.job().priority());
    }

    @Override
    public Optional<Blocker> blocker(JobSettings s, WorldmindHome home) {
        String dataset = s.require("dataset");
        Optional<Blocker> data = DatasetBlockers.of(home, Gans.descriptor(dataset).spec());
        if (data.isPresent()) {
            return data;
        }
        String judge = Gans.defaultJudge(dataset);
        if (new ModelRegistry(home.models()).latestVersion(judge).isEmpty()) {
            return Optional.of(
                    new Blocker(
                            "its FID judge " + judge + " is not registered yet",
                            "it starts by itself once "
                                    + judge
                                    + " is registered (the train job for "
                                    + dataset
                                    + " registers it)"));
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> satisfied(JobSettings s, WorldmindHome home) {
        return s.flag("ifMissing", false)
                ? JobSettings.registered(home, Gans.defaultName(s.require("dataset")))
                : Optional.empty();
    }

    @Override
    public String run(JobContext ctx) {
        JobSettings s = ctx.settings();
        String dataset = s.require("dataset");
        Optional<String> done = satisfied(s, ctx.home());
        if (done.isPresent()) {
            ctx.info(done.get() + " is already registered");
            return done.get();
        }
        ServedVersions.keep(
                new dev.worldmind.model.registry.ModelRegistry(ctx.home().models()),
                Gans.defaultName(dataset),
                ctx);
        GanRecipe start = GanRecipe.start(dataset);
        GanConfig config =
                GanConfig.builder()
                        .optEpochs(s.integer("epochs", 1, 100).orElseThrow())
                        .optLimitImages(s.integer("limitImages", 100, 60_000).orElseThrow())
                        .optWidth(start.config().width())
                        .optSeed(start.config().seed())
                        .build();
        GanReport r =
                Gans.train(
                        ctx.home(),
                        start.withConfig(config),
                        JobProgress.gan(ctx, config.epochs()),
                        ctx,
                        true);
        return r.manifest().ref();
    }
}
