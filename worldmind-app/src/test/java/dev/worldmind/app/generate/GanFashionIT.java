package dev.worldmind.app.generate;

import static org.assertj.core.api.Assumptions.assumeThat;

import dev.worldmind.data.catalog.FashionMnist;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fashion-gan acceptance run: FID falls every epoch and ends far below the untrained one. */
@Tag("slow")
class GanFashionIT {
    @Test
    void fidFallsEveryEpochOnFashionMnist(@TempDir Path tmp) {
        assumeThat(Files.isDirectory(Path.of(FashionMnist.DEBIAN_FOLDER)))
                .as("Fashion-MNIST needs the Debian package dataset-fashion-mnist")
                .isTrue();
        GanAcceptance.run(GanAcceptance.home(tmp), "fashion-mnist");
    }
}
