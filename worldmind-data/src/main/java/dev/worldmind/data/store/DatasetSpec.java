package dev.worldmind.data.store;

import dev.worldmind.core.ContentHash;
import java.util.List;
import java.util.Objects;

/**
 * What a dataset consists of and where it comes from by default.
 *
 * @param name the dataset's name and folder, e.g. {@code mnist}
 * @param description one line for listings
 * @param files its files with their checksums
 * @param source where to get the files when they are missing
 */
public record DatasetSpec(
        String name, String description, List<DatasetFile> files, DatasetSource source) {
    public DatasetSpec {
        if (name == null || !name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("dataset names are lowercase words: " + name);
        }
        Objects.requireNonNull(description, "description");
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a dataset has at least one file");
        }
        Objects.requireNonNull(source, "source");
    }

    /** Returns one hash for the whole dataset, derived from its files' checksums. */
    public String contentHash() {
        return ContentHash.combine(files.stream().map(f -> f.name() + "=" + f.sha256()).toList());
    }

    /**
     * Returns the same dataset taken from another source.
     *
     * @param other the source
     */
    public DatasetSpec withSource(DatasetSource other) {
        return new DatasetSpec(name, description, files, other);
    }
}
