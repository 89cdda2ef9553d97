package dev.worldmind.model.recommend;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.UnsupportedFormatVersionException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A trained recommender as the registry keeps it: the recommender's parameters, the training
 * interactions it was fitted on (its users, items and what each user has already seen) and its
 * provenance. A folder holds {@value #MANIFEST} (format version, algorithm, provenance), {@value
 * #PARAMETERS} and {@value #INTERACTIONS} (tab-separated user, item, weight, time).
 *
 * @param train the training interactions
 * @param recommender the trained recommender over {@code train}'s items
 * @param provenance how it was made
 */
public record RecommenderArtifact(
        InteractionMatrix train, Recommender recommender, Provenance provenance) {
    /** The version of the folder layout; loading any other fails with a clear message. */
    public static final int FORMAT_VERSION = 1;

    /** The manifest's file name. */
    public static final String MANIFEST = "recommender.json";

    /** The parameters' file name. */
    public static final String PARAMETERS = "parameters.wmrp";

    /** The training interactions' file name. */
    public static final String INTERACTIONS = "interactions.tsv";

    public RecommenderArtifact {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(recommender, "recommender");
        Objects.requireNonNull(provenance, "provenance");
        if (recommender.items() != train.items()) {
            throw new IllegalArgumentException(
                    recommender.algorithm()
                            + " scores "
                            + recommender.items()
                            + " items but the training data has "
                            + train.items());
        }
    }

    private record Manifest(
            int formatVersion, String algorithm, int users, int items, Provenance provenance) {}

    /**
     * Saves the artifact into a folder.
     *
     * @param dir the folder, created if needed
     */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            recommender.parameters().write(dir.resolve(PARAMETERS));
            try (BufferedWriter out =
                    Files.newBufferedWriter(dir.resolve(INTERACTIONS), StandardCharsets.UTF_8)) {
                for (Interaction x : train.interactions()) {
                    out.write(
                            clean(x.user())
                                    + "\t"
                                    + clean(x.item())
                                    + "\t"
                                    + x.weight()
                                    + "\t"
                                    + x.at()
                                    + "\n");
                }
            }
        } catch (IOException e) {
            throw new WorldmindException("cannot save the recommender to " + dir + ": " + e, e);
        }
        Json.write(
                dir.resolve(MANIFEST),
                new Manifest(
                        FORMAT_VERSION,
                        recommender.algorithm(),
                        train.users(),
                        train.items(),
                        provenance));
    }

    /**
     * Loads an artifact saved by {@link #save}.
     *
     * @param dir the folder
     * @return the artifact
     * @throws InvalidDataException when files are missing or damaged
     * @throws UnsupportedFormatVersionException when it was saved in another format version
     */
    public static RecommenderArtifact load(Path dir) {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new InvalidDataException(
                    "no recommender in " + dir + ": " + MANIFEST + " is missing");
        }
        Manifest m = Json.read(manifestFile, Manifest.class);
        if (m.formatVersion() != FORMAT_VERSION) {
            throw new UnsupportedFormatVersionException(
                    "recommender " + dir, m.formatVersion(), FORMAT_VERSION);
        }
        List<Interaction> all = new ArrayList<>();
        try (BufferedReader in =
                Files.newBufferedReader(dir.resolve(INTERACTIONS), StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new InvalidDataException(
                            dir.resolve(INTERACTIONS)
                                    + " line "
                                    + n
                                    + " has "
                                    + f.length
                                    + " fields, not 4");
                }
                try {
                    all.add(
                            new Interaction(
                                    f[0], f[1], Double.parseDouble(f[2]), Long.parseLong(f[3])));
                } catch (NumberFormatException e) {
                    throw new InvalidDataException(
                            dir.resolve(INTERACTIONS) + " line " + n + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new InvalidDataException(
                    "cannot read " + dir.resolve(INTERACTIONS) + ": " + e, e);
        }
        InteractionMatrix train = InteractionMatrix.of(all);
        if (train.users() != m.users() || train.items() != m.items()) {
            throw new InvalidDataException(
                    dir
                            + " holds "
                            + train
                            + " but its manifest says "
                            + m.users()
                            + " users, "
                            + m.items()
                            + " items");
        }
        Recommender r = Recommenders.read(dir.resolve(PARAMETERS));
        if (!r.algorithm().equals(m.algorithm())) {
            throw new InvalidDataException(
                    dir
                            + ": the manifest says "
                            + m.algorithm()
                            + " but the parameters are "
                            + r.algorithm());
        }
        return new RecommenderArtifact(train, r, m.provenance());
    }

    private static String clean(String id) {
        if (id.indexOf('\t') >= 0 || id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
            throw new InvalidDataException("an id cannot hold tabs or line breaks: " + id);
        }
        return id;
    }
}
