package dev.worldmind.app.generate;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mnist-gan acceptance run: FID falls every epoch and ends far below the untrained one. */
@Tag("slow")
class GanMnistIT {
    @Test
    void fidFallsEveryEpochOnMnist(@TempDir Path tmp) {
        GanAcceptance.run(GanAcceptance.home(tmp), "mnist");
    }
}
