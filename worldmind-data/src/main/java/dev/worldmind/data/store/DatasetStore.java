package dev.worldmind.data.store;

import dev.worldmind.core.ContentHash;
import dev.worldmind.core.Folders;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.progress.ProgressMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps datasets under one folder, one subfolder each, and guarantees that what it hands out
 * matches the published checksums. It fetches only what is missing or damaged, into a temporary
 * folder first, so an interrupted fetch never leaves half a dataset behind.
 *
 * <p>Not safe for two processes fetching the same dataset at once; reading is always safe.
 */
public final class DatasetStore {
    private final Path root;

    /**
     * Creates a store.
     *
     * @param root the folder holding all datasets
     */
    public DatasetStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Returns the folder holding all datasets. */
    public Path root() {
        return root;
    }

    /**
     * Returns the folder of a dataset whose files all match their checksums, fetching from the
     * dataset's source only the files that are missing or damaged.
     *
     * @param spec the dataset
     * @param progress where to report fetching
     * @return the dataset's folder
     * @throws InvalidDataException if fetched files do not match their checksums
     */
    public Path ensure(DatasetSpec spec, ProgressMonitor progress) {
        Path dir = root.resolve(spec.name());
        List<DatasetFile> missing = missingOrDamaged(spec, dir);
        if (missing.isEmpty()) {
            return dir;
        }
        try {
            Files.createDirectories(dir);
            Path staging = Files.createTempDirectory(root, "." + spec.name() + "-fetch-");
            try {
                spec.source().fetch(spec, staging, progress);
                for (DatasetFile file : missing) {
                    Path fetched = staging.resolve(file.name());
                    verify(file, fetched, spec.source().describe());
                    Files.move(
                            fetched,
                            dir.resolve(file.name()),
                            StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                Folders.deleteTree(staging);
            }
        } catch (IOException e) {
            throw new WorldmindException("cannot store dataset " + spec.name() + ": " + e, e);
        }
        progress.info("dataset " + spec.name() + " ready in " + dir);
        return dir;
    }

    /**
     * Returns whether every file of the dataset is present and matches its checksum.
     *
     * @param spec the dataset
     */
    public boolean isComplete(DatasetSpec spec) {
        return missingOrDamaged(spec, root.resolve(spec.name())).isEmpty();
    }

    private static List<DatasetFile> missingOrDamaged(DatasetSpec spec, Path dir) {
        List<DatasetFile> result = new ArrayList<>();
        for (DatasetFile file : spec.files()) {
            Path p = dir.resolve(file.name());
            if (!Files.isRegularFile(p) || !ContentHash.of(p).equals(file.sha256())) {
                result.add(file);
            }
        }
        return result;
    }

    private static void verify(DatasetFile file, Path fetched, String source) {
        if (!Files.isRegularFile(fetched)) {
            throw new InvalidDataException(source + " did not provide " + file.name());
        }
        String actual = ContentHash.of(fetched);
        if (!actual.equals(file.sha256())) {
            throw new InvalidDataException(
                    "checksum mismatch for "
                            + file.name()
                            + " from "
                            + source
                            + ": expected SHA-256 "
                            + file.sha256()
                            + " but got "
                            + actual
                            + "; the file is damaged or not the published one, so it was not"
                            + " stored");
        }
    }
}
