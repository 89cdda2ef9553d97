package dev.worldmind.data.store;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.progress.ProgressMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies a dataset's files from a local folder: for machines without npm or network, and for
 * datasets that arrive as system packages.
 *
 * @param folder the folder holding the files under their dataset names
 */
public record DirectorySource(Path folder) implements DatasetSource {
    @Override
    public void fetch(DatasetSpec spec, Path target, ProgressMonitor progress) {
        for (DatasetFile file : spec.files()) {
            Path from = folder.resolve(file.name());
            if (!Files.isRegularFile(from)) {
                throw new NotFoundException(
                        "dataset " + spec.name() + ": " + file.name() + " is missing in " + folder);
            }
            try {
                Files.copy(from, target.resolve(file.name()));
            } catch (IOException e) {
                throw new WorldmindException("cannot copy " + from + ": " + e, e);
            }
        }
    }

    @Override
    public String describe() {
        return "folder " + folder;
    }
}
