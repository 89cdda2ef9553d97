package dev.worldmind.app.vision;

import dev.worldmind.app.job.JobContext;
import dev.worldmind.model.registry.ModelManifest;

/** Job kind {@code evaluate}: scores a registered image classifier on its dataset's test set. */
public final class EvaluateJob extends ModelJob {
    @Override
    public String id() {
        return "evaluate";
    }

    @Override
    public String describe() {
        return "evaluate a registered image classifier on its test set: model";
    }

    @Override
    String verb() {
        return "evaluate on the test set";
    }

    @Override
    int priority() {
        return 30;
    }

    @Override
    String run(JobContext ctx, ModelManifest source) {
        ImageModelPipeline.Outcome o =
                new ImageModelPipeline(ctx.home(), ctx).evaluate(source.ref());
        ctx.info(
                String.format(
                        java.util.Locale.ROOT,
                        "%s: test accuracy %.4f, macro-F1 %.4f; report in %s",
                        source.ref(),
                        o.report().accuracy(),
                        o.report().macroF1(),
                        o.directory()));
        return source.ref();
    }
}
