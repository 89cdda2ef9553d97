package dev.worldmind.app.reinforce;

import dev.worldmind.app.job.JobContext;
import dev.worldmind.app.job.JobKind;
import dev.worldmind.app.job.JobPlan;
import dev.worldmind.app.job.JobProgress;
import dev.worldmind.app.job.JobSettings;
import dev.worldmind.app.job.ServedVersions;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import java.util.Optional;
import java.util.Set;

/**
 * Job kind {@code rl}: trains the museum guide's navigation policy (PPO on NavGrid-museum), judges
 * it on held-out start/goal pairs and registers it as {@value MuseumNavigator#NAME}. Settings:
 * {@code steps} (default {@value MuseumNavigator#STEPS}), {@code ifMissing}. A run stopped midway
 * starts over: the learners keep checkpoints for judging, not for resuming.
 */
public final class NavigatorJob implements JobKind {
    /** What the museum guide's learned walking waits for. */
    public static final String TOURS = "the museum guide's learned navigation on tours";

    @Override
    public String id() {
        return "rl";
    }

    @Override
    public String describe() {
        return "train the museum guide's navigation policy (PPO on NavGrid-museum): steps,"
                + " ifMissing";
    }

    @Override
    public JobPlan plan(JobSettings s, WorldmindHome home) {
        s.allowOnly(id(), Set.of("steps", "ifMissing"));
        int steps = s.integer("steps", 1_000, 20_000_000).orElse((int) MuseumNavigator.STEPS);
        return new JobPlan(
                s.with("steps", steps),
                MuseumNavigator.NAME
                        + ": PPO on "
                        + MuseumNavigator.ENVIRONMENT
                        + ", "
                        + steps
                        + " steps",
                TOURS,
                30);
    }

    @Override
    public Optional<String> satisfied(JobSettings s, WorldmindHome home) {
        return s.flag("ifMissing", false)
                ? JobSettings.registered(home, MuseumNavigator.NAME)
                : Optional.empty();
    }

    @Override
    public String run(JobContext ctx) {
        ModelRegistry registry = new ModelRegistry(ctx.home().models());
        Optional<String> done = satisfied(ctx.settings(), ctx.home());
        if (done.isPresent()) {
            ctx.info(done.get() + " is already registered");
            return done.get();
        }
        int steps = ctx.settings().integer("steps", 1_000, 20_000_000).orElseThrow();
        ServedVersions.keep(registry, MuseumNavigator.NAME, ctx);
        ModelManifest m =
                MuseumNavigator.train(
                        registry,
                        ctx.home()
                                .runs()
                                .resolve("job-" + ctx.job().id() + "-" + MuseumNavigator.NAME),
                        steps,
                        MuseumNavigator.SEED,
                        JobProgress.learning(ctx),
                        ctx);
        return m.ref();
    }
}
