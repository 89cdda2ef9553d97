package dev.worldmind.app.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.provenance.Provenance;
import dev.worldmind.data.interaction.Interaction;
import dev.worldmind.data.interaction.InteractionMatrix;
import dev.worldmind.model.recommend.ItemKnn;
import dev.worldmind.model.recommend.Parameters;
import dev.worldmind.model.recommend.Recommender;
import dev.worldmind.model.recommend.RecommenderArtifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a saved {@link RecommenderArtifact}, also for algorithms that {@code Recommenders.of} does
 * not dispatch yet (item-kNN on this branch). A bridge: once {@code Recommenders.of} knows every
 * algorithm, {@link #load} is just {@link RecommenderArtifact#load} and this class can go.
 * Stateless.
 */
final class ArtifactFiles {
    private ArtifactFiles() {}

    static RecommenderArtifact load(Path dir) {
        try {
            return RecommenderArtifact.load(dir);
        } catch (InvalidDataException e) {
            if (!e.getMessage().contains("unknown recommender algorithm")) {
                throw e;
            }
        }
        Parameters p = Parameters.read(dir.resolve(RecommenderArtifact.PARAMETERS));
        Recommender r;
        if (ItemKnn.NAME.equals(p.algorithm())) {
            r = ItemKnn.fromParameters(p);
        } else {
            throw new InvalidDataException(
                    "unknown recommender algorithm '" + p.algorithm() + "' in " + dir);
        }
        JsonNode manifest = Json.read(dir.resolve(RecommenderArtifact.MANIFEST), JsonNode.class);
        if (manifest.path("formatVersion").asInt() != RecommenderArtifact.FORMAT_VERSION) {
            throw new InvalidDataException(
                    dir + ": recommender format " + manifest.path("formatVersion").asInt());
        }
        Provenance provenance;
        try {
            provenance = Json.mapper().treeToValue(manifest.get("provenance"), Provenance.class);
        } catch (IOException e) {
            throw new InvalidDataException(dir + ": bad provenance: " + e.getMessage(), e);
        }
        List<Interaction> all = new ArrayList<>();
        try {
            for (String line :
                    Files.readAllLines(
                            dir.resolve(RecommenderArtifact.INTERACTIONS),
                            StandardCharsets.UTF_8)) {
                String[] f = line.split("\\t", -1);
                if (f.length != 4) {
                    throw new InvalidDataException(dir + ": a damaged interactions line");
                }
                all.add(
                        new Interaction(
                                f[0], f[1], Double.parseDouble(f[2]), Long.parseLong(f[3])));
            }
        } catch (IOException | NumberFormatException e) {
            throw new InvalidDataException(dir + ": cannot read the interactions: " + e, e);
        }
        return new RecommenderArtifact(InteractionMatrix.of(all), r, provenance);
    }
}
