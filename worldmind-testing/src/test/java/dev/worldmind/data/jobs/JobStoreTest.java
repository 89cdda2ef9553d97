package dev.worldmind.data.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.db.Database;
import dev.worldmind.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobStoreTest {
    @TempDir Path dir;

    private static JobRequest request(String settings, int priority) {
        return new JobRequest("train", settings, "t " + settings, "a feature", priority, "ada");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deduplicatesIdenticalJobsOnlyWhileTheyHoldTheirPlace(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            JobStore jobs = new JobStore(db);
            JobStore.Enqueued first = jobs.enqueue(request("{\"dataset\":\"mnist\"}", 10));
            JobStore.Enqueued again = jobs.enqueue(request("{\"dataset\":\"mnist\"}", 10));
            JobStore.Enqueued other = jobs.enqueue(request("{\"dataset\":\"fashion-mnist\"}", 10));

            assertThat(first.deduplicated()).isFalse();
            assertThat(again.deduplicated()).isTrue();
            assertThat(again.job().id()).isEqualTo(first.job().id());
            assertThat(other.job().id()).isNotEqualTo(first.job().id());
            assertThat(first.job().state()).isEqualTo(JobState.QUEUED);
            assertThat(first.job().requestedBy()).isEqualTo("ada");

            Job running = jobs.claimNext().orElseThrow();
            jobs.finish(running.id(), JobState.DONE, "keras-cnn:1", null);
            JobStore.Enqueued afterDone = jobs.enqueue(request(running.settings(), 10));
            assertThat(afterDone.deduplicated()).isFalse();
            assertThat(jobs.get(running.id()).output()).isEqualTo("keras-cnn:1");
            assertThat(jobs.get(running.id()).progress()).isEqualTo(1.0);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void claimsByPriorityThenAgeAndRecordsProgress(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            JobStore jobs = new JobStore(db);
            long late = jobs.enqueue(request("{\"a\":1}", 50)).job().id();
            long soon = jobs.enqueue(request("{\"a\":2}", 10)).job().id();
            long soonToo = jobs.enqueue(request("{\"a\":3}", 10)).job().id();

            Job first = jobs.claimNext().orElseThrow();
            assertThat(first.id()).isEqualTo(soon);
            assertThat(first.state()).isEqualTo(JobState.RUNNING);
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.startedAt()).isNotNull();
            jobs.progress(first.id(), 0.25, "epoch 1 of 4", 90L);
            Job seen = jobs.get(first.id());
            assertThat(seen.progress()).isEqualTo(0.25);
            assertThat(seen.stage()).isEqualTo("epoch 1 of 4");
            assertThat(seen.etaSeconds()).isEqualTo(90L);
            jobs.progress(first.id(), 0.5, null, null);
            assertThat(jobs.get(first.id()).etaSeconds()).isNull();

            assertThat(jobs.claimNext().orElseThrow().id()).isEqualTo(soonToo);
            assertThat(jobs.claimNext().orElseThrow().id()).isEqualTo(late);
            assertThat(jobs.claimNext()).isEmpty();
            assertThat(jobs.list(10)).extracting(Job::id).containsExactly(soonToo, soon, late);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void cancelsQueuedAtOnceAndRunningAtTheNextCheck(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            JobStore jobs = new JobStore(db);
            long running = jobs.enqueue(request("{\"a\":1}", 1)).job().id();
            long queued = jobs.enqueue(request("{\"a\":2}", 2)).job().id();
            jobs.claimNext();

            assertThat(jobs.cancel(queued).state()).isEqualTo(JobState.CANCELLED);
            Job asked = jobs.cancel(running);
            assertThat(asked.state()).isEqualTo(JobState.RUNNING);
            assertThat(asked.cancelRequested()).isTrue();
            assertThat(jobs.cancelRequested(running)).isTrue();
            jobs.finish(running, JobState.CANCELLED, null, "cancelled");

            assertThatThrownBy(() -> jobs.cancel(running))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("nothing to cancel");
            assertThatThrownBy(() -> jobs.cancel(999_999)).isInstanceOf(NotFoundException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void retriesFailedCancelledAndBlockedJobsButNotDoneOnes(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            JobStore jobs = new JobStore(db);
            long id = jobs.enqueue(request("{\"a\":1}", 1)).job().id();
            jobs.claimNext();
            jobs.finish(id, JobState.FAILED, null, "out of disk");
            assertThat(jobs.get(id).problem()).isEqualTo("out of disk");

            JobStore.Enqueued retried = jobs.retry(id);
            assertThat(retried.deduplicated()).isFalse();
            assertThat(retried.job().state()).isEqualTo(JobState.QUEUED);
            assertThat(retried.job().problem()).isNull();
            assertThatThrownBy(() -> jobs.retry(id)).isInstanceOf(IllegalStateException.class);

            jobs.claimNext();
            jobs.block(id, "dataset fashion-mnist is missing", "apt-get install it");
            Job blocked = jobs.get(id);
            assertThat(blocked.state()).isEqualTo(JobState.BLOCKED);
            assertThat(blocked.fix()).isEqualTo("apt-get install it");
            assertThat(jobs.enqueue(request("{\"a\":1}", 1)).deduplicated())
                    .as("a blocked job keeps its place")
                    .isTrue();
            assertThat(jobs.retry(id).job().state()).isEqualTo(JobState.QUEUED);

            Job again = jobs.claimNext().orElseThrow();
            assertThat(again.attempts()).isEqualTo(3);
            jobs.finish(id, JobState.DONE, "x:1", null);
            assertThatThrownBy(() -> jobs.retry(id))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("only failed, cancelled or blocked");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRetryMeetsTheIdenticalJobThatTookItsPlace(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            JobStore jobs = new JobStore(db);
            long id = jobs.enqueue(request("{\"a\":1}", 1)).job().id();
            jobs.cancel(id);
            long newer = jobs.enqueue(request("{\"a\":1}", 1)).job().id();

            JobStore.Enqueued r = jobs.retry(id);
            assertThat(r.deduplicated()).isTrue();
            assertThat(r.job().id()).isEqualTo(newer);
            assertThat(jobs.get(id).state()).isEqualTo(JobState.CANCELLED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void queuesAgainWhatWasRunningWhenTheProcessDied(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            JobStore jobs = new JobStore(db);
            long id = jobs.enqueue(request("{\"a\":1}", 1)).job().id();
            jobs.claimNext();
            assertThat(jobs.requeueInterrupted()).isEqualTo(1);
            assertThat(jobs.get(id).state()).isEqualTo(JobState.QUEUED);
            assertThat(jobs.claimNext().orElseThrow().attempts()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keepsTheLogTailAndTheCurvePoints(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            JobStore jobs = new JobStore(db);
            JobTrail trail = new JobTrail(db);
            long id = jobs.enqueue(request("{\"a\":1}", 1)).job().id();
            IntStream.range(0, 2_300).forEach(i -> trail.log(id, "line " + i));
            trail.log(id, "x".repeat(5_000));
            trail.point(id, new JobPoint("loss", 0.5, 2.25));
            trail.point(id, new JobPoint("validationAccuracy", 1, 0.98));

            List<String> tail = trail.tail(id, 3);
            assertThat(tail).hasSize(3);
            assertThat(tail.get(0)).isEqualTo("line 2298");
            assertThat(tail.get(2)).hasSize(JobTrail.MAX_LINE);
            assertThat(trail.tail(id, 100_000).size())
                    .isBetween(JobTrail.KEPT_LINES, JobTrail.KEPT_LINES + 101);
            assertThat(trail.points(id, 10))
                    .containsExactly(
                            new JobPoint("loss", 0.5, 2.25),
                            new JobPoint("validationAccuracy", 1, 0.98));
            assertThatThrownBy(() -> new JobPoint("loss", Double.NaN, 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
