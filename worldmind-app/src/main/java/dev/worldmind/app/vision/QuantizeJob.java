package dev.worldmind.app.vision;

import dev.worldmind.app.job.JobContext;
import dev.worldmind.app.job.JobSettings;
import dev.worldmind.model.compress.QuantizationConfig;
import dev.worldmind.model.registry.ModelManifest;
import java.time.Duration;
import java.util.Set;

/** Job kind {@code quantize}: int8 ONNX version of an image classifier, calibrated and checked. */
public final class QuantizeJob extends ModelJob {
    @Override
    public String id() {
        return "quantize";
    }

    @Override
    public String describe() {
        return "quantize an image classifier to int8 ONNX: model, calibration (images, 1000)";
    }

    @Override
    Set<String> extraSettings() {
        return Set.of("calibration");
    }

    @Override
    void planExtras(JobSettings s) {
        s.integer("calibration", 10, 60_000);
    }

    @Override
    String verb() {
        return "quantize to int8";
    }

    @Override
    String run(JobContext ctx, ModelManifest source) {
        int calibration = ctx.settings().integer("calibration", 10, 60_000).orElse(1000);
        DerivedModel d =
                new ModelQuantization(
                                new ImageModelPipeline(ctx.home(), ctx),
                                ctx,
                                ctx.threads(),
                                Duration.ofSeconds(1),
                                QuantizationConfig.defaults())
                        .toInt8(source.ref(), null, calibration, 42);
        Derivation.log(ctx, d);
        return d.manifest().ref();
    }
}
