package dev.worldmind.app.vision;

import dev.worldmind.app.job.JobContext;
import dev.worldmind.app.job.JobKind;
import dev.worldmind.app.job.JobPlan;
import dev.worldmind.app.job.JobSettings;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import java.util.HashSet;
import java.util.Set;

/**
 * A job on one registered image classifier (setting {@code model}, {@code name[:version]}): the
 * base of evaluate, export, quantize and prune. The model is resolved to its version when the job
 * is queued, so the job always works on what was asked for.
 */
abstract class ModelJob implements JobKind {
    /** The settings the kind takes besides {@code model}. */
    Set<String> extraSettings() {
        return Set.of();
    }

    /** The verb in the title, e.g. {@code export to ONNX}. */
    abstract String verb();

    /** How soon it runs: lower first. */
    int priority() {
        return 60;
    }

    /** Does the work on the resolved model. */
    abstract String run(JobContext ctx, ModelManifest source);

    @Override
    public JobPlan plan(JobSettings s, WorldmindHome home) {
        Set<String> known = new HashSet<>(extraSettings());
        known.add("model");
        s.allowOnly(id(), known);
        ModelManifest m = resolve(home, s.require("model"));
        if (!m.kind().equals(ModelManifest.IMAGE_CLASSIFIER)) {
            throw new InvalidDataException(
                    m.ref() + " is a " + m.kind() + "; " + id() + " takes an image classifier");
        }
        planExtras(s);
        return new JobPlan(s.with("model", m.ref()), m.ref() + ": " + verb(), null, priority());
    }

    /** Checks the extra settings. */
    void planExtras(JobSettings s) {}

    @Override
    public String run(JobContext ctx) {
        ModelManifest source = resolve(ctx.home(), ctx.settings().require("model"));
        ctx.usesEngine();
        ctx.progress(0, verb());
        return run(ctx, source);
    }

    static ModelManifest resolve(WorldmindHome home, String ref) {
        try {
            return new ModelRegistry(home.models()).get(ref);
        } catch (NotFoundException | IllegalArgumentException e) {
            throw new InvalidDataException(e.getMessage());
        }
    }
}
