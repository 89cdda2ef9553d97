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
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The AFINN-165 lexicon (Finn Årup Nielsen): English words and phrases scored from -5 (very
 * negative) to +5 (very positive), with the negators the npm package {@code sentiment} flips a
 * following word's score after.
 *
 * @param scores the score of each lowercase word
 * @param negators the words that flip the score of the word after them
 * @param ref the lexicon's name and content hash, for provenance
 */
public record Afinn(Map<String, Integer> scores, Set<String> negators, DatasetRef ref) {
    /** The lexicon's files, their SHA-256 checksums and where to get them. */
    public static final DatasetSpec SPEC =
            new DatasetSpec(
                    "afinn-165",
                    "AFINN-165 sentiment lexicon: word scores from -5 to +5, with negators",
                    List.of(
                            new DatasetFile(
                                    "labels.json",
                                    "c632f16659901337310443c0a9981bef230704ef46ec70fbd08be5b9890341ea"),
                            new DatasetFile(
                                    "negators.json",
                                    "5d38893d6e78241e9a6efd9deb0cf6d148c98f2479af9b18b161243c28c5ea50")),
                    new NpmPackSource("sentiment", "5.0.2", "package/languages/en"));

    public Afinn {
        scores = Map.copyOf(scores);
        negators = Set.copyOf(negators);
        Objects.requireNonNull(ref, "ref");
    }

    /**
     * Fetches the lexicon if needed and loads it.
     *
     * @param store the dataset store
     * @param progress where to report fetching
     * @return the lexicon
     */
    public static Afinn load(DatasetStore store, ProgressMonitor progress) {
        return load(store.ensure(SPEC, progress));
    }

    /**
     * Loads the lexicon from a folder holding {@code labels.json} and {@code negators.json}.
     *
     * @param dir the folder
     * @return the lexicon
     * @throws InvalidDataException if a file is not the expected JSON object
     */
    public static Afinn load(Path dir) {
        Map<String, Integer> scores = readObject(dir.resolve("labels.json"));
        Map<String, Integer> negators = readObject(dir.resolve("negators.json"));
        return new Afinn(
                scores,
                negators.keySet(),
                new DatasetRef(
                        SPEC.name(), SPEC.contentHash(), "AFINN-165, " + scores.size() + " words"));
    }

    /**
     * Returns a word's score.
     *
     * @param word the lowercase word
     * @return its score, 0 for words the lexicon lacks
     */
    public int score(String word) {
        return scores.getOrDefault(word, 0);
    }

    private static Map<String, Integer> readObject(Path file) {
        try {
            Map<String, Integer> map =
                    Json.mapper().readValue(file.toFile(), new TypeReference<>() {});
            if (map == null || map.isEmpty()) {
                throw new InvalidDataException(file + " holds no words");
            }
            return map;
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
