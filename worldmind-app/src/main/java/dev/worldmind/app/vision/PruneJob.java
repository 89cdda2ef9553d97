package dev.worldmind.app.vision;

import dev.worldmind.app.job.JobContext;
import dev.worldmind.app.job.JobProgress;
import dev.worldmind.app.job.JobSettings;
import dev.worldmind.model.compress.PruningSchedule;
import dev.worldmind.model.registry.ModelManifest;
import java.util.Set;

/**
 * Job kind {@code prune}: magnitude pruning with fine-tuning, registered as {@code <name>-pruned}.
 * Settings: {@code model}, {@code sparsity} (0.8), {@code epochs} (fine-tuning, 3).
 */
public final class PruneJob extends ModelJob {
    @Override
    public String id() {
        return "prune";
    }

    @Override
    public String describe() {
        return "prune an image classifier and fine-tune it: model, sparsity (0.8), epochs (3)";
    }

    @Override
    Set<String> extraSettings() {
        return Set.of("sparsity", "epochs");
    }

    @Override
    void planExtras(JobSettings s) {
        s.number("sparsity", 0.05, 0.99);
        s.integer("epochs", 0, 50);
    }

    @Override
    String verb() {
        return "prune";
    }

    @Override
    String run(JobContext ctx, ModelManifest source) {
        double sparsity = ctx.settings().number("sparsity", 0.05, 0.99).orElse(0.8);
        int epochs = ctx.settings().integer("epochs", 0, 50).orElse(3);
        Pruning pruning = new Pruning(ctx.home(), ctx);
        Pruning.Outcome o =
                pruning.prune(
                        source.ref(),
                        new Pruning.Request(
                                Pruning.defaultName(source.name()),
                                PruningSchedule.oneShot(sparsity, epochs),
                                Pruning.fineTuningRecipe(source).build()),
                        JobProgress.training(ctx));
        ctx.info(
                String.format(
                        java.util.Locale.ROOT,
                        "%s: test accuracy %.4f",
                        o.manifest().ref(),
                        o.report().accuracy()));
        return o.manifest().ref();
    }
}
