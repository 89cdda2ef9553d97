package dev.worldmind.app.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.jobs.JobState;
import dev.worldmind.data.jobs.JobStore;
import dev.worldmind.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queueing through the job kinds (no runner): checks, completed settings, dedup and limits. */
class JobQueueTest {
    @TempDir Path dir;

    @Test
    void checksCompletesAndDeduplicatesRequests() {
        WorldmindHome home = new WorldmindHome(dir.resolve("home")).create();
        try (Database db = TestDatabase.H2.open(dir)) {
            JobQueue queue = new JobQueue(db, home, JobKinds.installed());
            assertThat(JobKinds.installed().all())
                    .extracting(JobKind::id)
                    .contains(
                            "train",
                            "evaluate",
                            "export",
                            "quantize",
                            "prune",
                            "gan",
                            "rl",
                            "language");

            JobStore.Enqueued a = queue.submit("train", Map.of("dataset", "fashion-mnist"), "ada");
            assertThat(a.job().title()).isEqualTo("fashion-cnn: strong-cnn on fashion-mnist");
            assertThat(a.job().feature()).contains("fitting room");
            assertThat(JobSettings.parse(a.job().settings()).asMap())
                    .containsEntry("architecture", "strong-cnn")
                    .containsEntry("name", "fashion-cnn");
            // Spelling out the defaults is the same job.
            JobStore.Enqueued b =
                    queue.submit(
                            "train",
                            Map.of(
                                    "dataset", "fashion-mnist",
                                    "architecture", "strong-cnn",
                                    "name", "fashion-cnn"),
                            "bea");
            assertThat(b.deduplicated()).isTrue();
            assertThat(b.job().id()).isEqualTo(a.job().id());

            assertThatThrownBy(() -> queue.submit("paint", Map.of(), "ada"))
                    .isInstanceOf(InvalidDataException.class)
                    .hasMessageContaining("unknown job kind 'paint'")
                    .hasMessageContaining("train");
            assertThatThrownBy(() -> queue.submit("train", Map.of(), "ada"))
                    .hasMessageContaining("setting dataset is required");
            assertThatThrownBy(
                            () ->
                                    queue.submit(
                                            "train",
                                            Map.of("dataset", "mnist", "epochs", 1e12),
                                            "ada"))
                    .hasMessageContaining("epochs must lie in [1, 200]");
            assertThatThrownBy(
                            () ->
                                    queue.submit(
                                            "train",
                                            Map.of("dataset", "mnist", "epochs", 1.5),
                                            "ada"))
                    .hasMessageContaining("whole number");
            assertThatThrownBy(
                            () ->
                                    queue.submit(
                                            "train",
                                            Map.of("dataset", "mnist", "name", "../../etc"),
                                            "ada"))
                    .hasMessageContaining("a model name is");
            assertThatThrownBy(
                            () -> queue.submit("train", Map.of("dataset", Map.of("a", 1)), "ada"))
                    .hasMessageContaining("must be a string, number or boolean");
            assertThatThrownBy(() -> queue.submit("export", Map.of("model", "nothing:3"), "ada"))
                    .isInstanceOf(InvalidDataException.class);
            assertThatThrownBy(() -> queue.submit("language", Map.of("model", "gpt"), "ada"))
                    .hasMessageContaining("known: spam-filter, sentiment");
            assertThatThrownBy(
                            () ->
                                    queue.submit(
                                            "language",
                                            Map.of("model", "sentiment", "ifMissing", "maybe"),
                                            "ada"))
                    .hasMessageContaining("ifMissing must be true or false");
            assertThat(
                            queue.submit("rl", Map.of("steps", 5000, "ifMissing", false), "ada")
                                    .job()
                                    .id())
                    .as("ifMissing false is the same job as none")
                    .isEqualTo(queue.submit("rl", Map.of("steps", 5000), "ada").job().id());
            assertThatThrownBy(
                            () ->
                                    queue.submit(
                                            "train",
                                            Map.of("dataset", "mnist", "name", "spam-filter"),
                                            "ada"))
                    .hasMessageContaining("one of the world's other models");
            assertThatThrownBy(() -> queue.submit("export", Map.of("model", "../../etc:1"), "ada"))
                    .isInstanceOf(InvalidDataException.class);
        }
    }

    @Test
    void onePersonCannotTakeTheWholeQueue() {
        WorldmindHome home = new WorldmindHome(dir.resolve("home")).create();
        try (Database db = TestDatabase.H2.open(dir)) {
            JobQueue queue = new JobQueue(db, home, JobKinds.installed());
            for (int e = 1; e <= JobQueue.MAX_ACTIVE_PER_PERSON; e++) {
                queue.submit("train", Map.of("dataset", "mnist", "epochs", e), "mallory");
            }
            assertThatThrownBy(
                            () ->
                                    queue.submit(
                                            "train",
                                            Map.of("dataset", "mnist", "epochs", 99),
                                            "mallory"))
                    .isInstanceOf(JobLimitException.class)
                    .hasMessageContaining("already has 10 jobs");
            // Someone else still gets in, and a cancelled job frees a place.
            assertThat(
                            queue.submit("train", Map.of("dataset", "mnist", "epochs", 99), "ada")
                                    .job()
                                    .state())
                    .isEqualTo(JobState.QUEUED);
            long first =
                    queue.list(100).stream()
                            .filter(j -> "mallory".equals(j.requestedBy()))
                            .findFirst()
                            .orElseThrow()
                            .id();
            queue.cancel(first);
            assertThat(
                            queue.submit(
                                            "train",
                                            Map.of("dataset", "mnist", "epochs", 99),
                                            "mallory")
                                    .deduplicated())
                    .as("the identical job of ada's holds the place")
                    .isTrue();
        }
    }
}
