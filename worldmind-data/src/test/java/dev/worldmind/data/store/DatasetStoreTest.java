package dev.worldmind.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.ContentHash;
import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindException;
import dev.worldmind.core.progress.ProgressMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStoreTest {
    @TempDir Path tmp;
    private Path source;
    private DatasetStore store;
    private DatasetSpec spec;

    @BeforeEach
    void setUp() throws IOException {
        source = Files.createDirectories(tmp.resolve("source"));
        Files.writeString(source.resolve("a.bin"), "alpha");
        Files.writeString(source.resolve("b.bin"), "beta");
        store = new DatasetStore(tmp.resolve("store"));
        spec =
                new DatasetSpec(
                        "toy",
                        "two small files",
                        List.of(
                                new DatasetFile("a.bin", ContentHash.of("alpha".getBytes())),
                                new DatasetFile("b.bin", ContentHash.of("beta".getBytes()))),
                        new DirectorySource(source));
    }

    @Test
    void fetchesVerifiesAndStores() throws IOException {
        Path dir = store.ensure(spec, ProgressMonitor.silent());

        assertThat(Files.readString(dir.resolve("a.bin"))).isEqualTo("alpha");
        assertThat(store.isComplete(spec)).isTrue();
    }

    @Test
    void neverFetchesWhatItAlreadyHas() throws IOException {
        store.ensure(spec, ProgressMonitor.silent());
        deleteTree(source);

        Path dir = store.ensure(spec, ProgressMonitor.silent());

        assertThat(Files.readString(dir.resolve("b.bin"))).isEqualTo("beta");
    }

    @Test
    void refusesAFileWhoseChecksumDoesNotMatchAndStoresNothing() throws IOException {
        Files.writeString(source.resolve("b.bin"), "beta, tampered");

        assertThatThrownBy(() -> store.ensure(spec, ProgressMonitor.silent()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("checksum mismatch for b.bin")
                .hasMessageContaining(ContentHash.of("beta".getBytes()));
        assertThat(store.isComplete(spec)).isFalse();
        try (Stream<Path> left = Files.list(store.root())) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.contains("fetch"));
        }
    }

    @Test
    void replacesADamagedFileOnTheNextFetch() throws IOException {
        Path dir = store.ensure(spec, ProgressMonitor.silent());
        Files.writeString(dir.resolve("a.bin"), "bit rot");
        assertThat(store.isComplete(spec)).isFalse();

        store.ensure(spec, ProgressMonitor.silent());

        assertThat(Files.readString(dir.resolve("a.bin"))).isEqualTo("alpha");
    }

    @Test
    void reportsAnNpmPackageThatDoesNotExist() {
        DatasetSpec missing =
                spec.withSource(
                        new NpmPackSource(
                                "worldmind-no-such-package-" + System.nanoTime(), "1.0.0", "data"));

        assertThatThrownBy(() -> store.ensure(missing, ProgressMonitor.silent()))
                .isInstanceOf(WorldmindException.class)
                .hasMessageContaining("npm");
    }

    @Test
    void specRejectsMalformedChecksums() {
        assertThatThrownBy(() -> new DatasetFile("x", "abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 lowercase hex");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
