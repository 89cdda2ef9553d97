package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.server.load.LoadOptions;
import dev.worldmind.server.load.LoadReport;
import dev.worldmind.server.load.LoadTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadTestIT {
    @Test
    void smallLoadIsHeldAndMeasured() {
        LoadReport report =
                new LoadTest(
                                new LoadOptions(
                                        null,
                                        null,
                                        null,
                                        20,
                                        10,
                                        "plaza",
                                        Duration.ofSeconds(1),
                                        Duration.ofSeconds(3)),
                                ProgressMonitor.silent())
                        .run();
        assertThat(report.clientsHeld()).isEqualTo(20);
        assertThat(report.movesSentPerSecond()).isGreaterThan(100);
        assertThat(report.movesObservedPerSecond()).isGreaterThan(report.movesSentPerSecond());
        assertThat(report.p99Millis()).isPositive();
        assertThat(report.errors()).isZero();
    }
}
