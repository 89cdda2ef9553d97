package dev.worldmind.app.vision;

import dev.worldmind.app.job.JobContext;
import dev.worldmind.model.registry.ModelManifest;
import java.time.Duration;

/**
 * Job kind {@code export}: exports a DJL image classifier to ONNX, checks it against the original
 * and registers it as {@code <name>-onnx} (what the Studio runs in the browser).
 */
public final class ExportJob extends ModelJob {
    @Override
    public String id() {
        return "export";
    }

    @Override
    public String describe() {
        return "export a DJL image classifier to ONNX and register it: model";
    }

    @Override
    String verb() {
        return "export to ONNX";
    }

    @Override
    int priority() {
        return 20;
    }

    @Override
    java.util.Set<String> extraSettings() {
        return java.util.Set.of("ifMissing");
    }

    @Override
    public java.util.Optional<String> satisfied(
            dev.worldmind.app.job.JobSettings s, dev.worldmind.core.WorldmindHome home) {
        if (!s.flag("ifMissing", false)) {
            return java.util.Optional.empty();
        }
        ModelManifest source = resolve(home, s.require("model"));
        var registry = new dev.worldmind.model.registry.ModelRegistry(home.models());
        String target = source.name() + "-onnx";
        return registry.list().stream()
                .filter(e -> e.name().equals(target))
                .flatMap(e -> e.manifest().stream())
                .filter(m -> m.derivedFrom().equals(source.ref()))
                .map(ModelManifest::ref)
                .findFirst();
    }

    @Override
    String run(JobContext ctx, ModelManifest source) {
        java.util.Optional<String> done = satisfied(ctx.settings(), ctx.home());
        if (done.isPresent()) {
            ctx.info(done.get() + " is already exported from " + source.ref());
            return done.get();
        }
        DerivedModel d =
                new ModelExport(
                                new ImageModelPipeline(ctx.home(), ctx),
                                ctx,
                                ctx.threads(),
                                Duration.ofSeconds(1))
                        .toOnnx(source.ref(), null, null);
        Derivation.log(ctx, d);
        return d.manifest().ref();
    }
}
