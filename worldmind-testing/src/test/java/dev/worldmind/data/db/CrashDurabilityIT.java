package dev.worldmind.data.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.data.events.BehaviourEvent;
import dev.worldmind.data.events.EventLog;
import dev.worldmind.data.events.EventQuery;
import dev.worldmind.testing.ChildJvm;
import dev.worldmind.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every transaction that returned from its commit survives the process being killed with SIGKILL in
 * the middle of its work: a child JVM appends events and prints their ids, this test kills it and
 * reopens the database.
 */
class CrashDurabilityIT {
    private static final int IDS_BEFORE_KILL = 200;

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keepsEveryCommittedEventAfterKillDashNine(TestDatabase kind) throws Exception {
        DatabaseConfig config = kind.config(dir);
        Path stderr = dir.resolve("child.err");
        ProcessBuilder builder =
                ChildJvm.of(AppendUntilKilled.class, config, "-Xmx256m")
                        .redirectError(stderr.toFile());
        Process child = builder.start();
        List<Long> printed = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("child stderr: %s", read(stderr)).isEqualTo("open");
            if (kind == TestDatabase.H2) {
                assertThatThrownBy(() -> Database.open(config))
                        .isInstanceOf(DatabaseException.class)
                        .hasMessageContaining("is in use by another Worldmind process");
            }
            // Kill the child right after its latest commit: keep reading until at least 200 ids
            // are in and nothing more is waiting in the pipe, so the last ids checked are the
            // ones committed just before the kill (not old lines buffered in the pipe).
            while ((printed.size() < IDS_BEFORE_KILL || out.ready())
                    && (line = out.readLine()) != null) {
                printed.add(Long.parseLong(line));
            }
            // SIGKILL: no shutdown hooks, no H2 close. (It also closes our end of the pipe: ids
            // printed after this point are not checked.)
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(printed)
                .as("child stderr: %s", read(stderr))
                .hasSizeGreaterThanOrEqualTo(IDS_BEFORE_KILL);

        try (Database db = Database.open(config)) {
            Set<Long> stored = new HashSet<>();
            for (BehaviourEvent e : new EventLog(db).query(EventQuery.all())) {
                stored.add(e.id());
            }
            assertThat(stored).containsAll(printed);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
