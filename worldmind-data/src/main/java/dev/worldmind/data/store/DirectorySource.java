package dev.worldmind.data.store;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.progress.ProgressMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Copies a dataset's files from a local folder: for machines without npm or network, and for
 * datasets that arrive as system packages.
 *
 * @param folder the folder holding the files under their dataset names
 * @param installHint how a person puts the files there (e.g. a system package to install), or empty
 */
public record DirectorySource(Path folder, String installHint) implements DatasetSource {
    public DirectorySource {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(installHint, "installHint");
    }

    /**
     * A folder without an install hint (one a person named).
     *
     * @param folder the folder
     */
    public DirectorySource(Path folder) {
        this(folder, "");
    }

    @Override
    public void fetch(DatasetSpec spec, Path target, ProgressMonitor progress) {
        for (DatasetFile file : spec.files()) {
            Path from = folder.resolve(file.name());
            if (!Files.isRegularFile(from)) {
                throw new NotFoundException(
                        "dataset "
                                + spec.name()
                                + ": "
                                + file.name()
                                + " is missing in "
                                + folder
                                + (installHint.isEmpty() ? "" : " (" + installHint + ")"));
            }
            try {
                Files.copy(from, target.resolve(file.name()));
            } catch (IOException e) {
                throw new WorldmindException("cannot copy " + from + ": " + e, e);
            }
        }
    }

    /**
     * Returns the dataset's files that are not in the folder.
     *
     * @param spec the dataset
     * @return their names, empty when the folder has them all
     */
    public List<String> missing(DatasetSpec spec) {
        return spec.files().stream()
                .map(DatasetFile::name)
                .filter(n -> !Files.isRegularFile(folder.resolve(n)))
                .toList();
    }

    @Override
    public String describe() {
        return "folder " + folder;
    }
}
