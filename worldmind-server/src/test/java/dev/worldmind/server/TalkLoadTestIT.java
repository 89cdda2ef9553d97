package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.progress.ProgressMonitor;
import dev.worldmind.server.load.TalkLoadTest;
import dev.worldmind.server.load.TalkOptions;
import dev.worldmind.server.load.TalkReport;
import dev.worldmind.testing.TestDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The talk load test against a real world server with its five characters. */
class TalkLoadTestIT {
    @TempDir Path dir;

    @Test
    void visitorsWalkUpToEachCharacterAndEveryReplyIsTimed() {
        try (TestWorld world =
                new TestWorld(
                        CharacterWorldIT.config(),
                        TestDatabases.h2(dir.resolve("talk")),
                        Clock.systemUTC())) {
            TalkReport report =
                    new TalkLoadTest(
                                    new TalkOptions(
                                            URI.create("http://127.0.0.1:" + world.server.port()),
                                            "admin",
                                            world.adminPassword,
                                            10,
                                            Duration.ofSeconds(2),
                                            Duration.ofSeconds(2),
                                            Duration.ofSeconds(5),
                                            Duration.ofSeconds(20),
                                            7),
                                    ProgressMonitor.silent())
                            .run();

            // Two visitors per space; the plaza's far spawn points mean some had to walk round.
            assertThat(report.clientsTalking()).isEqualTo(10);
            assertThat(report.rows())
                    .extracting(TalkReport.Row::character)
                    .containsExactly("iris", "juno", "mina", "sam", "theo", "all");
            TalkReport.Row all = report.all();
            assertThat(all.asked()).isGreaterThanOrEqualTo(10);
            assertThat(all.replies()).isEqualTo(all.asked());
            assertThat(all.errors() + all.timeouts()).isZero();
            assertThat(report.errorCodes()).isEmpty();
            assertThat(all.end().count()).isEqualTo(all.replies());
            assertThat(all.end().p50()).isPositive();
            assertThat(all.firstToken().count()).isPositive();
            assertThat(all.firstToken().p50()).isLessThanOrEqualTo(all.end().max());
            assertThat(report.sampleReplies())
                    .isNotEmpty()
                    .allSatisfy((q, a) -> assertThat(a).isNotBlank());
            assertThat(report.sampleReplies().keySet()).anyMatch(q -> q.startsWith("mina: "));
        }
    }
}
