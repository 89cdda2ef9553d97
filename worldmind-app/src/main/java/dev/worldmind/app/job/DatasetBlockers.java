package dev.worldmind.app.job;

import dev.worldmind.core.WorldmindHome;
import dev.worldmind.data.store.DatasetSpec;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.data.store.DirectorySource;
import java.util.List;
import java.util.Optional;

/**
 * Whether a job's dataset can be had: it is in the home's store, or its source is a folder that has
 * every file. A dataset fetched from a package registry is assumed reachable (a failed fetch fails
 * the job with the registry's message).
 */
public final class DatasetBlockers {
    private DatasetBlockers() {}

    /**
     * Says what blocks a job that needs a dataset.
     *
     * @param home the Worldmind home
     * @param spec the dataset
     * @return the blocker, or empty when the data is there or can be fetched
     */
    public static Optional<Blocker> of(WorldmindHome home, DatasetSpec spec) {
        if (!(spec.source() instanceof DirectorySource folder)) {
            return Optional.empty();
        }
        List<String> missing = folder.missing(spec);
        if (missing.isEmpty() || new DatasetStore(home.datasets()).isComplete(spec)) {
            return Optional.empty();
        }
        String install = folder.installHint().isEmpty() ? "" : folder.installHint() + ", or ";
        return Optional.of(
                new Blocker(
                        "dataset "
                                + spec.name()
                                + " is not on this machine ("
                                + String.join(", ", missing)
                                + " missing in "
                                + folder.folder()
                                + ")",
                        install
                                + "./worldmind data fetch "
                                + spec.name()
                                + " --from DIR with the files; the job starts by itself within"
                                + " 30 s (or retry it now)"));
    }
}
