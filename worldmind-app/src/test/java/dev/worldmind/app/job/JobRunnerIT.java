package dev.worldmind.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.core.WorldmindHome;
import dev.worldmind.data.db.Database;
import dev.worldmind.data.db.DatabaseConfig;
import dev.worldmind.data.jobs.Job;
import dev.worldmind.data.jobs.JobState;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.testing.ChildJvm;
import dev.worldmind.testing.TestDatabase;
import dev.worldmind.testing.TestHome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A training job survives its process being killed with SIGKILL mid-training: the next runner
 * queues it again, the trainer resumes from the last epoch checkpoint, and exactly one model is
 * registered.
 */
class JobRunnerIT {
    /** Three epochs of the Keras CNN on 6,000 MNIST images: a few seconds each. */
    static final Map<String, Object> SETTINGS =
            Map.of(
                    "dataset", "mnist",
                    "architecture", "keras-cnn",
                    "name", "kill-test",
                    "epochs", 3,
                    "limit", 6000);

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void resumesATrainingJobFromItsCheckpointAfterKillDashNine(TestDatabase kind) throws Exception {
        DatabaseConfig config = kind.config(dir);
        WorldmindHome home = TestHome.isolated(dir.resolve("home"));
        Path stderr = dir.resolve("child.err");
        ProcessBuilder builder =
                ChildJvm.of(RunJobsUntilKilled.class, config, "-Xmx1g", "-Dai.djl.offline=true")
                        .redirectError(stderr.toFile());
        builder.environment().put("WM_HOME", home.root().toString());
        Process child = builder.start();
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean firstEpoch = false;
            while ((line = out.readLine()) != null) {
                if (line.equals("epoch 1 done")) {
                    firstEpoch = true;
                    break;
                }
            }
            assertThat(firstEpoch)
                    .as("the child finished epoch 1; its stderr: %s", Files.readString(stderr))
                    .isTrue();
            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        try (Database db = Database.open(config)) {
            JobQueue queue = new JobQueue(db, home, JobKinds.installed());
            Job interrupted = queue.list(1).get(0);
            assertThat(interrupted.state()).isEqualTo(JobState.RUNNING);
            assertThat(new ModelRegistry(home.models()).latestVersion("kill-test")).isEmpty();

            try (JobRunner runner = new JobRunner(queue, () -> 2, JobListener.NONE)) {
                runner.runUntilIdle();
            }
            Job done = queue.find(interrupted.id()).orElseThrow();
            assertThat(done.state()).as("%s", queue.log(done.id(), 50)).isEqualTo(JobState.DONE);
            assertThat(done.attempts()).isEqualTo(2);
            assertThat(done.output()).isEqualTo("kill-test:1");
            List<String> log = queue.log(done.id(), 200);
            assertThat(log)
                    .anyMatch(l -> l.startsWith("resuming from the checkpoint after epoch "));
            assertThat(log).anyMatch(l -> l.startsWith("epoch 3/3"));
            assertThat(log)
                    .noneMatch(
                            l ->
                                    l.startsWith("epoch 1/3")
                                            && log.indexOf(l) > log.indexOf("started (attempt 2)"));
            assertThat(new ModelRegistry(home.models()).list())
                    .extracting(ModelRegistry.Entry::name)
                    .containsExactly("kill-test");

            // The same job again is deduplicated only while active: done, it is queued anew.
            assertThat(queue.submit("train", SETTINGS, "test").deduplicated()).isFalse();
        }
    }
}
