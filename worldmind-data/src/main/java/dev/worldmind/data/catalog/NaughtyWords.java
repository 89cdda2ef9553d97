package dev.worldmind.data.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.Provenance.DatasetRef;
import dev.worldmind.data.store.DatasetFile;
import dev.worldmind.data.store.DatasetSpec;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.data.store.NpmPackSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The English "List of Dirty, Naughty, Obscene and Otherwise Bad Words" (LDNOOBW, CC BY 4.0), as
 * the npm package {@code naughty-words} ships it: about 400 obscene words, slurs and sexual
 * phrases, some of several words, lowercase. Chat moderation reads it beside its own insult and
 * threat rules.
 *
 * @param entries the words and phrases, in the list's order
 * @param ref the list's name and content hash, for provenance
 */
public record NaughtyWords(List<String> entries, DatasetRef ref) {
    /** The list's file, its SHA-256 checksum and where to get it. */
    public static final DatasetSpec SPEC =
            new DatasetSpec(
                    "naughty-words-en",
                    "LDNOOBW English list: ~400 obscene words, slurs and sexual phrases",
                    List.of(
                            new DatasetFile(
                                    "en.json",
                                    "93318918595948065b83050eb31910d369466401e215e44af6d2c7a71fae56f2")),
                    new NpmPackSource("naughty-words", "1.2.0", "package"));

    public NaughtyWords {
        entries = List.copyOf(entries);
        Objects.requireNonNull(ref, "ref");
    }

    /**
     * Fetches the list if needed and loads it.
     *
     * @param store the dataset store
     * @param progress where to report fetching
     * @return the list
     */
    public static NaughtyWords load(DatasetStore store, ProgressMonitor progress) {
        return load(store.ensure(SPEC, progress));
    }

    /**
     * Loads the list from a folder holding {@code en.json} (a JSON array of strings).
     *
     * @param dir the folder
     * @return the list
     * @throws InvalidDataException if the file is not a non-empty JSON array of strings
     */
    public static NaughtyWords load(Path dir) {
        Path file = dir.resolve("en.json");
        List<String> entries;
        try {
            entries = Json.mapper().readValue(file.toFile(), new TypeReference<>() {});
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (entries == null || entries.isEmpty()) {
            throw new InvalidDataException(file + " holds no words");
        }
        return new NaughtyWords(
                entries,
                new DatasetRef(
                        SPEC.name(),
                        SPEC.contentHash(),
                        "LDNOOBW (naughty-words 1.2.0), " + entries.size() + " entries"));
    }
}
