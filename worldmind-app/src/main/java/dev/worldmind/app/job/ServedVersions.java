package dev.worldmind.app.job;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.model.registry.Aliases;
import dev.worldmind.model.registry.ModelRegistry;
import java.util.Optional;

/**
 * Keeps the world on the version it uses while a job makes a new one: before a job registers
 * another version of an existing model, the {@code stable} alias is pinned to the version in use
 * (when none is pinned yet), so serving and the world's features switch only when a person promotes
 * the new version. A one-epoch experiment can no longer replace the model visitors rely on.
 */
public final class ServedVersions {
    private ServedVersions() {}

    /**
     * Pins the version in use of a model that already has one.
     *
     * @param registry the model registry
     * @param name the model the job will register a new version of
     * @param log where to say so
     */
    public static void keep(ModelRegistry registry, String name, ProgressMonitor log) {
        Optional<Integer> latest = registry.latestVersion(name);
        if (latest.isEmpty()) {
            return;
        }
        Integer stable = registry.aliases(name).aliases().get(Aliases.STABLE);
        int inUse = stable != null ? stable : latest.get();
        if (stable == null) {
            registry.setAlias(name, Aliases.STABLE, inUse);
        }
        log.info(
                "the world keeps using "
                        + name
                        + ":"
                        + inUse
                        + " until the new version is promoted (Studio, Models, Promote; or"
                        + " worldmind models promote)");
    }
}
