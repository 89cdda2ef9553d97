package dev.worldmind.data.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.data.store.DatasetStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
    @Test
    void loadsTheDebianPackagesFilesIntoTheStore(@TempDir Path store) {
        assumeThat(Files.isDirectory(Path.of(FashionMnist.DEBIAN_FOLDER)))
                .as(
                        "Fashion-MNIST needs the Debian package dataset-fashion-mnist"
                                + " (.ci/run installs it)")
                .isTrue();
        TrainTest data = FashionMnist.load(new DatasetStore(store), ProgressMonitor.silent());
        assertThat(data.train().size()).isEqualTo(60_000);
        assertThat(data.test().size()).isEqualTo(10_000);
        assertThat(data.train().classNames())
                .hasSize(10)
                .startsWith("T-shirt/top")
                .endsWith("Ankle boot");
        int[] perClass = new int[10];
        for (int i = 0; i < data.test().size(); i++) {
            perClass[data.test().label(i)]++;
        }
        assertThat(perClass).containsOnly(1_000); // the test split is balanced
        assertThat(store.resolve("fashion-mnist/train-images-idx3-ubyte.gz")).isRegularFile();
    }
}
